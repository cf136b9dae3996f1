// `/csi journal`: the audit trail in plain French, newest first — who did what, when. Every entry kind that
// Vigie writes has its sentence; an entry of a kind this version does not know is still listed, by its name.
import type { KnownBlock } from "@slack/types";
import { commitmentEventsFrom } from "../../domain/commitment-events.js";
import { countOf, formatInstant, statusLabel } from "../../domain/format.js";
import type { JournalEntry, JournalFilter } from "../../domain/journal.js";
import { record, strings, text } from "../../domain/journal-details.js";
import { isStatus, type Locale } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import { actions, button, colon, context, esc, header, plain, section } from "./blocks.js";
import { commitmentEventText } from "./commitment-event-text.js";
import { adminSentence, dateWords, refs, who } from "./journal-admin-sentences.js";
import { tr } from "./locale.js";
import { encodeNavValue, type Nav } from "./pagination.js";
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
  }
  const admin = adminSentence(e, actor, timezone, locale);
  if (admin !== null) return admin;
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
