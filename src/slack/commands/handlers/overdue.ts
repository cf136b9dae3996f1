import { sortByUrgency } from "../../../domain/status.js";
import { commitmentListReply } from "../../views/list-blocks.js";
import { listHeading } from "../../views/list-headings.js";
import type { CommandHandler } from "../context.js";
import { commandWord } from "../parse.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi retards`: due date passed and neither done nor dropped, the most days late first. */
export const showOverdue: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const today = todayOf(ctx, contract);
  const late = await ctx.deps.store.commitments.listFiltered(contract.id, { overdueOn: today });
  return commitmentListReply({
    ...listHeading({ list: "overdue" }, ctx.locale),
    commitments: sortByUrgency(late, today),
    parties: contract.parties,
    today,
    nav: navOf(ctx, commandWord("overdue", ctx.locale)),
  });
};
