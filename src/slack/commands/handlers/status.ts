import { contractStatusReply } from "../../views/status-blocks.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi etat`: per party counts by status, progress, overdue, next GLTD/COPIL, time left. */
export const showStatus: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { store, now, config } = ctx.deps;
  const today = todayOf(ctx);
  const [parties, gltd, copil] = await Promise.all([
    store.commitments.countByParty(contract.id, contract.parties.map((p) => p.code), today),
    store.meetings.findNextOfKind(contract.id, "GLTD", now()),
    store.meetings.findNextOfKind(contract.id, "COPIL", now()),
  ]);
  return contractStatusReply({
    contract,
    parties,
    nextMeetings: [
      { kind: "GLTD", meeting: gltd },
      { kind: "COPIL", meeting: copil },
    ],
    today,
    timezone: config.timezone,
    nav: navOf(ctx, ctx.locale === "en" ? "status" : "etat"),
  });
};
