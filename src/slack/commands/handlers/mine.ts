import { sortByUrgency } from "../../../domain/status.js";
import { commitmentListReply } from "../../views/list-blocks.js";
import { listHeading } from "../../views/list-headings.js";
import type { CommandHandler } from "../context.js";
import { commandWord } from "../parse.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi mes`: the commitments the caller is an owner of, most urgent first. */
export const showMine: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const today = todayOf(ctx, contract);
  const mine = await ctx.deps.store.commitments.listFiltered(contract.id, { ownerId: ctx.userId });
  return commitmentListReply({
    ...listHeading({ list: "mine" }, ctx.locale),
    commitments: sortByUrgency(mine, today),
    parties: contract.parties,
    today,
    nav: navOf(ctx, commandWord("mine", ctx.locale)),
  });
};
