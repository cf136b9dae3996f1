import { findRef } from "../../../domain/refs.js";
import { refNotFoundReply } from "../../views/commitment-sheet.js";
import { historyReply } from "../../views/history-blocks.js";
import { tr } from "../../views/locale.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, navOf } from "../read-helpers.js";

/** `/csi historique REF`: every update ever written, corrected versions included. */
export const showHistory: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { store, config } = ctx.deps;
  const match = findRef(ctx.rest, await store.commitments.listRefs(contract.id));
  const commitment = match.exact ? await store.commitments.findByRef(contract.id, match.exact) : null;
  if (!commitment) return refNotFoundReply(ctx.rest, match.suggestions, ctx.locale, "history");
  return historyReply({
    commitment,
    updates: await store.updates.listHistory(commitment.id),
    timezone: config.timezone,
    nav: navOf(ctx, `${tr(ctx.locale, "historique", "history")} ${commitment.ref}`),
  });
};
