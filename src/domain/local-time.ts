// Wall times and calendar dates in an IANA zone, as UTC instants and back (luxon). Pure and memoised.

import { DateTime } from "luxon";
import { addDays, isoWeekday, parseIsoDate } from "./calendar.js";
import { remembered } from "./memo.js";
import { assertTimezone, parseHhmm } from "./schedule-settings.js";
import type { IsoDate } from "./types.js";

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** Throws a clear Error unless `instant` is a valid Date. */
export function assertInstant(instant: Date, what: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new Error(`Invalid ${what}: expected a valid Date`);
  }
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
