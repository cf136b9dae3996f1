import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { openCommitmentModal } from "../../coordinator-modals.js";
import { localeFor } from "../../locale-for.js";
import { replyPrivately } from "../../reply-privately.js";

/** **Nouvel engagement** (App Home): coordinators only, checked again here. */
export function openCreateCommitment(deps: AppDeps) {
  return async ({
    ack,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const refusal = await openCommitmentModal({
      deps,
      client,
      triggerId: body.trigger_id,
      userId: body.user.id,
      locale: await localeFor(deps, client, body.user.id),
    });
    if (refusal)
      await replyPrivately({ userId: body.user.id, responseUrl: body.response_url, respond, client }, refusal);
  };
}
