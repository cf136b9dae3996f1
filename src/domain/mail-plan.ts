// Which e-mails are due to recipients outside Slack, each under its own delivery key (the same Delivery table
// and the same claim → send → record as Slack messages). Pure: the caller passes `now` and the data.
//   mail-digest:<isoWeek>:<recipientId>              the weekly digest, at the Slack digest's instant
//   mail-report:<meetingId>:<recipientId>             the report (PDF) before a COPIL or GLTD, once per meeting
//   mail-invite:<meetingId>:<sequence>:<recipientId>  an invitation (sequence 0) or its update (1, 2…)
//   mail-cancel:<meetingId>:<recipientId>             the cancellation
import { addDays } from "./calendar.js";
import { atLocalTime, isoWeekOf, localDateOf, type ScheduleSettings, weeklyDigestInstant } from "./due-instants.js";
import type { MailKind } from "./recipient-input.js";
import type { MeetingKind } from "./types.js";

export type MailRef =
  | { kind: "mail-digest"; isoWeek: string; recipientId: string }
  | { kind: "mail-report"; meetingId: string; recipientId: string }
  | { kind: "mail-invite"; meetingId: string; sequence: number; recipientId: string }
  | { kind: "mail-cancel"; meetingId: string; recipientId: string };

export interface PlannedMail {
  key: string;
  kind: MailRef["kind"];
  /** The recipient's id: one recipient's e-mails go out one after the other. */
  target: string;
  occurrence: string;
  dueAt: Date;
  ref: MailRef;
  /** The recipient's contract: a failure is reported in that contract's digest. */
  contractId: string;
}

interface RecipientForPlan {
  id: string;
  contractId: string;
  receives: Record<MailKind, boolean>;
  createdAt: Date;
}

export interface MeetingForMail {
  id: string;
  contractId: string;
  kind: MeetingKind;
  startsAt: Date;
  createdAt: Date;
  sequence: number;
  changedAt: Date | null;
  cancelledAt: Date | null;
}

/** The meetings whose report is sent to the signatories beforehand. */
const REPORTED_MEETINGS: readonly MeetingKind[] = ["COPIL", "GLTD"];

/** Every e-mail delivery's key starts so (mail-digest, mail-report, mail-invite, mail-cancel); Slack ones never do. */
export const MAIL_KEY_PREFIX = "mail-";

function mailKey(ref: MailRef): string {
  switch (ref.kind) {
    case "mail-digest":
      return `mail-digest:${ref.isoWeek}:${ref.recipientId}`;
    case "mail-report":
      return `mail-report:${ref.meetingId}:${ref.recipientId}`;
    case "mail-invite":
      return `mail-invite:${ref.meetingId}:${ref.sequence}:${ref.recipientId}`;
    case "mail-cancel":
      return `mail-cancel:${ref.meetingId}:${ref.recipientId}`;
  }
}

export function parseMailKey(key: string): MailRef | null {
  const f = key.split(":");
  if (f.some((x) => x === "")) return null;
  const [kind, a = "", b = "", c = ""] = f;
  if (kind === "mail-digest" && f.length === 3) return { kind, isoWeek: a, recipientId: b };
  if (kind === "mail-report" && f.length === 3) return { kind, meetingId: a, recipientId: b };
  if (kind === "mail-invite" && f.length === 4 && /^\d+$/.test(b))
    return { kind, meetingId: a, sequence: Number(b), recipientId: c };
  if (kind === "mail-cancel" && f.length === 3) return { kind, meetingId: a, recipientId: b };
  return null;
}

function planned(ref: MailRef, dueAt: Date, contractId: string): PlannedMail {
  const key = mailKey(ref);
  return {
    key,
    kind: ref.kind,
    target: ref.recipientId,
    occurrence: key.slice(ref.kind.length + 1, key.lastIndexOf(":")),
    dueAt,
    ref,
    contractId,
  };
}

/** Days before a COPIL/GLTD its report is sent: the earliest meeting reminder (J-7 by default). */
const reportDaysBefore = (s: ScheduleSettings): number => Math.max(...s.meetingReminderDays, 1);

/** When the report before `meeting` is due: J-n at the reminder hour (or at once for a meeting scheduled later). */
function reportInstant(meeting: Pick<MeetingForMail, "startsAt">, s: ScheduleSettings): Date {
  const day = addDays(localDateOf(meeting.startsAt, s.timezone), -reportDaysBefore(s));
  return atLocalTime(day, s.reminderHour, s.timezone);
}

const later = (a: Date, b: Date): Date => (a > b ? a : b);

/**
 * Every e-mail due at `now`. `meetings`: those not started yet (cancelled ones included). The caller drops
 * the keys already in the Delivery table. A recipient added later gets this week's digest only if it was
 * not yet due when they were added, the report of a meeting still ahead, and the invitations to meetings
 * still ahead (their current version); a cancellation only for a meeting cancelled after they were added.
 */
export function planDueMail(input: {
  now: Date;
  /** Each contract's own schedule: its zone, digest day and hour, reminder hour. */
  settingsOf: (contractId: string) => ScheduleSettings;
  recipients: readonly RecipientForPlan[];
  meetings: readonly MeetingForMail[];
}): PlannedMail[] {
  const { now } = input;
  const out: PlannedMail[] = [];
  for (const r of input.recipients) {
    const s = input.settingsOf(r.contractId);
    const week = isoWeekOf(now, s.timezone);
    const digestAt = weeklyDigestInstant(week, s);
    if (r.receives.digest && digestAt <= now && digestAt >= r.createdAt)
      out.push(planned({ kind: "mail-digest", isoWeek: week, recipientId: r.id }, digestAt, r.contractId));
    for (const m of input.meetings) {
      if (m.contractId !== r.contractId || m.startsAt <= now) continue;
      if (m.cancelledAt) {
        if (r.receives.meetings && m.cancelledAt <= now && r.createdAt <= m.cancelledAt)
          out.push(planned({ kind: "mail-cancel", meetingId: m.id, recipientId: r.id }, m.cancelledAt, r.contractId));
        continue;
      }
      if (r.receives.meetings) {
        const at = later(m.changedAt ?? m.createdAt, r.createdAt);
        if (at <= now)
          out.push(
            planned(
              { kind: "mail-invite", meetingId: m.id, sequence: m.sequence, recipientId: r.id },
              at,
              r.contractId,
            ),
          );
      }
      if (r.receives.report && REPORTED_MEETINGS.includes(m.kind)) {
        const at = later(reportInstant(m, s), later(m.createdAt, r.createdAt));
        if (at <= now) out.push(planned({ kind: "mail-report", meetingId: m.id, recipientId: r.id }, at, r.contractId));
      }
    }
  }
  return out;
}
