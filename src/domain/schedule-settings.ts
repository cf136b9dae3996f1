// The settings that say when scheduled messages go out, their defaults and their validation.

import { IANAZone } from "luxon";
import { MEMO_LIMIT } from "./memo.js";

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

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses `HH:mm` (24 h, two digits each); throws a clear Error otherwise. */
export function parseHhmm(hhmm: string): { hour: number; minute: number } {
  const m = typeof hhmm === "string" ? HHMM.exec(hhmm) : null;
  if (!m) throw new Error(`Invalid time of day: ${JSON.stringify(hhmm)} (expected HH:mm, 00:00–23:59)`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

// Zones already found valid. IANAZone.isValidZone builds an Intl.DateTimeFormat on every call (~0.3 ms),
// and every function here checks its zone: a scheduler pass would spend seconds asking the same question.
const validZones = new Set<string>();

export function assertTimezone(timezone: string): void {
  if (validZones.has(timezone)) return;
  if (typeof timezone !== "string" || !IANAZone.isValidZone(timezone)) {
    throw new Error(`Invalid time zone: ${JSON.stringify(timezone)} (expected an IANA zone such as Europe/Paris)`);
  }
  validZones.add(timezone);
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

/** Defaults overridden by `overrides`, validated. */
export function makeScheduleSettings(overrides: Partial<ScheduleSettings> = {}): ScheduleSettings {
  const s: ScheduleSettings = { ...DEFAULT_SCHEDULE, ...overrides };
  assertScheduleSettings(s);
  return s;
}

// Settings already validated, by the key naming all their fields (JSON keeps types apart: [7, 1] is not "7,1").
const validSettings = new Set<string>();

/** Validates `s` (once per distinct value) and returns the key that names it in memoised answers. */
export function settingsKey(s: ScheduleSettings): string {
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
