import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { openCommitmentModal } from "../../coordinator-modals.js";
import { localeFor } from "../../locale-for.js";
import { replyPrivately } from "../../reply-privately.js";
import { clickerOf } from "./button-listener.js";

/** « Modifier un engagement… » (App Home menu) or a **Modifier** button: the value is the commitment id. */
export function openEditCommitment(deps: AppDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const commitmentId =
      action.type === "button"
        ? (action.value ?? "")
        : action.type === "static_select"
          ? action.selected_option.value
          : "";
    const refusal = await openCommitmentModal({
      deps,
      client,
      triggerId: body.trigger_id,
      userId: body.user.id,
      locale: await localeFor(deps, client, body.user.id),
      commitmentId,
    });
    if (refusal) await replyPrivately(clickerOf(deps, body, respond, client), refusal);
  };
}
