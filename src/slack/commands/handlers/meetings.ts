import { meetingsIcs } from "../../../documents/meetings-ics.js";
import { fileSlug } from "../../../domain/export-csv.js";
import { countOf } from "../../../domain/format.js";
import type { Contract } from "../../../domain/types.js";
import { tr } from "../../views/locale.js";
import { meetingsReply } from "../../views/meetings-blocks.js";
import { textReply } from "../../views/reply.js";
import type { CommandContext, CommandHandler } from "../context.js";
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
    nav: navOf(ctx, tr(ctx.locale, "reunions", "meetings")),
  });
};

/** The upcoming meetings as an .ics file in the requester's direct conversation with Vigie. */
async function sendCalendar(
  ctx: CommandContext,
  contract: Pick<Contract, "title" | "ref" | "timezone">,
  meetings: Parameters<typeof meetingsIcs>[0]["meetings"],
) {
  const { locale, deps } = ctx;
  if (!meetings.length)
    return textReply(
      tr(
        locale,
        "Aucune réunion n'est planifiée : rien à ajouter à votre agenda.",
        "No meeting is scheduled: nothing to add to your calendar.",
      ),
    );
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
      title: tr(locale, `Réunions — ${contract.title}`, `Meetings — ${contract.title}`),
      content: ics,
      comment: tr(
        locale,
        `:calendar: ${countOf(meetings.length, "fr", "réunion", "réunions")} à venir : ouvrez le fichier pour les ajouter à votre agenda (Outlook, Thunderbird, Google Agenda…). Les heures sont celles de Paris.`,
        `:calendar: ${countOf(meetings.length, "en", "upcoming meeting", "upcoming meetings")}: open the file to add them to your calendar (Outlook, Thunderbird, Google Calendar…). Times are Paris time.`,
      ),
    },
    { fr: "Le fichier d'agenda", en: "The calendar file" },
    "meetings.ics_failed",
  );
  if (refused) return refused;
  return textReply(
    tr(
      locale,
      `:white_check_mark: Agenda envoyé dans votre conversation avec Vigie : *${filename}*, ${countOf(meetings.length, "fr", "réunion", "réunions")}.`,
      `:white_check_mark: Calendar sent to your conversation with Vigie: *${filename}*, ${countOf(meetings.length, "en", "meeting", "meetings")}.`,
    ),
  );
}
