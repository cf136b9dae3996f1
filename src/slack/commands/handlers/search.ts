import { commitmentListReply } from "../../views/list-blocks.js";
import { listHeading, searchWordsMissingReply } from "../../views/list-headings.js";
import type { CommandHandler } from "../context.js";
import { commandWord } from "../parse.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi cherche TEXTE`: every word in the ref, title or description, accents and case ignored. */
export const searchCommitments: CommandHandler = async (ctx) => {
  const { locale } = ctx;
  const query = ctx.rest.slice(0, 500);
  if (!query.trim()) return searchWordsMissingReply(locale);
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const results = await ctx.deps.store.commitments.search(contract.id, query);
  return commitmentListReply({
    ...listHeading({ list: "search", query }, locale),
    commitments: results,
    parties: contract.parties,
    today: todayOf(ctx, contract),
    nav: navOf(ctx, `${commandWord("search", locale)} ${query}`),
  });
};
