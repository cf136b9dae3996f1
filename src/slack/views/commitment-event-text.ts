// One line of a commitment's history for what the audit trail tells: creation, coordinators' edits,
// DONE confirmed or refused, milestones. Progress updates have their own text (updateText).
import { isIsoDate } from "../../domain/calendar.js";
import type { CommitmentEvent, EditableField, FieldChange, FieldValue } from "../../domain/commitment-events.js";
import { formatDateLong, formatInstant, statusLabel } from "../../domain/format.js";
import type { Locale } from "../../domain/types.js";
import { colon, mention, plain } from "./blocks.js";
import { tr } from "./locale.js";

const FIELD_LABELS: Record<EditableField, [fr: string, en: string]> = {
  ref: ["Référence", "Reference"],
  party: ["Partie", "Party"],
  title: ["Intitulé", "Title"],
  description: ["Description", "Description"],
  leadService: ["Service pilote", "Lead service"],
  owners: ["Pilotes", "Owners"],
  dueOn: ["Échéance", "Due date"],
  indicators: ["Indicateurs", "Indicators"],
};

/** A Slack user id becomes a mention; anything else (system:env, system:seed) is Vigie itself. */
const who = (id: string | null): string => (id && /^[UW][A-Z0-9]{2,}$/.test(id) ? mention(id) : "Vigie");

function valueText(field: EditableField, v: FieldValue, locale: Locale): string {
  const none = tr(locale, "aucun", "none");
  if (Array.isArray(v)) {
    if (!v.length) return `_${none}_`;
    return field === "owners"
      ? v.slice(0, 20).map(who).join(", ")
      : v
          .slice(0, 10)
          .map((x) => `« ${plain(x, 120)} »`)
          .join(" ; ");
  }
  if (v === null || v === "") return `_${none}_`;
  if (field === "dueOn" && isIsoDate(v)) return formatDateLong(v, locale);
  return `« ${plain(String(v), 200)} »`;
}

const changeLine = (c: FieldChange, locale: Locale): string => {
  const [fr, en] = FIELD_LABELS[c.field];
  return `• ${tr(locale, fr, en)}${colon(locale)}${valueText(c.field, c.before, locale)} → ${valueText(c.field, c.after, locale)}`;
};

