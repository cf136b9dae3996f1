import { canManage } from "../../../domain/permissions.js";
import { commitmentSheetReply, refNotFoundReply } from "../../views/commitment-sheet.js";
import { tr } from "../../views/locale.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, lookUpRef, navOf, todayOf } from "../read-helpers.js";

/** `/csi voir REF`: the sheet of one commitment; a REF not found suggests the closest ones. */
export const showCommitment: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { store, config } = ctx.deps;
  const lookup = await lookUpRef(ctx, contract);
  if ("suggestions" in lookup) return refNotFoundReply(ctx.rest, lookup.suggestions, ctx.locale, "show");
  const { commitment } = lookup;
  return commitmentSheetReply({
    commitment,
    parties: contract.parties,
    latestUpdates: await store.updates.listLatest(commitment.id, 3),
    today: todayOf(ctx),
    timezone: config.timezone,
    viewerId: ctx.userId,
    canEdit: canManage(ctx.role),
    nav: navOf(ctx, `${tr(ctx.locale, "voir", "show")} ${commitment.ref}`),
  });
};
