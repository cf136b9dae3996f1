import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { confirmStillOnTrack } from "../../../use-cases/still-on-track.js";
import { localeFor } from "../../locale-for.js";
import { stillOnTrackAnswer } from "../../views/still-on-track-answer.js";

/** **Toujours en cours** on a reminder: value = the commitment id; the answer is for the clicker only. */
export function stillOnTrack(deps: AppDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const locale = await localeFor(deps, client, body.user.id);
    const commitmentId = action.value ?? "";
    const outcome = await confirmStillOnTrack(deps, {
      commitmentId,
      userId: body.user.id,
      clickKey: `${commitmentId}:${body.message?.ts ?? body.container?.message_ts ?? body.trigger_id}:${body.user.id}`,
      locale,
    });
    if (outcome.kind === "recorded")
      deps.log.info("progress.still_on_track", { commitmentId, updateId: outcome.recorded.update.id });
    await respond({ response_type: "ephemeral", replace_original: false, ...stillOnTrackAnswer(outcome, locale) });
  };
}
