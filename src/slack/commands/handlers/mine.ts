import { sortByUrgency } from "../../../domain/status.js";
import { commitmentListReply } from "../../views/list-blocks.js";
import { tr } from "../../views/locale.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi mes`: the commitments the caller is an owner of, most urgent first. */
export const showMine: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const today = todayOf(ctx, contract);
  const mine = await ctx.deps.store.commitments.listFiltered(contract.id, { ownerId: ctx.userId });
  return commitmentListReply({
    title: tr(ctx.locale, "Vos engagements", "Your commitments"),
    description: tr(
      ctx.locale,
      "Ceux dont vous êtes référent, les plus urgents d'abord",
      "Those you own, most urgent first",
    ),
    commitments: sortByUrgency(mine, today),
    parties: contract.parties,
    today,
    nav: navOf(ctx, tr(ctx.locale, "mes", "mine")),
    empty: tr(
      ctx.locale,
      "Vous n'êtes référent d'aucun engagement pour le moment. Les coordonnateurs désignent les référents ; `/csi liste` affiche tous les engagements du contrat.",
      "You do not own any commitment yet. Coordinators name the owners; `/csi list` shows every commitment of the contract.",
    ),
  });
};
