// `/csi journal`: the audit trail in plain French, newest first — who did what, when. Every entry kind that
// Vigie writes has its sentence; an entry of a kind this version does not know is still listed, by its name.
import type { KnownBlock } from "@slack/types";
import { isIsoDate } from "../../domain/calendar.js";
import { commitmentEventsFrom } from "../../domain/commitment-events.js";
import { countOf, formatDateLong, formatInstant, meetingKindLabel, statusLabel } from "../../domain/format.js";
import type { JournalEntry, JournalFilter } from "../../domain/journal.js";
import type { RecipientField } from "../../domain/recipient-input.js";
import { isStatus, type Locale, MEETING_KINDS, type MeetingKind, type Role } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import { actions, button, colon, context, esc, header, mention, plain, section } from "./blocks.js";
import { commitmentEventText } from "./commitment-event-text.js";
import { tr } from "./locale.js";
import { encodeNavValue, type Nav } from "./pagination.js";
import { RECIPIENT_FIELD_LABELS } from "./recipients-blocks.js";
import type { Reply } from "./reply.js";

interface JournalInput {
  entries: readonly JournalEntry[];
  total: number;
  /** 0-based page shown and the page size. */
  page: number;
  pageSize: number;
  filter: JournalFilter;
  timezone: string;
  nav: Nav;
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** A Slack user id as a mention; Vigie's own actors (seed, retention, environment) as « Vigie ». */
const who = (id: string | null): string => (id && /^[UW][A-Z0-9]{2,}$/.test(id) ? mention(id) : "Vigie");

const ROLE_WORDS: Record<Role, [fr: string, en: string]> = {
  COORDINATOR: ["coordonnateur", "coordinator"],
  MEMBER: ["membre du comité", "committee member"],
  READER: ["lecteur", "reader"],
};
function roleWord(v: unknown, locale: Locale): string | null {
  const words = typeof v === "string" && v in ROLE_WORDS ? ROLE_WORDS[v as Role] : null;
  return words ? tr(locale, words[0], words[1]) : null;
}

const dateWords = (v: unknown, locale: Locale): string =>
  typeof v === "string" && isIsoDate(v)
    ? formatDateLong(v, locale)
    : tr(locale, "une date inconnue", "an unknown date");

const refs = (v: unknown, locale: Locale): string => {
  const list = strings(v);
  if (list.length === 0) return "";
  const shown = list.slice(0, 15).map(esc).join(", ");
  const more = list.length > 15 ? tr(locale, ` et ${list.length - 15} autres`, ` and ${list.length - 15} more`) : "";
  return ` (${shown}${more})`;
};

/** The sentence of one entry, after its date. */
function entrySentence(e: JournalEntry, timezone: string, locale: Locale): string {
  const d = record(e.details);
  const actor = who(e.actorId);
  const ref = e.ref ? `*${esc(e.ref)}*` : tr(locale, "un engagement supprimé", "a deleted commitment");
  switch (e.action) {
    case "progress.update":
    case "progress.correct": {
      const from = record(d.from);
      const to = record(d.to);
      const state = (s: Record<string, unknown>) =>
        isStatus(s.status) && typeof s.progress === "number"
          ? `${statusLabel(s.status, locale)} ${s.progress} %`
          : tr(locale, "?", "?");
      const move = Object.keys(to).length ? `${colon(locale)}${state(from)} → ${state(to)}` : "";
      const asked = d.doneRequested === true ? tr(locale, ", demande de clôture", ", request to close") : "";
      return e.action === "progress.update"
        ? tr(
            locale,
            `:pencil2: ${actor} a déclaré l'avancement de ${ref}${move}${asked}`,
            `:pencil2: ${actor} reported progress on ${ref}${move}${asked}`,
          )
        : tr(
            locale,
            `:pencil2: ${actor} a corrigé une mise à jour de ${ref}${move}${asked}`,
            `:pencil2: ${actor} corrected an update of ${ref}${move}${asked}`,
          );
    }
    case "commitment.follow":
      return tr(
        locale,
        `:bell: ${who(text(d.userId) ?? e.actorId)} suit ${ref}`,
        `:bell: ${who(text(d.userId) ?? e.actorId)} follows ${ref}`,
      );
    case "commitment.unfollow":
      return tr(
        locale,
        `:no_bell: ${who(text(d.userId) ?? e.actorId)} ne suit plus ${ref}`,
        `:no_bell: ${who(text(d.userId) ?? e.actorId)} no longer follows ${ref}`,
      );
    case "commitment.owners": {
      const added = strings(d.added).slice(0, 20).map(who).join(", ") || "?";
      return tr(
        locale,
        `:bust_in_silhouette: ${actor} a nommé ${added} pilote de ${ref}`,
        `:bust_in_silhouette: ${actor} made ${added} owner of ${ref}`,
      );
    }
    case "commitment.due":
      return tr(
        locale,
        `:calendar: ${actor} a fixé l'échéance de ${ref} au ${dateWords(d.to, locale)}`,
        `:calendar: ${actor} set ${ref}'s due date to ${dateWords(d.to, locale)}`,
      );
    case "commitment.import": {
      const added = strings(d.refs);
      const modified = strings(d.modified);
      return tr(
        locale,
        `:inbox_tray: ${actor} a importé un tableur : ${added.length} engagement${added.length > 1 ? "s" : ""} ajouté${added.length > 1 ? "s" : ""}${refs(added, locale)}, ${modified.length} modifié${modified.length > 1 ? "s" : ""}${refs(modified, locale)}`,
        `:inbox_tray: ${actor} imported a spreadsheet: ${countOf(added.length, "en", "commitment", "commitments")} added${refs(added, locale)}, ${modified.length} changed${refs(modified, locale)}`,
      );
    }
    case "meeting.create": {
      const kind = MEETING_KINDS.includes(d.kind as MeetingKind)
        ? meetingKindLabel(d.kind as MeetingKind, locale)
        : tr(locale, "réunion", "meeting");
      const at = typeof d.startsAt === "string" && !Number.isNaN(Date.parse(d.startsAt)) ? new Date(d.startsAt) : null;
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
      const instant = (v: unknown) =>
        typeof v === "string" && !Number.isNaN(Date.parse(v))
          ? formatInstant(new Date(v), timezone, locale)
          : tr(locale, "une date inconnue", "an unknown date");
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
      const kind = MEETING_KINDS.includes(d.kind as MeetingKind)
        ? meetingKindLabel(d.kind as MeetingKind, locale)
        : tr(locale, "réunion", "meeting");
      const at = typeof d.startsAt === "string" && !Number.isNaN(Date.parse(d.startsAt)) ? new Date(d.startsAt) : null;
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
      const org = text(d.organisation) ? ` (${plain(text(d.organisation) ?? "", 100)})` : "";
      const name = `${plain(text(d.name) ?? "?", 100)}${org}`;
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
      const org = text(d.organisation) ? ` (${plain(text(d.organisation) ?? "", 100)})` : "";
      const name = `${plain(text(d.name) ?? "?", 100)}${org}`;
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
  // Creation, edits, decisions on requests, milestones: the same words as the commitment's history.
  const [event] = commitmentEventsFrom([e]);
  if (event) {
    const line = commitmentEventText(event, timezone, locale);
    const when = `*${formatInstant(e.at, timezone, locale)}* — `;
    return `${ref} · ${line.startsWith(when) ? line.slice(when.length) : line}`;
  }
  if (e.action === "commitment.edit")
    return tr(
      locale,
      `:pencil2: ${actor} a enregistré la fiche de ${ref} sans changement`,
      `:pencil2: ${actor} saved ${ref}'s sheet without a change`,
    );
  return tr(
    locale,
    `:grey_question: ${actor} : action « ${plain(e.action, 60)} » (${plain(e.entity, 40)})`,
    `:grey_question: ${actor}: action “${plain(e.action, 60)}” (${plain(e.entity, 40)})`,
  );
}

const SECTION_MAX = 2900;

/** A very long entry (an edit of every field) keeps its first lines whole: never a mention or an escape cut. */
function fitLine(line: string): string {
  if (line.length <= SECTION_MAX) return line;
  const cut = line.lastIndexOf("\n", SECTION_MAX - 2);
  return `${line.slice(0, Math.max(cut, 0))}\n…`;
}

/** One entry: « *lundi 23 novembre 2026 à 10 h* — <sentence> ». */
export function journalLine(e: JournalEntry, timezone: string, locale: Locale): string {
  return `*${formatInstant(e.at, timezone, locale)}* — ${entrySentence(e, timezone, locale)}`;
}

function filterText(f: JournalFilter, locale: Locale): string {
  switch (f.kind) {
    case "all":
      return tr(locale, "Tout le contrat", "The whole contract");
    case "commitment":
      return tr(locale, `Engagement ${esc(f.ref)}`, `Commitment ${esc(f.ref)}`);
    case "roles":
      return tr(locale, "Rôles", "Roles");
    case "meetings":
      return tr(locale, "Réunions et leurs décisions", "Meetings and their decisions");
    case "imports":
      return tr(locale, "Imports et exports", "Imports and exports");
  }
}

/**
 * `/csi journal`: one page of entries, newest first, with « ◀ Précédents / Suivants ▶ ». Never offered for
 * sharing: the journal is for coordinators.
 */
export function journalReply(input: JournalInput): Reply {
  const { nav, timezone } = input;
  const locale = nav.locale;
  const pages = Math.max(1, Math.ceil(input.total / input.pageSize));
  const first = input.page * input.pageSize;
  const range =
    input.total > 0
      ? tr(
          locale,
          ` · n° ${first + 1} à ${first + input.entries.length} sur ${input.total}`,
          ` · ${first + 1}–${first + input.entries.length} of ${input.total}`,
        )
      : "";
  const title = tr(locale, "Journal des modifications", "Audit journal");
  const blocks: KnownBlock[] = [
    header(title),
    context(`${filterText(input.filter, locale)}${range} · ${tr(locale, "les plus récentes d'abord", "newest first")}`),
  ];
  if (input.entries.length === 0)
    blocks.push(
      section(
        input.total === 0
          ? tr(locale, "Rien n'a encore été enregistré ici.", "Nothing has been recorded here yet.")
          : tr(locale, "Cette page n'existe pas.", "This page does not exist."),
      ),
    );
  // Entries gathered in sections of under 3,000 characters: a page stays far below Slack's 50 blocks.
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length) blocks.push(section(chunk.join("\n")));
    chunk = [];
  };
  for (const e of input.entries) {
    const line = fitLine(journalLine(e, timezone, locale));
    if ([...chunk, line].join("\n").length > SECTION_MAX) flush();
    chunk.push(line);
  }
  flush();
  if (pages > 1) {
    blocks.push(context(tr(locale, `Page ${input.page + 1} sur ${pages}`, `Page ${input.page + 1} of ${pages}`)));
    const buttons = [];
    if (input.page > 0)
      buttons.push(
        button(
          ACTIONS.pagePrev,
          tr(locale, "◀ Précédents", "◀ Previous"),
          encodeNavValue(nav.text, locale, input.page - 1),
        ),
      );
    if (input.page < pages - 1)
      buttons.push(
        button(ACTIONS.pageNext, tr(locale, "Suivants ▶", "Next ▶"), encodeNavValue(nav.text, locale, input.page + 1)),
      );
    if (buttons.length && !nav.shared) blocks.push(actions(buttons));
  }
  return { text: `${title} — ${filterText(input.filter, locale)}`, blocks };
}

/** Words after `/csi journal` that are neither a ref, a kind nor « page N ». */
export function journalNotUnderstoodReply(unknown: readonly string[], locale: Locale): Reply {
  const typed = plain(unknown.join(" "), 200);
  return {
    text: tr(locale, "Filtre non compris", "Filter not understood"),
    blocks: [
      section(
        tr(
          locale,
          `:grey_question: Je n'ai pas compris « ${typed} ». Écrivez \`/csi journal\`, suivi au choix d'une référence (\`ETAT-08\`), de \`role\`, \`reunions\` ou \`imports\`, et de \`page 2\` pour aller plus loin.`,
          `:grey_question: I did not understand "${typed}". Type \`/csi journal\`, optionally followed by a reference (\`ETAT-08\`), \`role\`, \`meetings\` or \`imports\`, and \`page 2\` to go further.`,
        ),
      ),
    ],
  };
}

/** `/csi journal REF` for a ref the contract does not have, with the closest ones. */
export function journalRefNotFoundReply(ref: string, suggestions: readonly string[], locale: Locale): Reply {
  const near = suggestions.map((r) => esc(r)).join(", ");
  const hint = suggestions.length ? tr(locale, ` Vouliez-vous dire ${near} ?`, ` Did you mean ${near}?`) : "";
  return {
    text: tr(locale, "Engagement introuvable", "Commitment not found"),
    blocks: [
      section(
        tr(
          locale,
          `:mag: Je ne trouve pas d'engagement « ${plain(ref, 40)} ».${hint}`,
          `:mag: I can't find a commitment "${plain(ref, 40)}".${hint}`,
        ),
      ),
    ],
  };
}
