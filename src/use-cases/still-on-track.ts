// « Toujours en cours » on a reminder: the owner says nothing changed, in one click. Recorded as a
// progress update with the same status and progress (so it counts as news for silence and check-ins),
// through the same checks as the form: only an owner or a coordinator, one record per click.
import type { AppDeps } from "../app/deps.js";
import { isClosed } from "../domain/status.js";
import type { Locale } from "../domain/types.js";
import { type ProgressOutcome, recordProgressUpdate } from "./record-progress-update.js";

interface StillOnTrackInput {
  commitmentId: string;
  userId: string;
  /** The message the button was on (with the commitment and the user): a second click is stored once. */
  clickKey: string;
  locale: Locale;
  /** The update's comment, in the clicker's language (the view's words: « Toujours en cours : … »). */
  comment: string;
}

export async function confirmStillOnTrack(deps: AppDeps, input: StillOnTrackInput): Promise<ProgressOutcome> {
  const commitment = await deps.store.commitments.findById(input.commitmentId);
  if (!commitment || isClosed(commitment.status))
    return { kind: "refused", refusal: commitment ? "closed" : "gone", ref: commitment?.ref ?? null };
  return recordProgressUpdate(deps, {
    commitmentId: commitment.id,
    userId: input.userId,
    submissionKey: `still:${input.clickKey}`,
    supersedesId: null,
    form: {
      status: commitment.status,
      progress: String(commitment.progress),
      comment: input.comment,
    },
    locale: input.locale,
  });
}
