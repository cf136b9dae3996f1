import { JOURNAL_PAGE_SIZE, parseJournalArgs } from "../../../domain/journal.js";
import { findRef } from "../../../domain/refs.js";
import { journalNotUnderstoodReply, journalRefNotFoundReply, journalReply } from "../../views/journal-blocks.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, navOf } from "../read-helpers.js";

/** `/csi journal [REF|role|reunions|imports] [page N]` (coordinators): the audit trail, newest first. */
export const showJournal: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { locale } = ctx;
  const args = parseJournalArgs(ctx.args);
  if (args.unknown.length) return journalNotUnderstoodReply(args.unknown, locale);
  let filter = args.filter;
  if (filter.kind === "commitment") {
    const match = findRef(filter.ref, await ctx.deps.store.commitments.listRefs(contract.id));
    if (!match.exact) return journalRefNotFoundReply(filter.ref, match.suggestions, locale);
    filter = { kind: "commitment", ref: match.exact };
  }
  // « page N » typed wins over the button's page; the buttons carry the command without it.
  const base = navOf(ctx, "journal");
  const nav = { ...base, text: base.text.replace(/\s+page\s+\d{1,5}\b/i, "").trim() };
  const page = args.page ?? nav.page;
  const { entries, total } = await ctx.deps.store.audit.listJournal(contract.id, filter, {
    offset: page * JOURNAL_PAGE_SIZE,
    limit: JOURNAL_PAGE_SIZE,
  });
  return journalReply({
    entries,
    total,
    page,
    pageSize: JOURNAL_PAGE_SIZE,
    filter,
    timezone: contract.timezone,
    nav,
  });
};
