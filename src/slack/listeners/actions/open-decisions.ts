import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { openDecisionsModal } from "../../coordinator-modals.js";
import { localeFor } from "../../locale-for.js";
import { replyPrivately } from "../../reply-privately.js";

/** **Relevé de décisions**: value = the meeting id. Coordinators only. */
export function openDecisions(deps: AppDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const refusal = await openDecisionsModal({
      deps,
      client,
      triggerId: body.trigger_id,
      userId: body.user.id,
      locale: await localeFor(deps, client, body.user.id),
      meetingId: action.value ?? "",
    });
    if (refusal)
      await replyPrivately({ userId: body.user.id, responseUrl: body.response_url, respond, client }, refusal);
  };
}