export function commitmentEventText(e: CommitmentEvent, timezone: string, locale: Locale): string {
  const when = `*${formatInstant(e.at, timezone, locale)}* — `;
  const actor = who(e.actorId);
  switch (e.kind) {
    case "created":
      if (e.via === "meeting")
        return (
          when +
          tr(
            locale,
            `:new: Fiche créée par ${actor} à la suite d'une décision de réunion`,
            `:new: Sheet created by ${actor} following a meeting decision`,
          )
        );
      if (e.via === "import")
        return (
          when +
          tr(
            locale,
            `:new: Fiche importée d'un tableur par ${actor}`,
            `:new: Sheet imported from a spreadsheet by ${actor}`,
          )
        );
      return when + tr(locale, `:new: Fiche créée par ${actor}`, `:new: Sheet created by ${actor}`);
    case "edited": {
      const lines = [
        when + tr(locale, `:pencil2: ${actor} a modifié la fiche :`, `:pencil2: ${actor} edited the sheet:`),
      ];
      lines.push(...e.changes.map((c) => changeLine(c, locale)));
      if (e.keptIndicators.length) {
        const kept = e.keptIndicators
          .slice(0, 10)
          .map((l) => `« ${plain(l, 120)} »`)
          .join(", ");
        lines.push(
          tr(
            locale,
            `• Indicateurs conservés car déjà mesurés${colon(locale)}${kept}`,
            `• Indicators kept because already measured: ${kept}`,
          ),
        );
      }
      return lines.join("\n");
    }
    case "done_confirmed":
      return (
        when +
        tr(
          locale,
          `:white_check_mark: Clôture validée par ${actor} (demandée par ${who(e.requestedBy)}) : l'engagement est réalisé`,
          `:white_check_mark: Completion confirmed by ${actor} (requested by ${who(e.requestedBy)}): the commitment is done`,
        )
      );
    case "done_rejected": {
      const kept = e.statusKept
        ? tr(
            locale,
            `\nL'engagement reste « ${statusLabel(e.statusKept, locale)} »${e.progressKept === null ? "" : ` · ${e.progressKept} %`}, comme avant la demande de ${who(e.requestedBy)}.`,
            `\nThe commitment stays “${statusLabel(e.statusKept, locale)}”${e.progressKept === null ? "" : ` · ${e.progressKept}%`}, as before ${who(e.requestedBy)}'s request.`,
          )
        : "";
      const reason = e.reason ? `${colon(locale)}${plain(e.reason, 1000)}` : "";
      return (
        when +
        tr(
          locale,
          `:leftwards_arrow_with_hook: Demande de clôture refusée par ${actor}${reason}`,
          `:leftwards_arrow_with_hook: Request to close refused by ${actor}${reason}`,
        ) +
        kept
      );
    }
    case "due_date_requested": {
      const from = e.from && isIsoDate(e.from) ? formatDateLong(e.from, locale) : tr(locale, "aucune", "none");
      const to = e.to && isIsoDate(e.to) ? formatDateLong(e.to, locale) : "?";
      const reason = e.reason ? `\n> ${plain(e.reason, 1000).replace(/\n/g, "\n> ")}` : "";
      return (
        when +
        tr(
          locale,
          `:calendar: ${actor} propose de reporter l'échéance du ${from} au ${to} (en attente de validation)`,
          `:calendar: ${actor} proposes to move the due date from ${from} to ${to} (awaiting sign-off)`,
        ) +
        reason
      );
    }
    case "due_date_confirmed": {
      const from = e.from && isIsoDate(e.from) ? formatDateLong(e.from, locale) : tr(locale, "aucune", "none");
      const to = e.to && isIsoDate(e.to) ? formatDateLong(e.to, locale) : "?";
      return (
        when +
        tr(
          locale,
          `:calendar: Échéance reportée du ${from} au ${to} : validé par ${actor} (demandé par ${who(e.requestedBy)})`,
          `:calendar: Due date moved from ${from} to ${to}: confirmed by ${actor} (requested by ${who(e.requestedBy)})`,
        )
      );
    }
    case "due_date_refused": {
      const reason = e.reason ? `${colon(locale)}${plain(e.reason, 1000)}` : "";
      return (
        when +
        tr(
          locale,
          `:leftwards_arrow_with_hook: Nouvelle échéance refusée par ${actor}${reason} ; l'échéance reste inchangée`,
          `:leftwards_arrow_with_hook: New due date refused by ${actor}${reason}; the due date stays as it is`,
        )
      );
    }
    case "milestone_done":
      return (
        when +
        tr(
          locale,
          `:white_check_mark: ${actor} a marqué le jalon « ${plain(e.title, 300)} » comme franchi`,
          `:white_check_mark: ${actor} ticked off the milestone “${plain(e.title, 300)}”`,
        )
      );
    case "milestone_dated": {
      const date = (v: string | null) =>
        v && isIsoDate(v) ? formatDateLong(v, locale) : tr(locale, "sans date", "no date");
      return (
        when +
        tr(
          locale,
          `:calendar: ${actor} a daté le jalon « ${plain(e.title, 300)} » : ${date(e.from)} → ${date(e.to)}`,
          `:calendar: ${actor} dated the milestone “${plain(e.title, 300)}”: ${date(e.from)} → ${date(e.to)}`,
        )
      );
    }
    case "milestone_added": {
      const source =
        (e.fromMeeting ? tr(locale, " (décision de réunion)", " (meeting decision)") : "") +
        (e.dueOn && isIsoDate(e.dueOn)
          ? tr(locale, `, prévu le ${formatDateLong(e.dueOn, locale)}`, `, due ${formatDateLong(e.dueOn, locale)}`)
          : "");
      return (
        when +
        tr(
          locale,
          `:round_pushpin: ${actor} a ajouté le jalon « ${plain(e.title, 300)} »`,
          `:round_pushpin: ${actor} added the milestone “${plain(e.title, 300)}”`,
        ) +
        source
      );
    }
  }
}
