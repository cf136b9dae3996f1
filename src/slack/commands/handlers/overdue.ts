import { sortByUrgency } from "../../../domain/status.js";
import { commitmentListReply } from "../../views/list-blocks.js";
import { tr } from "../../views/locale.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi retards`: due date passed and neither done nor dropped, the most days late first. */
export const showOverdue: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const today = todayOf(ctx, contract);
  const late = await ctx.deps.store.commitments.listFiltered(contract.id, { overdueOn: today });
  return commitmentListReply({
    title: tr(ctx.locale, "Échéances dépassées", "Overdue commitments"),
    description: tr(
      ctx.locale,
      "Ni réalisés ni abandonnés, les plus anciens retards d'abord",
      "Neither done nor dropped, longest overdue first",
    ),
    commitments: sortByUrgency(late, today),
    parties: contract.parties,
    today,
    nav: navOf(ctx, tr(ctx.locale, "retards", "overdue")),
    empty: tr(
      ctx.locale,
      ":white_check_mark: Aucun engagement n'a dépassé son échéance.",
      ":white_check_mark: No commitment is past its due date.",
    ),
  });
};
