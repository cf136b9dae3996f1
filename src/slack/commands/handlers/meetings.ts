import { tr } from "../../views/locale.js";
import { meetingsReply } from "../../views/meetings-blocks.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi reunions`: upcoming GLTD, COPIL, CLSPD… meetings, in Paris time. */
export const showMeetings: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const meetings = await ctx.deps.store.meetings.listUpcoming(found.contract.id, ctx.deps.now(), 150);
  return meetingsReply({
    meetings,
    today: todayOf(ctx),
    timezone: ctx.deps.config.schedule.timezone,
    nav: navOf(ctx, tr(ctx.locale, "reunions", "meetings")),
  });
};
