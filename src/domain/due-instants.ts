// When each kind of scheduled message is due.
// Pure: every function takes its inputs and settings; none reads the clock. Local wall times are
// resolved with luxon in the configured IANA zone and returned as UTC instants (JS Date).

import { DateTime } from "luxon";
import { addDays, addWorkingDays, isWorkingDay, nextWorkingDay, parseIsoDate, previousWorkingDay } from "./calendar.js";
import { assertInstant, atLocalTime, dateInIsoWeek, localDateOf } from "./local-time.js";
import { remembered } from "./memo.js";
import { parseQuietHours, type ScheduleSettings, settingsKey } from "./schedule-settings.js";
import type { IsoDate } from "./types.js";

// Callers read the zone and settings functions from here too.
export { atLocalTime, dateInIsoWeek, isoWeekOf, isoWeekOfDate, localDateOf } from "./local-time.js";
export {
  DEFAULT_SCHEDULE,
  makeScheduleSettings,
  parseQuietHours,
  type ScheduleSettings,
} from "./schedule-settings.js";

export interface OffsetInstant {
  daysBefore: number;
  dueAt: Date;
}

/** Fresh copies: a caller may sort or change what it gets without touching the kept answer. */
const copyOffsets = (items: readonly OffsetInstant[]): OffsetInstant[] =>
  items.map((i) => ({ daysBefore: i.daysBefore, dueAt: new Date(i.dueAt.getTime()) }));

/** How long after its instant a message still counts as sent at its own slot (a slow pass, a quick retry). */
export const ON_TIME_MINUTES = 30;

/**
 * Whether a message due at `dueAt` may go out at `now`. At its own slot (up to ON_TIME_MINUTES late), yes:
 * the slot is a configured hour on a working day. Later — caught up after a stop — only on a working day
 * (no weekend, no French public holiday) outside the quiet hours: never at night.
 */
export function mayGoOutAt(dueAt: Date, now: Date, s: ScheduleSettings): boolean {
  if (now.getTime() - dueAt.getTime() < ON_TIME_MINUTES * 60_000) return true;
  return remembered(`catch-up|${s.timezone}|${s.quietHours}|${now.getTime()}`, () => {
    const local = DateTime.fromJSDate(now, { zone: s.timezone });
    if (!isWorkingDay(local.toISODate() ?? "")) return false;
    const { from, to } = parseQuietHours(s.quietHours);
    const minute = local.hour * 60 + local.minute;
    const quiet = from <= to ? minute >= from && minute < to : minute >= from || minute < to;
    return !quiet;
  });
}

/**
 * J-n reminders before the meeting's local date, at `reminderHour`. A reminder on a non-working
 * day moves to the next working day, unless that would reach the meeting's date (always the case
 * for J-1): then it goes on the working day before. When two offsets land on the same instant,
 * only the closer one (smaller `daysBefore`) is kept. Sorted by `dueAt`.
 */
export function meetingReminderInstants(meetingStartsAt: Date, s: ScheduleSettings): OffsetInstant[] {
  const key = settingsKey(s);
  assertInstant(meetingStartsAt, "instant");
  return copyOffsets(
    remembered(`meeting|${key}|${meetingStartsAt.getTime()}`, () => {
      const meetingDate = localDateOf(meetingStartsAt, s.timezone);
      return dedupeByInstant(
        s.meetingReminderDays.map((daysBefore) => ({
          daysBefore,
          dueAt: atLocalTime(workingDayBefore(meetingDate, daysBefore), s.reminderHour, s.timezone),
        })),
      );
    }),
  );
}

/** Owners' check-in: `checkInWorkingDays` working days before the meeting's local date. */
export function checkInInstant(meetingStartsAt: Date, s: ScheduleSettings): Date {
  const key = settingsKey(s);
  assertInstant(meetingStartsAt, "instant");
  const ms = remembered(`checkin|${key}|${meetingStartsAt.getTime()}`, () => {
    const meetingDate = localDateOf(meetingStartsAt, s.timezone);
    return atLocalTime(addWorkingDays(meetingDate, -s.checkInWorkingDays), s.reminderHour, s.timezone).getTime();
  });
  return new Date(ms);
}

/**
 * J-n reminders before a due date, at `reminderHour`. A reminder on a non-working day moves to the next
 * working day unless that would reach the due date (J-1 before a Monday, a holiday eve): then it goes on
 * the working day before, as meeting reminders do — never onto the due date itself. Same-instant offsets
 * keep the smaller `daysBefore`. Sorted by `dueAt`.
 */
export function deadlineReminderInstants(dueOn: IsoDate, s: ScheduleSettings): OffsetInstant[] {
  const key = settingsKey(s);
  return copyOffsets(
    remembered(`deadline|${key}|${dueOn}`, () => {
      parseIsoDate(dueOn);
      return dedupeByInstant(
        s.deadlineReminderDays.map((daysBefore) => ({
          daysBefore,
          dueAt: atLocalTime(workingDayBefore(dueOn, daysBefore), s.reminderHour, s.timezone),
        })),
      );
    }),
  );
}

/** `daysBefore` days before `date`, on a working day: forward while still before `date`, else backward. */
function workingDayBefore(date: IsoDate, daysBefore: number): IsoDate {
  const nominal = addDays(date, -daysBefore);
  const forward = nextWorkingDay(nominal);
  // ISO dates compare correctly as strings. J-0 stays on the date (its working day or the one before).
  return forward < date || (daysBefore === 0 && forward === date) ? forward : previousWorkingDay(nominal);
}

/**
 * The `occurrence`-th overdue reminder (1 = `overdueEveryDays` after the due date), moved to the
 * next working day when needed. Counted from the due date, not from the previous shifted send, so
 * one holiday does not drift every later reminder. The caller decides when to stop.
 */
export function overdueReminderInstant(dueOn: IsoDate, occurrence: number, s: ScheduleSettings): Date {
  const key = settingsKey(s);
  if (!Number.isInteger(occurrence) || occurrence < 1) {
    throw new Error(`Invalid occurrence: ${String(occurrence)} (expected an integer ≥ 1)`);
  }
  const ms = remembered(`overdue|${key}|${dueOn}|${occurrence}`, () => {
    parseIsoDate(dueOn);
    const date = addDays(dueOn, occurrence * s.overdueEveryDays);
    return atLocalTime(nextWorkingDay(date), s.reminderHour, s.timezone).getTime();
  });
  return new Date(ms);
}

/**
 * The weekly digest of `isoWeek`: `digestWeekday` at `digestTime`; when that day is not a working
 * day, the next working day at `reminderHour`.
 */
export function weeklyDigestInstant(isoWeek: string, s: ScheduleSettings): Date {
  const key = settingsKey(s);
  const ms = remembered(`digest|${key}|${isoWeek}`, () => {
    const date = dateInIsoWeek(isoWeek, s.digestWeekday);
    return (
      isWorkingDay(date)
        ? atLocalTime(date, s.digestTime, s.timezone)
        : atLocalTime(nextWorkingDay(date), s.reminderHour, s.timezone)
    ).getTime();
  });
  return new Date(ms);
}

function dedupeByInstant(items: OffsetInstant[]): OffsetInstant[] {
  const byInstant = new Map<number, OffsetInstant>();
  for (const item of items) {
    const key = item.dueAt.getTime();
    const kept = byInstant.get(key);
    if (!kept || item.daysBefore < kept.daysBefore) byInstant.set(key, item);
  }
  return [...byInstant.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || b.daysBefore - a.daysBefore);
}
