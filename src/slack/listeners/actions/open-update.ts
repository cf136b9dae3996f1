import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { localeFor } from "../../locale-for.js";
import { openProgressModal } from "../../open-progress-modal.js";
import { replyPrivately } from "../../reply-privately.js";

/** **Mettre à jour** (reminders, App Home, `/csi voir`): value = the commitment id. */
export function openUpdate(deps: AppDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const outcome = await openProgressModal({
      deps,
      client,
      triggerId: body.trigger_id,
      userId: body.user.id,
      commitmentId: action.value ?? "",
      // The caller's Slack locale (cached, capped at 800 ms): well within the trigger's 3 seconds.
      locale: await localeFor(deps, client, body.user.id),
    });
    if (outcome.kind === "refused") {
      await replyPrivately({ userId: body.user.id, responseUrl: body.response_url, respond, client }, outcome.reply);
    }
  };
}
