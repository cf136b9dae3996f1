import { contractStatusReply } from "../../views/status-blocks.js";
import type { CommandHandler } from "../context.js";
import { commandWord } from "../parse.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi etat`: per party counts by status, progress, overdue, next GLTD/COPIL, time left. */
export const showStatus: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { store, now } = ctx.deps;
  const today = todayOf(ctx, contract);
  const [parties, next, pending] = await Promise.all([
    store.commitments.countByParty(
      contract.id,
      contract.parties.map((p) => p.code),
      today,
    ),
    store.meetings.findNextOfKinds(contract.id, ["GLTD", "COPIL"], now()),
    store.requests.listPending(contract.id),
  ]);
  return contractStatusReply({
    contract,
    parties,
    nextMeetings: [
      { kind: "GLTD", meeting: next.get("GLTD") ?? null },
      { kind: "COPIL", meeting: next.get("COPIL") ?? null },
    ],
    pending: pending.map((p) => ({ ref: p.ref, kind: p.request.kind })),
    today,
    timezone: contract.timezone,
    nav: navOf(ctx, commandWord("status", ctx.locale)),
  });
};
