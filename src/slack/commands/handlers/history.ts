import { commitmentEventsFrom } from "../../../domain/commitment-events.js";
import { refNotFoundReply } from "../../views/commitment-sheet.js";
import { historyReply } from "../../views/history-blocks.js";
import type { CommandHandler } from "../context.js";
import { commandWord } from "../parse.js";
import { contractNamedFirst, lookUpRef, navOf } from "../read-helpers.js";

/** `/csi historique REF`: every update ever written, corrected versions included, and every change to the sheet. */
export const showHistory: CommandHandler = async (ctx) => {
  const found = await contractNamedFirst(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  ctx = found.ctx;
  const { store } = ctx.deps;
  const lookup = await lookUpRef(ctx, contract);
  if ("suggestions" in lookup) return refNotFoundReply(ctx.rest, lookup.suggestions, ctx.locale, "history");
  const { commitment } = lookup;
  const [updates, audit, requests] = await Promise.all([
    store.updates.listHistory(commitment.id),
    store.audit.listFor("commitment", commitment.id),
    store.requests.listFor(commitment.id),
  ]);
  return historyReply({
    commitment,
    updates,
    events: commitmentEventsFrom(audit),
    requests,
    timezone: contract.timezone,
    nav: navOf(ctx, `${commandWord("history", ctx.locale)} ${commitment.ref}`),
  });
};
