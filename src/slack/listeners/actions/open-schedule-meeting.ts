import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { openMeetingModal } from "../../coordinator-modals.js";
import { localeFor } from "../../locale-for.js";
import { replyPrivately } from "../../reply-privately.js";

/** **Planifier une réunion** (App Home): coordinators only, checked again here. */
export function openScheduleMeeting(deps: AppDeps) {
  return async ({
    ack,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const refusal = await openMeetingModal({
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
