// `/csi journal`: the sentences of the entries about meetings, mail recipients, contracts, roles and Vigie itself
// (the commitment's own entries are in journal-blocks.ts), and the small readers of an entry's details. Pure.
import { isIsoDate } from "../../domain/calendar.js";
import { countOf, formatDateLong, formatInstant, meetingKindLabel } from "../../domain/format.js";
import type { JournalEntry } from "../../domain/journal.js";
import { record, strings, text } from "../../domain/journal-details.js";
import type { RecipientField } from "../../domain/recipient-input.js";
import { type Locale, MEETING_KINDS, type MeetingKind, type Role } from "../../domain/types.js";
import { esc, mention, plain } from "./blocks.js";
import { tr } from "./locale.js";
import { RECIPIENT_FIELD_LABELS } from "./recipients-blocks.js";

/** A Slack user id as a mention; Vigie's own actors (seed, retention, environment) as « Vigie ». */
export const who = (id: string | null): string => (id && /^[UW][A-Z0-9]{2,}$/.test(id) ? mention(id) : "Vigie");

const ROLE_WORDS: Record<Role, [fr: string, en: string]> = {
  COORDINATOR: ["coordonnateur", "coordinator"],
  MEMBER: ["membre du comité", "committee member"],
  READER: ["lecteur", "reader"],
};
function roleWord(v: unknown, locale: Locale): string | null {
  const words = typeof v === "string" && v in ROLE_WORDS ? ROLE_WORDS[v as Role] : null;
  return words ? tr(locale, words[0], words[1]) : null;
}

export const dateWords = (v: unknown, locale: Locale): string =>
  typeof v === "string" && isIsoDate(v)
    ? formatDateLong(v, locale)
    : tr(locale, "une date inconnue", "an unknown date");

export const refs = (v: unknown, locale: Locale): string => {
  const list = strings(v);
  if (list.length === 0) return "";
  const shown = list.slice(0, 15).map(esc).join(", ");
  const more = list.length > 15 ? tr(locale, ` et ${list.length - 15} autres`, ` and ${list.length - 15} more`) : "";
  return ` (${shown}${more})`;
};

/** An instant recorded as an ISO string, null when it is not one. */
const instantOf = (v: unknown): Date | null =>
  typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : null;

/** A recorded meeting kind in words, « réunion » for one Vigie does not know. */
const meetingKindWord = (v: unknown, locale: Locale): string =>
  MEETING_KINDS.includes(v as MeetingKind)
    ? meetingKindLabel(v as MeetingKind, locale)
    : tr(locale, "réunion", "meeting");

/** A recipient as recorded: « Name (Organisation) ». */
const recipientName = (d: Record<string, unknown>): string => {
  const org = text(d.organisation) ? ` (${plain(text(d.organisation) ?? "", 100)})` : "";
  return `${plain(text(d.name) ?? "?", 100)}${org}`;
};

