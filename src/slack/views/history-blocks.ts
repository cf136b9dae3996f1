import type { KnownBlock } from "@slack/types";
import type { CommitmentEvent } from "../../domain/commitment-events.js";
import { countOf } from "../../domain/format.js";
import type { CommitmentRequest } from "../../domain/requests.js";
import type { Commitment, Locale, ProgressUpdate } from "../../domain/types.js";
import { context, header, plain, section } from "./blocks.js";
import { commitmentEventText } from "./commitment-event-text.js";
import { updateText } from "./commitment-sheet-lines.js";
import { tr } from "./locale.js";
import { footerBlocks, type Nav, paginate } from "./pagination.js";
import type { Reply } from "./reply.js";

const HISTORY_PAGE_SIZE = 20;

interface HistoryInput {
  commitment: Commitment;
  /** Every row ever written, in any order: shown newest first, corrected versions included. */
  updates: readonly ProgressUpdate[];
  /** What the audit trail tells besides updates: creation, edits, DONE decisions, milestones. */
  events: readonly CommitmentEvent[];
  /** The commitment's requests: an update that asked for « Réalisé » reads as a request. */
  requests?: readonly CommitmentRequest[];
  timezone: string;
  nav: Nav;
}

function versionNote(u: ProgressUpdate, supersededBy: ProgressUpdate | undefined, locale: Locale): string {
  const notes: string[] = [];
  if (u.supersedesId) notes.push(tr(locale, `correction (version ${u.version})`, `correction (version ${u.version})`));
  if (supersededBy)
    notes.push(
      tr(locale, `remplacée par la version ${supersededBy.version}`, `replaced by version ${supersededBy.version}`),
    );
  return notes.length ? `\n_${notes.join(" · ")}_` : "";
}

/** One line of the timeline; its text is built only if it lands on the page shown. */
type Entry = { at: Date; version: number; text: () => string };

/** `/csi historique REF`: the whole append-only history (updates and changes to the sheet), newest first, paginated. */
export function historyReply(input: HistoryInput): Reply {
  const { commitment: c, nav } = input;
  const locale = nav.locale;
  const updates = [...input.updates].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.version - a.version,
  );
  const entries: Entry[] = [
    ...updates.map((u) => ({
      at: u.createdAt,
      version: u.version,
      text: () =>
        `${updateText(
          u,
          input.timezone,
          locale,
          c.indicators,
          input.requests?.find((r) => r.kind === "DONE" && r.updateId === u.id),
        )}${versionNote(
          u,
          updates.find((x) => x.supersedesId === u.id),
          locale,
        )}`,
    })),
    ...input.events.map((e) => ({ at: e.at, version: 0, text: () => commitmentEventText(e, input.timezone, locale) })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || b.version - a.version);
  const page = paginate(entries, nav.page, HISTORY_PAGE_SIZE);
  const counts = tr(
    locale,
    `${countOf(updates.length, "fr", "mise à jour", "mises à jour")}, ${countOf(input.events.length, "fr", "modification", "modifications")} de la fiche`,
    `${countOf(updates.length, "en", "update", "updates")}, ${countOf(input.events.length, "en", "change", "changes")} to the sheet`,
  );
  const blocks: KnownBlock[] = [
    header(tr(locale, `Historique — ${c.ref}`, `History — ${c.ref}`)),
    context(
      plain(c.title, 300),
      tr(
        locale,
        `${counts}, le plus récent d'abord · rien n'est jamais effacé`,
        `${counts}, newest first · nothing is ever erased`,
      ),
    ),
  ];
  if (updates.length === 0) {
    blocks.push(
      section(
        tr(
          locale,
          "Aucune mise à jour n'a encore été déclarée pour cet engagement.",
          "No update has been reported for this commitment yet.",
        ),
      ),
    );
  }
  for (const e of page.items) blocks.push(section(e.text()));
  blocks.push(...footerBlocks(nav, page));
  return { text: tr(locale, `Historique de ${c.ref}`, `History of ${c.ref}`), blocks };
}
