// How a commitment reads in one line or two, shared by lists, the sheet and the status answer.
import { formatDateShort, formatRelativeDays, progressBar, shownStatus } from "../../domain/format.js";
import { daysUntil, isOverdue } from "../../domain/status.js";
import type { MissingField } from "../../domain/to-complete.js";
import type { Commitment, IsoDate, Locale, Party } from "../../domain/types.js";
import { esc, mention, plain } from "./blocks.js";
import { tr } from "./locale.js";

/** « échéance 31/12/2026 (dans 38 jours) », or « :warning: échéance dépassée de 12 jours (11/11/2026) ». */
export function dueText(c: Pick<Commitment, "dueOn" | "status">, today: IsoDate, locale: Locale): string {
  if (!c.dueOn) return tr(locale, "sans échéance", "no due date");
  const days = daysUntil(today, c.dueOn);
  const date = formatDateShort(c.dueOn, locale);
  if (isOverdue(c, today)) {
    const late = formatRelativeDays(days, locale);
    return tr(locale, `:warning: *échéance dépassée* (${date}, ${late})`, `:warning: *overdue* (due ${date}, ${late})`);
  }
  if (c.status === "DONE" || c.status === "DROPPED") return tr(locale, `échéance ${date}`, `due ${date}`);
  return tr(
    locale,
    `échéance ${date} (${formatRelativeDays(days, locale)})`,
    `due ${date} (${formatRelativeDays(days, locale)})`,
  );
}

/** « 🟢 En cours », or « ⏳ Réalisé — en attente de validation » while a « Réalisé » waits for a coordinator. */
export const statusText = (
  c: Pick<Commitment, "status"> & { pending?: readonly { kind: string }[] },
  locale: Locale,
): string => {
  const shown = shownStatus(c, locale);
  return `${shown.emoji} ${shown.label}`;
};

export function partyLabel(code: string, parties: readonly Party[]): string {
  return parties.find((p) => p.code === code)?.label ?? code;
}

/** Slack mentions, at most `max` of them, then « et 3 autres ». */
export function mentions(userIds: readonly string[], locale: Locale, max = 10): string {
  if (userIds.length === 0) return "—";
  const shown = userIds.slice(0, max).map(mention);
  const more = userIds.length - shown.length;
  return more > 0
    ? `${shown.join(", ")} ${tr(locale, `et ${more} autre${more > 1 ? "s" : ""}`, `and ${more} more`)}`
    : shown.join(", ");
}

/**
 * The list form: « *ETAT-08* · 🟢 En cours · ▓▓▓░ 40 % » then the title and the due date. About 400
 * characters at most whatever the title's length.
 */
export function commitmentSummary(c: Commitment, today: IsoDate, locale: Locale, party?: string): string {
  const head = `*${esc(c.ref)}* · ${statusText(c, locale)} · ${progressBar(c.progress, 10, locale)}`;
  const owners = c.owners.length ? ` · ${mentions(c.owners, locale, 3)}` : "";
  const who = party ? `${plain(party, 60)} · ` : "";
  return `${head}\n${plain(c.title, 240)}\n${who}${dueText(c, today, locale)}${owners}`;
}

/** « à compléter : pilote, échéance » — what a commitment created from a decision still lacks. */
export function toCompleteText(missing: readonly MissingField[], locale: Locale): string {
  const words = missing.map((m) =>
    m === "owners" ? tr(locale, "pilote", "owner") : tr(locale, "échéance", "due date"),
  );
  return `:jigsaw: ${tr(locale, "à compléter", "to complete")}${locale === "fr" ? " : " : ": "}${words.join(", ")}`;
}
