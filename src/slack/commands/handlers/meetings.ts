import { meetingsIcs } from "../../../documents/meetings-ics.js";
import { fileSlug } from "../../../domain/export-csv.js";
import type { Contract } from "../../../domain/types.js";
import { calendarFileWords, fileSentReply, nothingToSendReply } from "../../views/file-messages.js";
import { meetingsReply } from "../../views/meetings-blocks.js";
import type { CommandContext, CommandHandler } from "../context.js";
import { commandWord } from "../parse.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";
import { sendFileOrExplain } from "../send-file-reply.js";

/** Meetings listed at most (the answer and the .ics file). */
const UPCOMING = 150;
/** The words after `reunions` that ask for the calendar file. */
const CALENDAR_WORDS = new Set(["ics", "agenda", "calendrier", "calendar"]);

/** `/csi reunions`: upcoming GLTD, COPIL, CLSPD… meetings, in the contract's time zone; `/csi reunions agenda`: as an .ics file. */
export const showMeetings: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const meetings = await ctx.deps.store.meetings.listUpcoming(found.contract.id, ctx.deps.now(), UPCOMING);
  if (CALENDAR_WORDS.has((ctx.args[0] ?? "").toLowerCase())) return sendCalendar(ctx, found.contract, meetings);
  return meetingsReply({
    meetings,
    today: todayOf(ctx, found.contract),
    timezone: found.contract.timezone,
    nav: navOf(ctx, commandWord("meetings", ctx.locale)),
  });
};

/** The upcoming meetings as an .ics file in the requester's direct conversation with Vigie. */
async function sendCalendar(
  ctx: CommandContext,
  contract: Pick<Contract, "title" | "ref" | "timezone">,
  meetings: Parameters<typeof meetingsIcs>[0]["meetings"],
) {
  const { locale, deps } = ctx;
  if (!meetings.length) return nothingToSendReply("calendar", locale);
  const ics = meetingsIcs({
    meetings,
    timezone: contract.timezone,
    contractTitle: contract.title,
    method: "PUBLISH",
    stamp: deps.now(),
  });
  const filename = `reunions-${fileSlug(contract.ref) || "csi"}.ics`;
  const refused = await sendFileOrExplain(
    ctx,
    {
      filename,
      content: ics,
      ...calendarFileWords(contract.title, meetings.length, locale),
    },
    "calendar",
    "meetings.ics_failed",
  );
  if (refused) return refused;
  return fileSentReply("calendar", filename, meetings.length, locale);
}
