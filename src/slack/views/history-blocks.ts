import type { KnownBlock } from "@slack/types";
import type { Commitment, Locale, ProgressUpdate } from "../../domain/types.js";
import { context, header, plain, section } from "./blocks.js";
import { updateText } from "./commitment-sheet.js";
import { tr } from "./locale.js";
import { footerBlocks, paginate, type Nav } from "./pagination.js";
import type { Reply } from "./reply.js";

export const HISTORY_PAGE_SIZE = 20;

export interface HistoryInput {
  commitment: Commitment;
  /** Every row ever written, in any order: shown newest first, corrected versions included. */
  updates: readonly ProgressUpdate[];
  timezone: string;
  nav: Nav;
}

function versionNote(u: ProgressUpdate, supersededBy: ProgressUpdate | undefined, locale: Locale): string {
  const notes: string[] = [];
  if (u.supersedesId) notes.push(tr(locale, `correction (version ${u.version})`, `correction (version ${u.version})`));
  if (supersededBy) notes.push(tr(locale, `remplacée par la version ${supersededBy.version}`, `replaced by version ${supersededBy.version}`));
  return notes.length ? `\n_${notes.join(" · ")}_` : "";
}

/** `/csi historique REF`: the whole append-only history, newest first, paginated. */
export function historyReply(input: HistoryInput): Reply {
  const { commitment: c, nav } = input;
  const locale = nav.locale;
  const sorted = [...input.updates].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.version - a.version);
  const page = paginate(sorted, nav.page, HISTORY_PAGE_SIZE);
  const blocks: KnownBlock[] = [
    header(tr(locale, `Historique — ${c.ref}`, `History — ${c.ref}`)),
    context(plain(c.title, 300), tr(locale, `${page.total} mise(s) à jour, la plus récente d'abord · rien n'est jamais effacé`, `${page.total} update(s), newest first · nothing is ever erased`)),
  ];
  if (page.total === 0) {
    blocks.push(section(tr(locale, "Aucune mise à jour n'a encore été déclarée pour cet engagement.", "No update has been reported for this commitment yet.")));
  }
  for (const u of page.items) {
    const supersededBy = sorted.find((x) => x.supersedesId === u.id);
    blocks.push(section(`${updateText(u, input.timezone, locale, c.indicators)}${versionNote(u, supersededBy, locale)}`));
  }
  blocks.push(...footerBlocks(nav, page));
  return { text: tr(locale, `Historique de ${c.ref}`, `History of ${c.ref}`), blocks };
}
