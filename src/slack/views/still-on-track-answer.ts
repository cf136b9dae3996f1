// The clicker's answer to « Toujours en cours ». Pure.
import { progressBar, statusLabel } from "../../domain/format.js";
import type { Locale } from "../../domain/types.js";
import type { ProgressOutcome } from "../../use-cases/record-progress-update.js";
import { esc, section } from "./blocks.js";
import { tr } from "./locale.js";
import { problemTexts } from "./problem-words.js";
import { progressRefusalText } from "./progress-messages.js";
import type { Reply } from "./reply.js";

/** The progress update a « Toujours en cours » click records: its comment. */
export const stillOnTrackComment = (locale: Locale): string =>
  tr(
    locale,
    "Toujours en cours : rien de nouveau depuis le dernier point.",
    "Still on track: nothing new since the last update.",
  );

export function stillOnTrackAnswer(outcome: ProgressOutcome, locale: Locale): Reply {
  if (outcome.kind === "invalid" || outcome.kind === "refused") {
    const why =
      outcome.kind === "refused"
        ? progressRefusalText(outcome.refusal, outcome.ref, locale, outcome.closed)
        : Object.values(problemTexts(outcome.errors, locale)).filter(Boolean).join(" ");
    return { text: esc(why), blocks: [section(`:no_entry: ${esc(why)}`)] };
  }
  const status = (r: { update: { status: Parameters<typeof statusLabel>[0] } }) =>
    statusLabel(r.update.status, locale).toLocaleLowerCase(locale);
  const text =
    outcome.kind === "duplicate"
      ? tr(locale, "C'est déjà noté.", "Already noted.")
      : tr(
          locale,
          `C'est noté : ${outcome.recorded.commitment.ref} reste « ${status(outcome.recorded)} », ${progressBar(outcome.recorded.update.progress, 10, locale)}. Merci !`,
          `Noted: ${outcome.recorded.commitment.ref} stays "${status(outcome.recorded)}", ${progressBar(outcome.recorded.update.progress, 10, locale)}. Thank you!`,
        );
  return { text: esc(text), blocks: [section(`:white_check_mark: ${esc(text)}`)] };
}
