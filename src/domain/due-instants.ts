// When each kind of scheduled message is due.
// Pure: every function takes its inputs and settings; none reads the clock. Local wall times are
// resolved with luxon in the configured IANA zone and returned as UTC instants (JS Date).

import { DateTime, IANAZone } from "luxon";
import {
  addDays,
  addWorkingDays,
  isoWeekday,
  isWorkingDay,
  nextWorkingDay,
  parseIsoDate,
  previousWorkingDay,
} from "./calendar.js";
import type { IsoDate } from "./types.js";

export interface ScheduleSettings {
  /** IANA zone in which dates and hours are read, e.g. `Europe/Paris`. */
  timezone: string;
  /** `HH:mm` for deadline reminders, check-ins, meeting reminders and shifted digests. */
  reminderHour: string;
  /** `HH:mm` of the weekly digest when its day is a working day. */
  digestTime: string;
  /** ISO weekday of the digest: 1 = Monday … 7 = Sunday. */
  digestWeekday: number;
  /** Calendar days before the meeting's local date (J-7, J-1). */
  meetingReminderDays: readonly number[];
  /** Working days before the meeting's local date for the owners' check-in. */
  checkInWorkingDays: number;
  /** Calendar days before a due date (J-30, J-7, J-1). */
  deadlineReminderDays: readonly number[];
  /** Calendar days between overdue reminders, counted from the due date. */
  overdueEveryDays: number;
  /**
   * `HH:mm-HH:mm`: local hours when nothing is caught up (a reminder that fell due while Vigie was down
   * waits for a working day outside them). A message at its own configured hour is never held back.
   */
  quietHours: string;
}

export const DEFAULT_SCHEDULE: Readonly<ScheduleSettings> = Object.freeze({
  timezone: "Europe/Paris",
  reminderHour: "09:00",
  digestTime: "08:30",
  digestWeekday: 1,
  meetingReminderDays: Object.freeze([7, 1]),
  checkInWorkingDays: 5,
  deadlineReminderDays: Object.freeze([30, 7, 1]),
  overdueEveryDays: 7,
  quietHours: "19:00-09:00",
});

