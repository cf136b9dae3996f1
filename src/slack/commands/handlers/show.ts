import { findRef, normalizeRef } from "../../../domain/refs.js";
import type { Commitment, Contract } from "../../../domain/types.js";
import { commitmentSheetReply, refNotFoundReply } from "../../views/commitment-sheet.js";
import { tr } from "../../views/locale.js";
import type { CommandContext, CommandHandler } from "../context.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

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
    nav: navOf(ctx, `${tr(ctx.locale, "voir", "show")} ${commitment.ref}`),
  });
};

/** The ref as normalized, straight from the unique index; only when it is not there, every ref to match loosely or suggest. */
async function lookUpRef(ctx: CommandContext, contract: Contract): Promise<{ commitment: Commitment } | { suggestions: string[] }> {
  const { commitments } = ctx.deps.store;
  const wanted = normalizeRef(ctx.rest);
  const direct = wanted ? await commitments.findByRef(contract.id, wanted) : null;
  if (direct) return { commitment: direct };
  const match = findRef(ctx.rest, await commitments.listRefs(contract.id));
  const commitment = match.exact ? await commitments.findByRef(contract.id, match.exact) : null;
  return commitment ? { commitment } : { suggestions: match.suggestions };
}
