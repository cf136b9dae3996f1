import type { Button, KnownBlock } from "@slack/types";
import type { Commitment, IsoDate, Locale, Party } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import { button, context, header, section } from "./blocks.js";
import { commitmentSummary, partyLabel } from "./commitment-text.js";
import { tr } from "./locale.js";
import { encodeNavValue, footerBlocks, type Nav, paginate } from "./pagination.js";
import type { Reply } from "./reply.js";

/** Commitments per page: 25 sections plus header, context and footer stay far below 50 blocks. */
export const LIST_PAGE_SIZE = 25;

interface CommitmentListInput {
  title: string;
  /** What was asked (filters), shown under the title. */
  description?: string;
  /** Already filtered and in display order. */
  commitments: readonly Commitment[];
  parties: readonly Party[];
  today: IsoDate;
  nav: Nav;
  /** Said when the list is empty. */
  empty: string;
  pageSize?: number;
  /** A line added under a commitment (« à compléter : pilote, échéance »), already mrkdwn. */
  noteOf?: (c: Commitment) => string | null;
  /** The button beside a commitment instead of « Voir » (« Attribuer » for a coordinator). */
  buttonOf?: (c: Commitment) => Button | null;
}

export const countText = (n: number, locale: Locale): string =>
  tr(locale, `${n} engagement${n > 1 ? "s" : ""}`, `${n} commitment${n === 1 ? "" : "s"}`);

/** A list of commitments, one section each with a « Voir » button, paginated. */
export function commitmentListReply(input: CommitmentListInput): Reply {
  const { nav, today } = input;
  const locale = nav.locale;
  const page = paginate(input.commitments, nav.page, input.pageSize ?? LIST_PAGE_SIZE);
  const range =
    page.pages > 1
      ? tr(
          locale,
          ` · n° ${page.start + 1} à ${page.start + page.items.length}`,
          ` · ${page.start + 1}–${page.start + page.items.length}`,
        )
      : "";
  const blocks: KnownBlock[] = [
    header(input.title),
    context([input.description, `${countText(page.total, locale)}${range}`].filter(Boolean).join(" · ")),
  ];
  if (page.total === 0) blocks.push(section(input.empty));
  for (const c of page.items) {
    const show =
      (nav.shared ? null : input.buttonOf?.(c)) ??
      button(
        ACTIONS.showCommitment,
        tr(locale, "Voir", "Show"),
        encodeNavValue(`${tr(locale, "voir", "show")} ${c.ref}`, locale),
      );
    const note = input.noteOf?.(c);
    const summary = commitmentSummary(c, today, locale, partyLabel(c.party, input.parties));
    blocks.push(section(note ? `${summary}\n${note}` : summary, show));
  }
  blocks.push(...footerBlocks(nav, page));
  return { text: `${input.title} — ${countText(page.total, locale)}`, blocks };
}
