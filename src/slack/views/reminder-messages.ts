// Scheduled reminders (meetings J-n, pre-meeting check-ins, deadlines, overdue) as Block Kit. Pure.
import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import {
  formatDateLong,
  formatInstant,
  formatRelativeDays,
  meetingKindLabel,
  progressBar,
  statusEmoji,
  statusLabel,
} from "../../domain/format.js";
import { daysUntil } from "../../domain/status.js";
import { truncate } from "../../domain/text.js";
import type { Commitment, IsoDate, Locale, Meeting } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import { button, esc, plain, section } from "./blocks.js";
import { mentions } from "./commitment-text.js";
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

const snoozedNote = (snoozed: boolean, locale: Locale): KnownBlock[] =>
  snoozed
    ? [
        {
          type: "context",
          elements: [
            {
              type: "mrkdwn",
              text: tr(
                locale,
                ":alarm_clock: Rappel reporté à votre demande.",
                ":alarm_clock: Reminder you postponed.",
              ),
            },
          ],
        },
      ]
    : [];

export interface MeetingReminderInput {
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
  const lead =
    i.daysBefore === 1
      ? tr(locale, "demain", "tomorrow")
      : tr(locale, `dans ${i.daysBefore} jours`, `in ${i.daysBefore} days`);
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
            `Réunion ${lead} : ${meetingKindLabel(m.kind, locale, "short")}`,
            `Meeting ${lead}: ${meetingKindLabel(m.kind, locale, "short")}`,
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

export interface CheckInInput {
  meeting: ReminderMeeting;
  /** The owner's commitments without an update for 30 days. */
  commitments: ReminderCommitment[];
  deliveryKey: string;
  snoozed: boolean;
  today: IsoDate;
  timezone: string;
  locale: Locale;
}

/** Before a meeting, asks an owner for news of the commitments they have not updated for 30 days. */
export function checkInMessage(i: CheckInInput): Reply {
  const { locale } = i;
  const when = formatInstant(i.meeting.startsAt, i.timezone, locale);
  const text = tr(
    locale,
    `Point d'avancement demandé avant le ${meetingName(i.meeting, locale)} du ${when}`,
    `Progress update requested before ${meetingName(i.meeting, locale)} on ${when}`,
  );
  const shown = i.commitments.slice(0, 10);
  const blocks: KnownBlock[] = [
    section(
      tr(
        locale,
        `:wave: Bonjour, le *${meetingName(i.meeting, locale)}* se tient ${when}. Les engagements suivants n'ont pas été mis à jour depuis plus de 30 jours : pourriez-vous indiquer où ils en sont ?`,
        `:wave: Hello, the *${meetingName(i.meeting, locale)}* meets on ${when}. The following commitments have had no update for more than 30 days: could you say where they stand?`,
      ),
    ),
    ...shown.map((c) =>
      section(
        `${commitmentLine(c, i.today, locale)}\n${progressBar(c.progress, 10, locale)}`,
        updateButton(c.id, locale),
      ),
    ),
    ...(i.commitments.length > shown.length
      ? [
          section(
            tr(
              locale,
              `… et ${i.commitments.length - shown.length} autres (/csi mes)`,
              `… and ${i.commitments.length - shown.length} more (/csi mine)`,
            ),
          ),
        ]
      : []),
    ...snoozedNote(i.snoozed, locale),
    { type: "actions", elements: snoozeButtons(i.deliveryKey, locale) } satisfies ActionsBlock,
  ];
  return { text, blocks };
}

export interface DeadlineReminderInput {
  commitment: ReminderCommitment;
  /** Days before the due date (J-30, J-7, J-1), or null for an overdue reminder. */
  daysBefore: number | null;
  /** For an overdue reminder: the week it is (1, 2, …), and whether this is the coordinator's copy. */
  overdueWeek?: number;
  copyForCoordinator?: boolean;
  owners?: string[];
  deliveryKey: string;
  snoozed: boolean;
  today: IsoDate;
  locale: Locale;
}

/** J-30, J-7, J-1 before a due date, then every week while overdue (the coordinator in copy from week 2). */
export function deadlineReminderMessage(i: DeadlineReminderInput): Reply {
  const { commitment: c, locale } = i;
  const due = c.dueOn ?? i.today;
  const rel = formatRelativeDays(daysUntil(i.today, due), locale);
  const overdue = daysUntil(i.today, due) < 0;
  const text = overdue
    ? tr(
        locale,
        `${c.ref} : échéance dépassée (${formatDateLong(due, locale)})`,
        `${c.ref}: past its due date (${formatDateLong(due, locale)})`,
      )
    : tr(
        locale,
        `${c.ref} : échéance ${rel} (${formatDateLong(due, locale)})`,
        `${c.ref}: due ${rel} (${formatDateLong(due, locale)})`,
      );
  const intro = i.copyForCoordinator
    ? tr(
        locale,
        `:bell: Pour information : l'engagement ci-dessous a dépassé son échéance ${rel}${i.owners?.length ? ` ; pilote(s) : ${mentions(i.owners, locale)}` : ""}.`,
        `:bell: For your information: the commitment below passed its due date ${rel}${i.owners?.length ? `; owner(s): ${mentions(i.owners, locale)}` : ""}.`,
      )
    : overdue
      ? tr(
          locale,
          `:warning: L'échéance de cet engagement est dépassée (${rel}). Merci d'indiquer où il en est, ou de proposer une nouvelle date.`,
          `:warning: This commitment is past its due date (${rel}). Please say where it stands, or propose a new date.`,
        )
      : tr(
          locale,
          `:hourglass_flowing_sand: L'échéance de cet engagement arrive ${rel}. Un point d'avancement serait bienvenu.`,
          `:hourglass_flowing_sand: This commitment is due ${rel}. A progress update would be welcome.`,
        );
  const buttons: Button[] = i.copyForCoordinator
    ? []
    : [updateButton(c.id, locale), ...snoozeButtons(i.deliveryKey, locale)];
  const blocks: KnownBlock[] = [
    section(intro),
    section(
      `${commitmentLine(c, i.today, locale)}\n${statusLabel(c.status, locale)} · ${progressBar(c.progress, 10, locale)}`,
    ),
    ...snoozedNote(i.snoozed, locale),
    ...(buttons.length ? [{ type: "actions", elements: buttons } satisfies ActionsBlock] : []),
  ];
  return { text, blocks };
}