/** The sentence of an entry that is not about one commitment's follow-up; null for the others. */
export function adminSentence(e: JournalEntry, actor: string, timezone: string, locale: Locale): string | null {
  const d = record(e.details);
  switch (e.action) {
    case "meeting.create": {
      const kind = meetingKindWord(d.kind, locale);
      const at = instantOf(d.startsAt);
      const when = at
        ? tr(locale, ` pour le ${formatInstant(at, timezone, locale)}`, ` for ${formatInstant(at, timezone, locale)}`)
        : "";
      return tr(
        locale,
        `:calendar: ${actor} a planifié une réunion (${kind})${when}`,
        `:calendar: ${actor} scheduled a meeting (${kind})${when}`,
      );
    }
    case "meeting.reschedule": {
      const instant = (v: unknown) => {
        const at = instantOf(v);
        return at ? formatInstant(at, timezone, locale) : tr(locale, "une date inconnue", "an unknown date");
      };
      const place =
        "placeTo" in d
          ? tr(
              locale,
              `, lieu : ${plain(text(d.placeFrom) ?? "—", 100)} → ${plain(text(d.placeTo) ?? "—", 100)}`,
              `, place: ${plain(text(d.placeFrom) ?? "—", 100)} → ${plain(text(d.placeTo) ?? "—", 100)}`,
            )
          : "";
      return tr(
        locale,
        `:calendar: ${actor} a déplacé une réunion du ${instant(d.from)} au ${instant(d.to)}${place}`,
        `:calendar: ${actor} moved a meeting from ${instant(d.from)} to ${instant(d.to)}${place}`,
      );
    }
    case "meeting.cancel": {
      const kind = meetingKindWord(d.kind, locale);
      const at = instantOf(d.startsAt);
      const when = at
        ? tr(locale, ` du ${formatInstant(at, timezone, locale)}`, ` of ${formatInstant(at, timezone, locale)}`)
        : "";
      return tr(
        locale,
        `:x: ${actor} a annulé la réunion (${kind})${when}`,
        `:x: ${actor} cancelled the meeting (${kind})${when}`,
      );
    }
    case "recipient.add":
    case "recipient.remove": {
      const name = recipientName(d);
      return e.action === "recipient.add"
        ? tr(
            locale,
            `:email: ${actor} a ajouté ${name} aux destinataires par courriel`,
            `:email: ${actor} added ${name} to the e-mail recipients`,
          )
        : tr(
            locale,
            `:email: ${actor} a retiré ${name} des destinataires par courriel`,
            `:email: ${actor} removed ${name} from the e-mail recipients`,
          );
    }
    case "recipient.edit": {
      const name = recipientName(d);
      // In the fields' own order (the database keeps the keys of a JSON object in an order of its own).
      const changed = d.changed && typeof d.changed === "object" ? d.changed : {};
      const fields = (Object.keys(RECIPIENT_FIELD_LABELS) as RecipientField[])
        .filter((f) => f in changed)
        .map((f) => tr(locale, RECIPIENT_FIELD_LABELS[f].fr, RECIPIENT_FIELD_LABELS[f].en))
        .join(", ");
      return tr(
        locale,
        `:email: ${actor} a modifié le destinataire par courriel ${name}${fields ? ` (${fields})` : ""}`,
        `:email: ${actor} changed the e-mail recipient ${name}${fields ? ` (${fields})` : ""}`,
      );
    }
    case "contract.export": {
      const n = typeof d.count === "number" ? d.count : 0;
      const filters = [text(d.party), text(d.status)].filter((x): x is string => x !== null).map((x) => plain(x, 40));
      const scope = filters.length
        ? tr(locale, ` (filtre : ${filters.join(", ")})`, ` (filter: ${filters.join(", ")})`)
        : "";
      return d.format === "pdf"
        ? tr(
            locale,
            `:outbox_tray: ${actor} a reçu le rapport de suivi en PDF : ${n} engagement${n > 1 ? "s" : ""}${scope}`,
            `:outbox_tray: ${actor} received the follow-up report as a PDF: ${n} commitment${n === 1 ? "" : "s"}${scope}`,
          )
        : tr(
            locale,
            `:outbox_tray: ${actor} a exporté ${n} engagement${n > 1 ? "s" : ""} en tableur (CSV)${scope}`,
            `:outbox_tray: ${actor} exported ${n} commitment${n === 1 ? "" : "s"} as a spreadsheet (CSV)${scope}`,
          );
    }
    case "installation.revoke":
      return tr(
        locale,
        ":electric_plug: Vigie a été retiré de l'espace de travail Slack (jetons oubliés, contrats conservés)",
        ":electric_plug: Vigie was removed from the Slack workspace (tokens forgotten, contracts kept)",
      );
    case "meeting.decisions": {
      const n = typeof d.count === "number" ? d.count : strings(d.texts).length;
      return tr(
        locale,
        `:memo: ${actor} a enregistré ${n} décision${n > 1 ? "s" : ""} de réunion`,
        `:memo: ${actor} recorded ${n} meeting decision${n === 1 ? "" : "s"}`,
      );
    }
    case "role.assign": {
      const to = roleWord(d.to, locale);
      const from = roleWord(d.from, locale);
      const person = who(e.entityId);
      if (!to)
        return tr(
          locale,
          `:bust_in_silhouette: ${actor} a retiré son rôle à ${person}${from ? ` (${from})` : ""}`,
          `:bust_in_silhouette: ${actor} removed ${person}'s role${from ? ` (${from})` : ""}`,
        );
      return from
        ? tr(
            locale,
            `:bust_in_silhouette: ${actor} a changé le rôle de ${person} : ${from} → ${to}`,
            `:bust_in_silhouette: ${actor} changed ${person}'s role: ${from} → ${to}`,
          )
        : tr(
            locale,
            `:bust_in_silhouette: ${actor} a nommé ${person} ${to}`,
            `:bust_in_silhouette: ${actor} made ${person} ${to}`,
          );
    }
    case "contract.seed":
      return tr(
        locale,
        `:package: Contrat ${plain(text(d.ref) ?? "?", 40)} chargé (${typeof d.commitments === "number" ? d.commitments : "?"} engagements)`,
        `:package: Contract ${plain(text(d.ref) ?? "?", 40)} loaded (${typeof d.commitments === "number" ? d.commitments : "?"} commitments)`,
      );
    case "contract.create":
      return tr(
        locale,
        `:package: ${actor} a créé le contrat ${plain(text(d.ref) ?? "?", 40)} — ${plain(text(d.title) ?? "", 200)}`,
        `:package: ${actor} created the contract ${plain(text(d.ref) ?? "?", 40)} — ${plain(text(d.title) ?? "", 200)}`,
      );
    case "contract.renew": {
      const carried = Array.isArray(d.carried) ? d.carried.length : 0;
      return tr(
        locale,
        `:lock: ${actor} a renouvelé le contrat ${plain(text(d.ref) ?? "?", 40)} : il est clos, suivi par ${plain(text(d.successor) ?? "?", 40)} (${countOf(carried, "fr", "engagement reconduit", "engagements reconduits")})`,
        `:lock: ${actor} renewed the contract ${plain(text(d.ref) ?? "?", 40)}: it is closed, followed by ${plain(text(d.successor) ?? "?", 40)} (${countOf(carried, "en", "commitment carried over", "commitments carried over")})`,
      );
    }
    case "contract.settings": {
      const before = (d.before ?? {}) as Record<string, unknown>;
      const after = (d.after ?? {}) as Record<string, unknown>;
      const changed = Object.keys(after)
        .filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))
        .map((k) => `${plain(k, 30)} ${plain(String(before[k] ?? "—"), 40)} → ${plain(String(after[k] ?? "—"), 40)}`);
      return tr(
        locale,
        `:gear: ${actor} a changé les réglages du contrat : ${changed.join(", ") || "aucun changement"}`,
        `:gear: ${actor} changed the contract's settings: ${changed.join(", ") || "no change"}`,
      );
    }
    case "local.sample":
      return tr(
        locale,
        ":package: Espace d'exemple chargé (mode local)",
        ":package: Sample workspace loaded (local mode)",
      );
    case "reminder.snooze": {
      const until = typeof d.to === "string" && !Number.isNaN(Date.parse(d.to)) ? new Date(d.to) : null;
      return tr(
        locale,
        `:zzz: ${actor} a reporté un rappel${until ? ` au ${formatInstant(until, timezone, locale)}` : ""}`,
        `:zzz: ${actor} snoozed a reminder${until ? ` until ${formatInstant(until, timezone, locale)}` : ""}`,
      );
    }
    case "retention.redact": {
      const years = typeof d.retentionYears === "number" ? d.retentionYears : "?";
      return tr(
        locale,
        `:wastebasket: Textes libres effacés (${strings(d.fields).map(esc).join(", ") || "?"}) : durée de conservation de ${years} ans écoulée`,
        `:wastebasket: Free text erased (${strings(d.fields).map(esc).join(", ") || "?"}): retention of ${years} years over`,
      );
    }
  }
  return null;
}
