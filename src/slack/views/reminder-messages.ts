// Meeting reminders (J-n) as Block Kit, and the buttons every reminder shares. Pure. Deadline, overdue and
// check-in reminders go out folded, one message per person (folded-reminder.ts).
import type { Button, KnownBlock } from "@slack/types";
import { localDateOf } from "../../domain/due-instants.js";
import {
  formatDateLong,
  formatInstant,
  formatRelativeDays,
  meetingKindLabel,
  statusEmoji,
} from "../../domain/format.js";
import { daysUntil } from "../../domain/status.js";
import { truncate } from "../../domain/text.js";
import type { Commitment, IsoDate, Locale, Meeting } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import { button, esc, plain, section } from "./blocks.js";
import { tr } from "./locale.js";
import type { Reply } from "./reply.js";

export type ReminderCommitment = Pick<Commitment, "id" | "ref" | "title" | "status" | "progress" | "dueOn">;
export type ReminderMeeting = Pick<Meeting, "id" | "kind" | "title" | "startsAt" | "place" | "agenda">;

export const updateButton = (commitmentId: string, locale: Locale): Button =>
  button(ACTIONS.openUpdate, tr(locale, "Mettre à jour", "Update"), commitmentId, "primary");

/** « Rappeler demain » / « Rappeler dans une semaine »: the value is the delivery key of this very message. */
export function snoozeButtons(deliveryKey: string, locale: Locale): Button[] {
  return [
    button(ACTIONS.snoozeDay, tr(locale, "Rappeler demain", "Remind me tomorrow"), deliveryKey),
    button(ACTIONS.snoozeWeek, tr(locale, "Rappeler dans une semaine", "Remind me in a week"), deliveryKey),
  ];
}

function commitmentLine(c: ReminderCommitment, today: IsoDate, locale: Locale): string {
  const due = c.dueOn
    ? ` — ${tr(locale, "échéance", "due")} ${formatDateLong(c.dueOn, locale)} (${formatRelativeDays(daysUntil(today, c.dueOn), locale)})`
    : "";
  return `${statusEmoji(c.status)} *${esc(c.ref)}* ${plain(c.title, 140)}${due}`;
}

function meetingName(m: ReminderMeeting, locale: Locale): string {
  return m.title
    ? `${meetingKindLabel(m.kind, locale, "short")} — ${plain(m.title, 100)}`
    : meetingKindLabel(m.kind, locale);
}

interface MeetingReminderInput {
  meeting: ReminderMeeting;
  daysBefore: number;
  /** Commitments of the contract that are overdue or at risk, most urgent first. */
  watch: ReminderCommitment[];
  today: IsoDate;
  timezone: string;
  locale: Locale;
}

/** J-7 / J-1 before a GLTD, COPIL or CLSPD: to its channel and each attendee, with agenda and what needs attention. */
export function meetingReminderMessage(i: MeetingReminderInput): Reply {
  const { meeting: m, locale } = i;
  const when = formatInstant(m.startsAt, i.timezone, locale);
  // « demain » only when the meeting really is tomorrow (a J-1 moved to the Friday before a Monday is not).
  const days = daysUntil(i.today, localDateOf(m.startsAt, i.timezone));
  const whenWords =
    days === 1
      ? tr(locale, `demain, ${when}`, `tomorrow, ${when}`)
      : days === 0
        ? tr(locale, `aujourd'hui, ${when}`, `today, ${when}`)
        : when;
  const text = tr(locale, `Rappel : ${meetingName(m, locale)} ${when}`, `Reminder: ${meetingName(m, locale)} ${when}`);
  const shown = i.watch.slice(0, 8);
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: truncate(
          tr(
            locale,
            `Réunion ${whenWords} : ${meetingKindLabel(m.kind, locale, "short")}`,
            `Meeting ${whenWords}: ${meetingKindLabel(m.kind, locale, "short")}`,
          ),
          150,
        ),
        emoji: true,
      },
    },
    section(
      `*${meetingName(m, locale)}*\n:calendar: ${when}${m.place ? `\n:round_pushpin: ${plain(m.place, 200)}` : ""}`,
    ),
    section(
      `*${tr(locale, "Ordre du jour", "Agenda")}*\n${m.agenda ? plain(m.agenda, 2000) : tr(locale, "_Pas encore d'ordre du jour._", "_No agenda yet._")}`,
    ),
    section(
      `*${tr(locale, "Engagements en retard ou en vigilance", "Commitments overdue or at risk")}* (${i.watch.length})\n` +
        (shown.length
          ? shown.map((c) => commitmentLine(c, i.today, locale)).join("\n")
          : tr(locale, "_Aucun : tout est dans les temps._", "_None: everything is on time._")) +
        (i.watch.length > shown.length
          ? `\n${tr(locale, `… et ${i.watch.length - shown.length} autres (/csi retards)`, `… and ${i.watch.length - shown.length} more (/csi overdue)`)}`
          : ""),
    ),
  ];
  return { text, blocks };
}
