// French public holidays (metropolitan France) and working days, on plain calendar dates.
// Pure: no clock, no time zone — an IsoDate is a wall-calendar day wherever it is read.

import type { IsoDate } from "./types.js";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// The Gregorian computus only holds from 1583; 9999 keeps dates four digits long.
const MIN_YEAR = 1583;
const MAX_YEAR = 9999;

interface PublicHoliday {
  date: IsoDate;
  name: string;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(`Invalid year: ${String(year)} (expected an integer from ${MIN_YEAR} to ${MAX_YEAR})`);
  }
}

/** Parses and validates `YYYY-MM-DD` (a real calendar day); throws a clear Error otherwise. */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const m = typeof date === "string" ? ISO_DATE.exec(date) : null;
  if (!m) throw new Error(`Invalid date: ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(`Invalid date: ${date} (year must be from ${MIN_YEAR} to ${MAX_YEAR})`);
  }
  // Round-trip through UTC catches 2026-02-30, 2026-13-01 and friends.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new Error(`Invalid date: ${date} (no such calendar day)`);
  }
  return { year, month, day };
}

/** True when `date` is a well-formed, existing calendar day. */
export function isIsoDate(date: unknown): date is IsoDate {
  if (typeof date !== "string") return false;
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

// Days since 1970-01-01 in the proleptic Gregorian calendar; UTC has no DST, so whole days only.
function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(n: number): IsoDate {
  const result = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
  // Re-validate so arithmetic cannot walk out of the supported range unnoticed.
  parseIsoDate(result);
  return result;
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  const n = toDayNumber(date);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new Error(`Invalid day count: ${String(n)} (expected an integer)`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoOf(year, month, day);
}

const holidayCache = new Map<number, readonly PublicHoliday[]>();

/** The 11 public holidays of metropolitan France for `year`, in calendar order, French names. */
export function frenchPublicHolidays(year: number): PublicHoliday[] {
  assertYear(year);
  let holidays = holidayCache.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    holidays = [
      { date: isoOf(year, 1, 1), name: "Jour de l'an" },
      { date: addDays(easter, 1), name: "Lundi de Pâques" },
      { date: isoOf(year, 5, 1), name: "Fête du Travail" },
      { date: isoOf(year, 5, 8), name: "Victoire 1945" },
      { date: addDays(easter, 39), name: "Ascension" },
      { date: addDays(easter, 50), name: "Lundi de Pentecôte" },
      { date: isoOf(year, 7, 14), name: "Fête nationale" },
      { date: isoOf(year, 8, 15), name: "Assomption" },
      { date: isoOf(year, 11, 1), name: "Toussaint" },
      { date: isoOf(year, 11, 11), name: "Armistice 1918" },
      { date: isoOf(year, 12, 25), name: "Noël" },
    ];
    // Easter-based dates can land in May among the fixed ones (e.g. Ascension on 1 May 2008).
    holidays = [...holidays].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    holidayCache.set(year, holidays);
  }
  // Copies so callers cannot corrupt the cache.
  return holidays.map((h) => ({ ...h }));
}

const holidayIndex = new Map<number, ReadonlyMap<IsoDate, string>>();

/** The holiday's French name, or null when `date` is not a public holiday. */
export function publicHolidayName(date: IsoDate): string | null {
  const { year } = parseIsoDate(date);
  let index = holidayIndex.get(year);
  if (!index) {
    // First name wins when two holidays share a day (Ascension on 1 May 2008).
    const names = new Map<IsoDate, string>();
    for (const h of frenchPublicHolidays(year)) if (!names.has(h.date)) names.set(h.date, h.name);
    index = names;
    holidayIndex.set(year, index);
  }
  return index.get(date) ?? null;
}

export function isPublicHoliday(date: IsoDate): boolean {
  return publicHolidayName(date) !== null;
}

/** Monday–Friday and not a French public holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(date);
}

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** `date` itself when it is a working day, else the last working day before it. */
export function previousWorkingDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/**
 * Moves `n` working days from `date` (backwards when negative); `date` itself need not be a
 * working day and is never counted. `n = 0` returns `date` unchanged.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new Error(`Invalid working-day count: ${String(n)} (expected an integer)`);
  parseIsoDate(date);
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}
