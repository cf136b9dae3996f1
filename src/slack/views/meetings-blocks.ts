import type { KnownBlock } from "@slack/types";
import { localDateOf } from "../../domain/due-instants.js";
import { countOf, formatInstant, formatRelativeDays, meetingKindLabel } from "../../domain/format.js";
import { daysUntil } from "../../domain/status.js";
import type { IsoDate, Meeting } from "../../domain/types.js";
import { channelLink, colon, context, header, plain, section } from "./blocks.js";
import { tr } from "./locale.js";
import { footerBlocks, type Nav, paginate } from "./pagination.js";
import type { Reply } from "./reply.js";

export const MEETINGS_PAGE_SIZE = 15;

interface MeetingsInput {
  meetings: readonly Meeting[];
  today: IsoDate;
  timezone: string;
  nav: Nav;
}

export function meetingText(m: Meeting, today: IsoDate, timezone: string, nav: Pick<Nav, "locale">): string {
  const locale = nav.locale;
  const kind = meetingKindLabel(m.kind, locale, "long");
  const title = m.title ? ` — ${plain(m.title, 200)}` : "";
  const days = daysUntil(today, localDateOf(m.startsAt, timezone));
  const lines = [
    `*${kind}*${title}`,
    `:calendar: ${formatInstant(m.startsAt, timezone, locale)} (${formatRelativeDays(days, locale)})`,
  ];
  lines.push(
    `:round_pushpin: ${m.place ? plain(m.place, 300) : tr(locale, "lieu à préciser", "place to be confirmed")}`,
  );
  if (m.channelId) lines.push(`:speech_balloon: ${channelLink(m.channelId)}`);
  if (m.attendees.length)
    lines.push(
      `:busts_in_silhouette: ${tr(locale, `${countOf(m.attendees.length, locale, "participant invité", "participants invités")}`, `${countOf(m.attendees.length, locale, "attendee invited", "attendees invited")}`)}`,
    );
  lines.push(
    m.agenda
      ? `*${tr(locale, "Ordre du jour", "Agenda")}*${colon(locale)}\n${plain(m.agenda, 1500)}`
      : `_${tr(locale, "Ordre du jour à venir", "Agenda to come")}_`,
  );
  return lines.join("\n");
}

/** `/csi reunions`: upcoming meetings, soonest first, in the contract's time zone. */
export function meetingsReply(input: MeetingsInput): Reply {
  const { nav } = input;
  const locale = nav.locale;
  const page = paginate(input.meetings, nav.page, MEETINGS_PAGE_SIZE);
  const title = tr(locale, "Prochaines réunions", "Upcoming meetings");
  const blocks: KnownBlock[] = [
    header(title),
    context(
      tr(locale, `Heures de Paris (${input.timezone})`, `Times in ${input.timezone}`),
      tr(
        locale,
        countOf(page.total, locale, "réunion planifiée", "réunions planifiées"),
        countOf(page.total, locale, "meeting scheduled", "meetings scheduled"),
      ),
    ),
  ];
  if (page.total === 0) {
    blocks.push(
      section(
        tr(
          locale,
          "Aucune réunion n'est planifiée pour le moment. Les coordonnateurs en programment une avec `/csi reunion`.",
          "No meeting is scheduled yet. Coordinators schedule one with `/csi meeting`.",
        ),
      ),
    );
  }
  for (const m of page.items) blocks.push(section(meetingText(m, input.today, input.timezone, nav)));
  blocks.push(...footerBlocks(nav, page));
  return { text: `${title} (${page.total})`, blocks };
}
