// What Vigie answers to a person's own choices on a message: following a commitment, postponing a reminder.
import { formatInstant } from "../../domain/format.js";
import type { Locale } from "../../domain/types.js";
import { esc } from "./blocks.js";
import { tr } from "./locale.js";

/** « Vous suivez désormais ETAT-08… », or that nothing changed. */
export function followNote(locale: Locale, ref: string, follow: boolean, changed: boolean): string {
  const r = esc(ref);
  if (follow)
    return changed
      ? tr(
          locale,
          `:bell: Vous suivez désormais ${r} : vous serez prévenu de ses mises à jour.`,
          `:bell: You now follow ${r}: you will be told of its updates.`,
        )
      : tr(locale, `:bell: Vous suiviez déjà ${r}.`, `:bell: You already followed ${r}.`);
  return changed
    ? tr(locale, `:no_bell: Vous ne suivez plus ${r}.`, `:no_bell: You no longer follow ${r}.`)
    : tr(locale, `:no_bell: Vous ne suiviez pas ${r}.`, `:no_bell: You did not follow ${r}.`);
}

/** The answer to « Rappeler demain / dans une semaine »: when, in the clicker's language; or why not. */
export function snoozeAnswer(
  outcome: { kind: "snoozed"; until: Date } | { kind: "refused" },
  timezone: string,
  locale: Locale,
): string {
  if (outcome.kind === "refused")
    return tr(
      locale,
      ":no_entry: Ce rappel ne vous est pas adressé : seul son destinataire peut le reporter.",
      ":no_entry: This reminder is not addressed to you: only its recipient can postpone it.",
    );
  const when = formatInstant(outcome.until, timezone, locale);
  return tr(
    locale,
    `:alarm_clock: C'est noté : je vous le rappellerai le ${when}. Les autres rappels ne changent pas.`,
    `:alarm_clock: Noted: I will remind you on ${when}. Other reminders do not change.`,
  );
}
