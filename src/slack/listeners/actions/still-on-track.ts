import type { AppDeps } from "../../../app/deps.js";
import { confirmStillOnTrack } from "../../../use-cases/still-on-track.js";
import { replyPrivately } from "../../reply-privately.js";
import { stillOnTrackAnswer, stillOnTrackComment } from "../../views/still-on-track-answer.js";
import { buttonListener } from "./button-listener.js";

/** **Toujours en cours** on a reminder: value = the commitment id; the answer is for the clicker only. */
export function stillOnTrack(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, value, body, target, locale: localeOf }) => {
    const locale = await localeOf();
    const commitmentId = value;
    const outcome = await confirmStillOnTrack(deps, {
      commitmentId,
      userId,
      clickKey: `${commitmentId}:${body.message?.ts ?? body.container?.message_ts ?? body.trigger_id}:${userId}`,
      locale,
      comment: stillOnTrackComment(locale),
    });
    if (outcome.kind === "recorded")
      deps.log.info("progress.still_on_track", { commitmentId, updateId: outcome.recorded.update.id });
    await replyPrivately(target, stillOnTrackAnswer(outcome, locale));
  });
}