export interface OffsetInstant {
  daysBefore: number;
  dueAt: Date;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** Parses `HH:mm` (24 h, two digits each); throws a clear Error otherwise. */
function parseHhmm(hhmm: string): { hour: number; minute: number } {
  const m = typeof hhmm === "string" ? HHMM.exec(hhmm) : null;
  if (!m) throw new Error(`Invalid time of day: ${JSON.stringify(hhmm)} (expected HH:mm, 00:00–23:59)`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

// Zones already found valid. IANAZone.isValidZone builds an Intl.DateTimeFormat on every call (~0.3 ms),
// and every function here checks its zone: a scheduler pass would spend seconds asking the same question.
const validZones = new Set<string>();

function assertTimezone(timezone: string): void {
  if (validZones.has(timezone)) return;
  if (typeof timezone !== "string" || !IANAZone.isValidZone(timezone)) {
    throw new Error(`Invalid time zone: ${JSON.stringify(timezone)} (expected an IANA zone such as Europe/Paris)`);
  }
  validZones.add(timezone);
}

// Answers already computed. A scheduler pass asks the same questions minute after minute — the reminder
// instants of every contract's due dates and meetings — and each answer costs luxon tens of microseconds:
// with 3,000 commitments a pass spent most of its second here. Every function below is a pure function of
// its arguments and settings, so its answer is kept under a key naming all of them (an invalid argument
// throws before anything is kept). Bounded: emptied when full, then filled again by the next questions.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, unknown>();

function remembered<T>(key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

// Settings already validated, by the key naming all their fields (JSON keeps types apart: [7, 1] is not "7,1").
const validSettings = new Set<string>();

/** Validates `s` (once per distinct value) and returns the key that names it in memoised answers. */
function settingsKey(s: ScheduleSettings): string {
  const key = JSON.stringify([
    s.timezone,
    s.reminderHour,
    s.digestTime,
    s.digestWeekday,
    s.meetingReminderDays,
    s.checkInWorkingDays,
    s.deadlineReminderDays,
    s.overdueEveryDays,
    s.quietHours,
  ]);
  if (!validSettings.has(key)) {
    assertScheduleSettings(s);
    if (validSettings.size >= MEMO_LIMIT) validSettings.clear();
    validSettings.add(key);
  }
  return key;
}

/** Fresh copies: a caller may sort or change what it gets without touching the kept answer. */
const copyOffsets = (items: readonly OffsetInstant[]): OffsetInstant[] =>
  items.map((i) => ({ daysBefore: i.daysBefore, dueAt: new Date(i.dueAt.getTime()) }));

function assertInstant(instant: Date, what: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new Error(`Invalid ${what}: expected a valid Date`);
  }
}

function assertDayList(list: readonly number[], min: number, what: string): void {
  if (!Array.isArray(list)) throw new Error(`Invalid ${what}: expected an array of integers`);
  for (const n of list) {
    if (!Number.isInteger(n) || n < min) throw new Error(`Invalid ${what}: ${String(n)} (expected integers ≥ ${min})`);
  }
  // Duplicates would give two messages with the same delivery key.
  if (new Set(list).size !== list.length) throw new Error(`Invalid ${what}: duplicate values`);
}

/** Throws a clear Error when any setting is malformed. */
function assertScheduleSettings(s: ScheduleSettings): void {
  assertTimezone(s.timezone);
  parseHhmm(s.reminderHour);
  parseHhmm(s.digestTime);
  if (!Number.isInteger(s.digestWeekday) || s.digestWeekday < 1 || s.digestWeekday > 7) {
    throw new Error(`Invalid digestWeekday: ${String(s.digestWeekday)} (expected 1 = Monday … 7 = Sunday)`);
  }
  // A meeting reminder on J-0 could not be moved forward without reaching the meeting.
  assertDayList(s.meetingReminderDays, 1, "meetingReminderDays");
  assertDayList(s.deadlineReminderDays, 0, "deadlineReminderDays");
  if (!Number.isInteger(s.checkInWorkingDays) || s.checkInWorkingDays < 1) {
    throw new Error(`Invalid checkInWorkingDays: ${String(s.checkInWorkingDays)} (expected an integer ≥ 1)`);
  }
  if (!Number.isInteger(s.overdueEveryDays) || s.overdueEveryDays < 1) {
    throw new Error(`Invalid overdueEveryDays: ${String(s.overdueEveryDays)} (expected an integer ≥ 1)`);
  }
  parseQuietHours(s.quietHours);
}

/** `19:00-09:00` → minutes of the day [from, to); a span over midnight wraps. Throws a clear Error otherwise. */
export function parseQuietHours(spec: string): { from: number; to: number } {
  const [a = "", b = "", ...rest] = typeof spec === "string" ? spec.split("-") : [];
  if (rest.length > 0) throw new Error(`Invalid quietHours: ${JSON.stringify(spec)} (expected HH:mm-HH:mm)`);
  const from = parseHhmm(a);
  const to = parseHhmm(b);
  return { from: from.hour * 60 + from.minute, to: to.hour * 60 + to.minute };
}

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

/** Defaults overridden by `overrides`, validated. */
export function makeScheduleSettings(overrides: Partial<ScheduleSettings> = {}): ScheduleSettings {
  const s: ScheduleSettings = { ...DEFAULT_SCHEDULE, ...overrides };
  assertScheduleSettings(s);
  return s;
}

/**
 * The instant of `hhmm` on `date` in `timezone`, exactly as configured on every day. Only a wall time
 * that does not exist (the hour skipped when clocks spring forward) moves: to the first minute after the
 * gap (02:30 → 03:00 in Paris on the last Sunday of March). A wall time that happens twice (the hour
 * repeated when clocks fall back) is its first occurrence, so it is still sent once.
 */
export function atLocalTime(date: IsoDate, hhmm: string, timezone: string): Date {
  const ms = remembered(`at|${timezone}|${date}|${hhmm}`, () => {
    const { year, month, day } = parseIsoDate(date);
    const { hour, minute } = parseHhmm(hhmm);
    assertTimezone(timezone);
    // Wall minutes of the day, tried from the one asked for onwards: only a gap makes us try the next.
    for (let m = hour * 60 + minute; m < 24 * 60; m++) {
      const found = firstOccurrence(year, month, day, Math.floor(m / 60), m % 60, timezone);
      if (found) return found.getTime();
    }
    throw new Error(`Cannot place ${date} ${hhmm} in ${timezone}: no such local time`);
  });
  return new Date(ms);
}

/** The earliest instant whose wall clock in `zone` reads this date and time, or null when none does (a gap). */
function firstOccurrence(year: number, month: number, day: number, hour: number, minute: number, zone: string) {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force a few hours either side: a day has at most one change in the zones we serve.
  const offsets = new Set(
    [-6, 6].map((h) => DateTime.fromMillis(wallAsUtc + h * 3_600_000, { zone }).offset), // minutes east of UTC
  );
  const hits = [...offsets]
    .map((offset) => wallAsUtc - offset * 60_000)
    .filter((ms) => {
      const dt = DateTime.fromMillis(ms, { zone });
      return dt.year === year && dt.month === month && dt.day === day && dt.hour === hour && dt.minute === minute;
    })
    .sort((a, b) => a - b);
  return hits.length > 0 ? new Date(hits[0] as number) : null;
}

/** The calendar date of `instant` as seen in `timezone`. */
export function localDateOf(instant: Date, timezone: string): IsoDate {
  assertInstant(instant, "instant");
  return remembered(`date|${timezone}|${instant.getTime()}`, () => {
    assertTimezone(timezone);
    const date = DateTime.fromJSDate(instant, { zone: timezone }).toISODate();
    if (date === null) throw new Error(`Cannot read the local date of ${instant.toISOString()} in ${timezone}`);
    return date;
  });
}

function formatIsoWeek(weekYear: number, weekNumber: number): string {
  return `${String(weekYear).padStart(4, "0")}-W${String(weekNumber).padStart(2, "0")}`;
}

/** ISO week (`2026-W49`) of `instant` as seen in `timezone`; the week-year may differ from the year. */
export function isoWeekOf(instant: Date, timezone: string): string {
  assertInstant(instant, "instant");
  assertTimezone(timezone);
  const dt = DateTime.fromJSDate(instant, { zone: timezone });
  return formatIsoWeek(dt.weekYear, dt.weekNumber);
}

/** ISO week (`2026-W49`) containing a calendar date. */
export function isoWeekOfDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  const dt = DateTime.fromObject({ year, month, day }, { zone: "UTC" });
  return formatIsoWeek(dt.weekYear, dt.weekNumber);
}

/** The calendar date of ISO weekday `weekday` (1 = Monday) in `isoWeek`; rejects W53 of 52-week years. */
export function dateInIsoWeek(isoWeek: string, weekday: number): IsoDate {
  const m = typeof isoWeek === "string" ? ISO_WEEK.exec(isoWeek) : null;
  if (!m) throw new Error(`Invalid ISO week: ${JSON.stringify(isoWeek)} (expected YYYY-Www, e.g. 2026-W49)`);
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
    throw new Error(`Invalid weekday: ${String(weekday)} (expected 1 = Monday … 7 = Sunday)`);
  }
  const weekYear = Number(m[1]);
  const weekNumber = Number(m[2]);
  // 28 December always lies in the last ISO week of its year.
  const weeks = Number(isoWeekOfDate(`${m[1]}-12-28`).slice(6));
  if (weekNumber < 1 || weekNumber > weeks) {
    throw new Error(`Invalid ISO week: ${isoWeek} (${weekYear} has ${weeks} weeks)`);
  }
  // Week 1 is the week holding 4 January.
  const jan4 = `${m[1]}-01-04`;
  const mondayOfWeek1 = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(mondayOfWeek1, (weekNumber - 1) * 7 + (weekday - 1));
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
