import { findRef } from "../../../domain/refs.js";
import { commitmentSheetReply, refNotFoundReply } from "../../views/commitment-sheet.js";
import { tr } from "../../views/locale.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi voir REF`: the sheet of one commitment; a REF not found suggests the closest ones. */
export const showCommitment: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { store, config } = ctx.deps;
  const match = findRef(ctx.rest, await store.commitments.listRefs(contract.id));
  const commitment = match.exact ? await store.commitments.findByRef(contract.id, match.exact) : null;
  if (!commitment) return refNotFoundReply(ctx.rest, match.suggestions, ctx.locale, "show");
  return commitmentSheetReply({
    commitment,
    parties: contract.parties,
    latestUpdates: await store.updates.listLatest(commitment.id, 3),
    today: todayOf(ctx),
    timezone: config.timezone,
    viewerId: ctx.userId,
    nav: navOf(ctx, `${tr(ctx.locale, "voir", "show")} ${commitment.ref}`),
  });
};
