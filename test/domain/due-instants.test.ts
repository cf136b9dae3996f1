import { DateTime } from "luxon";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addDays, isWorkingDay } from "../../src/domain/calendar.js";
import {
  atLocalTime,
  checkInInstant,
  DEFAULT_SCHEDULE,
  dateInIsoWeek,
  deadlineReminderInstants,
  isoWeekOf,
  isoWeekOfDate,
  localDateOf,
  makeScheduleSettings,
  meetingReminderInstants,
  overdueReminderInstant,
  type ScheduleSettings,
  weeklyDigestInstant,
} from "../../src/domain/due-instants.js";

const S = DEFAULT_SCHEDULE;
const PARIS = "Europe/Paris";

/** `2026-12-07 09:00 +01:00`: the wall time a Paris user sees, with its offset. */
function paris(d: Date): string {
  return DateTime.fromJSDate(d, { zone: PARIS }).toFormat("yyyy-MM-dd HH:mm ZZ");
}
function utc(iso: string): Date {
  return new Date(iso);
}
function rows(items: { daysBefore: number; dueAt: Date }[]): [number, string][] {
  return items.map((i) => [i.daysBefore, i.dueAt.toISOString()]);
}

describe("DEFAULT_SCHEDULE", () => {
  it("holds the product defaults and cannot be mutated", () => {
    expect(DEFAULT_SCHEDULE).toEqual({
      timezone: "Europe/Paris",
      reminderHour: "09:00",
      digestTime: "08:30",
      digestWeekday: 1,
      meetingReminderDays: [7, 1],
      checkInWorkingDays: 5,
      deadlineReminderDays: [30, 7, 1],
      overdueEveryDays: 7,
      quietHours: "19:00-09:00",
    });
    expect(Object.isFrozen(DEFAULT_SCHEDULE)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SCHEDULE.deadlineReminderDays)).toBe(true);
  });
});

describe("atLocalTime around DST in Europe/Paris", () => {
  // [date, configured, local wall time + offset actually used, UTC instant]
  it.each([
    // 2026 spring forward: Sunday 29 March, 02:00 +01:00 → 03:00 +02:00 (02:xx does not exist: 03:00)
    ["2026-03-28", "09:00", "2026-03-28 09:00 +01:00", "2026-03-28T08:00:00.000Z"],
    ["2026-03-28", "02:30", "2026-03-28 02:30 +01:00", "2026-03-28T01:30:00.000Z"],
    ["2026-03-29", "01:59", "2026-03-29 01:59 +01:00", "2026-03-29T00:59:00.000Z"],
    ["2026-03-29", "02:00", "2026-03-29 03:00 +02:00", "2026-03-29T01:00:00.000Z"],
    ["2026-03-29", "02:30", "2026-03-29 03:00 +02:00", "2026-03-29T01:00:00.000Z"],
    ["2026-03-29", "02:59", "2026-03-29 03:00 +02:00", "2026-03-29T01:00:00.000Z"],
    ["2026-03-29", "03:00", "2026-03-29 03:00 +02:00", "2026-03-29T01:00:00.000Z"],
    ["2026-03-29", "09:00", "2026-03-29 09:00 +02:00", "2026-03-29T07:00:00.000Z"],
    ["2026-03-30", "09:00", "2026-03-30 09:00 +02:00", "2026-03-30T07:00:00.000Z"],
    ["2026-03-30", "08:30", "2026-03-30 08:30 +02:00", "2026-03-30T06:30:00.000Z"],
    // 2026 fall back: Sunday 25 October, 03:00 +02:00 → 02:00 +01:00 (02:xx happens twice: the first is used)
    ["2026-10-24", "09:00", "2026-10-24 09:00 +02:00", "2026-10-24T07:00:00.000Z"],
    ["2026-10-24", "02:30", "2026-10-24 02:30 +02:00", "2026-10-24T00:30:00.000Z"],
    ["2026-10-25", "00:30", "2026-10-25 00:30 +02:00", "2026-10-24T22:30:00.000Z"],
    ["2026-10-25", "01:59", "2026-10-25 01:59 +02:00", "2026-10-24T23:59:00.000Z"],
    ["2026-10-25", "02:00", "2026-10-25 02:00 +02:00", "2026-10-25T00:00:00.000Z"], // first of the two 02:00,
    ["2026-10-25", "02:30", "2026-10-25 02:30 +02:00", "2026-10-25T00:30:00.000Z"], // first of the two 02:30,
    ["2026-10-25", "03:00", "2026-10-25 03:00 +01:00", "2026-10-25T02:00:00.000Z"],
    ["2026-10-25", "09:00", "2026-10-25 09:00 +01:00", "2026-10-25T08:00:00.000Z"],
    ["2026-10-26", "09:00", "2026-10-26 09:00 +01:00", "2026-10-26T08:00:00.000Z"],
    ["2026-10-26", "08:30", "2026-10-26 08:30 +01:00", "2026-10-26T07:30:00.000Z"],
    // 2027 spring forward: Sunday 28 March
    ["2027-03-27", "09:00", "2027-03-27 09:00 +01:00", "2027-03-27T08:00:00.000Z"],
    ["2027-03-27", "02:30", "2027-03-27 02:30 +01:00", "2027-03-27T01:30:00.000Z"],
    ["2027-03-28", "01:30", "2027-03-28 01:30 +01:00", "2027-03-28T00:30:00.000Z"],
    ["2027-03-28", "02:30", "2027-03-28 03:00 +02:00", "2027-03-28T01:00:00.000Z"],
    ["2027-03-28", "09:00", "2027-03-28 09:00 +02:00", "2027-03-28T07:00:00.000Z"],
    ["2027-03-29", "09:00", "2027-03-29 09:00 +02:00", "2027-03-29T07:00:00.000Z"],
    // 2027 fall back: Sunday 31 October
    ["2027-10-30", "09:00", "2027-10-30 09:00 +02:00", "2027-10-30T07:00:00.000Z"],
    ["2027-10-30", "02:30", "2027-10-30 02:30 +02:00", "2027-10-30T00:30:00.000Z"],
    ["2027-10-31", "01:30", "2027-10-31 01:30 +02:00", "2027-10-30T23:30:00.000Z"],
    ["2027-10-31", "02:30", "2027-10-31 02:30 +02:00", "2027-10-31T00:30:00.000Z"],
    ["2027-10-31", "09:00", "2027-10-31 09:00 +01:00", "2027-10-31T08:00:00.000Z"],
    ["2027-11-01", "09:00", "2027-11-01 09:00 +01:00", "2027-11-01T08:00:00.000Z"],
  ])("%s at %s → %s = %s", (date, hhmm, local, instant) => {
    const at = atLocalTime(date, hhmm, PARIS);
    expect(paris(at)).toBe(local);
    expect(at.toISOString()).toBe(instant);
  });
});

describe("atLocalTime in other zones", () => {
  it.each([
    ["2026-03-08", "02:30", "America/New_York", "2026-03-08T07:00:00.000Z"], // US spring forward, EDT
    ["2026-11-01", "02:30", "America/New_York", "2026-11-01T07:30:00.000Z"], // US fall back: 01:xx repeats, 02:30 EST once
    ["2026-11-01", "01:30", "America/New_York", "2026-11-01T05:30:00.000Z"], // the first 01:30 (EDT)
    ["2026-12-07", "09:00", "America/New_York", "2026-12-07T14:00:00.000Z"],
    ["2026-12-07", "09:00", "UTC", "2026-12-07T09:00:00.000Z"],
    ["2026-12-07", "02:15", "UTC", "2026-12-07T02:15:00.000Z"], // no clock change: 02:15 as configured
    ["2026-12-07", "09:00", "Indian/Reunion", "2026-12-07T05:00:00.000Z"],
  ])("%s %s in %s = %s", (date, hhmm, zone, instant) => {
    expect(atLocalTime(date, hhmm, zone).toISOString()).toBe(instant);
  });
});

describe("atLocalTime validation", () => {
  it.each(["24:00", "9:00", "12:60", "12h00", "", "09:00:00", " 09:00"])("rejects hour %j", (hhmm) => {
    expect(() => atLocalTime("2026-12-07", hhmm, PARIS)).toThrow(/Invalid time of day/);
  });
  it.each(["2026-02-29", "2026-12-32", "7/12/2026"])("rejects date %j", (date) => {
    expect(() => atLocalTime(date, "09:00", PARIS)).toThrow(/Invalid date/);
  });
  it.each(["Europe/Nowhere", "", "Paris", "+01:00"])("rejects time zone %j", (zone) => {
    expect(() => atLocalTime("2026-12-07", "09:00", zone)).toThrow(/Invalid time zone/);
  });
});

describe("localDateOf", () => {
  it.each([
    ["2026-10-25T23:30:00Z", PARIS, "2026-10-26"], // 00:30 on Monday in Paris
    ["2026-10-25T23:30:00Z", "UTC", "2026-10-25"],
    ["2026-03-28T23:30:00Z", PARIS, "2026-03-29"],
    ["2026-07-14T21:59:00Z", PARIS, "2026-07-14"],
    ["2026-07-14T22:00:00Z", PARIS, "2026-07-15"],
  ])("%s in %s is %s", (instant, zone, expected) => {
    expect(localDateOf(utc(instant), zone)).toBe(expected);
  });
  it("rejects an invalid Date", () => {
    expect(() => localDateOf(new Date(Number.NaN), PARIS)).toThrow(/Invalid instant/);
  });
});

describe("isoWeekOf / isoWeekOfDate / dateInIsoWeek", () => {
  it.each([
    ["2026-11-29T23:30:00Z", PARIS, "2026-W49"], // already Monday in Paris
    ["2026-11-29T23:30:00Z", "UTC", "2026-W48"], // still Sunday in UTC
    ["2027-01-01T12:00:00Z", PARIS, "2026-W53"], // week-year differs from the year
    ["2025-12-29T08:00:00Z", PARIS, "2026-W01"],
    ["2026-04-06T10:00:00Z", PARIS, "2026-W15"],
    ["2026-05-25T10:00:00Z", PARIS, "2026-W22"],
  ])("%s in %s is %s", (instant, zone, week) => {
    expect(isoWeekOf(utc(instant), zone)).toBe(week);
  });

  it.each([
    ["2027-03-29", "2027-W13"],
    ["2027-05-17", "2027-W20"],
    ["2028-05-01", "2028-W18"],
  ])("isoWeekOfDate(%s) = %s", (date, week) => {
    expect(isoWeekOfDate(date)).toBe(week);
  });

  it.each([
    ["2026-W49", 1, "2026-11-30"],
    ["2026-W49", 7, "2026-12-06"],
    ["2026-W01", 1, "2025-12-29"],
    ["2026-W53", 5, "2027-01-01"],
  ])("%s weekday %i is %s", (week, weekday, date) => {
    expect(dateInIsoWeek(week, weekday)).toBe(date);
  });

  it.each(["2027-W53", "2026-W00", "2026-W54", "2026-49", "2026-W5", "W49"])("rejects %j", (week) => {
    expect(() => dateInIsoWeek(week, 1)).toThrow(/Invalid ISO week/);
  });

  it("rejects an invalid weekday", () => {
    expect(() => dateInIsoWeek("2026-W49", 0)).toThrow(/Invalid weekday/);
  });
});

describe("deadlineReminderInstants", () => {
  it.each<[string, string, [number, string][]]>([
    [
      "Sunday 6 Dec 2026: J-7 on a Sunday moves to Monday; J-1 (Saturday) to Friday, never past the due date",
      "2026-12-06",
      [
        [30, "2026-11-06T08:00:00.000Z"],
        [7, "2026-11-30T08:00:00.000Z"],
        [1, "2026-12-04T08:00:00.000Z"], // Saturday 5 Dec → Friday 4 Dec 09:00 +01:00
      ],
    ],
    [
      "Monday 15 Jun 2026: J-1 on Sunday goes on the Friday before, not on the due day",
      "2026-06-15",
      [
        [30, "2026-05-18T07:00:00.000Z"],
        [7, "2026-06-08T07:00:00.000Z"],
        [1, "2026-06-12T07:00:00.000Z"],
      ],
    ],
    [
      "Friday 15 May 2026: J-1 on Ascension, J-7 on 8 May",
      "2026-05-15",
      [
        [30, "2026-04-15T07:00:00.000Z"],
        [7, "2026-05-11T07:00:00.000Z"],
        [1, "2026-05-13T07:00:00.000Z"], // Ascension Thursday → Wednesday 13 May
      ],
    ],
    [
      "Monday 30 Mar 2026, across spring forward",
      "2026-03-30",
      [
        [30, "2026-03-02T08:00:00.000Z"],
        [7, "2026-03-23T08:00:00.000Z"],
        [1, "2026-03-27T08:00:00.000Z"],
      ],
    ],
    [
      "Monday 26 Oct 2026, across fall back",
      "2026-10-26",
      [
        [30, "2026-09-28T07:00:00.000Z"],
        [7, "2026-10-19T07:00:00.000Z"],
        [1, "2026-10-23T07:00:00.000Z"],
      ],
    ],
  ])("%s", (_label, dueOn, expected) => {
    expect(rows(deadlineReminderInstants(dueOn, S))).toEqual(expected);
  });

  it("keeps only the closer reminder when two offsets land on the same instant", () => {
    const s = makeScheduleSettings({ deadlineReminderDays: [2, 1] });
    // Tue 8 Dec 2026: J-2 Sunday → Monday, J-1 Monday.
    expect(rows(deadlineReminderInstants("2026-12-08", s))).toEqual([[1, "2026-12-07T08:00:00.000Z"]]);
    // Whatever order the offsets are configured in.
    const reversed = makeScheduleSettings({ deadlineReminderDays: [1, 2] });
    expect(rows(deadlineReminderInstants("2026-12-08", reversed))).toEqual([[1, "2026-12-07T08:00:00.000Z"]]);
  });

  it("uses the configured hour and zone: 02:30 is 02:30", () => {
    const early = makeScheduleSettings({ reminderHour: "02:30", deadlineReminderDays: [1] });
    expect(rows(deadlineReminderInstants("2026-03-30", early))).toEqual([[1, "2026-03-27T01:30:00.000Z"]]);
    const ny = makeScheduleSettings({ timezone: "America/New_York", deadlineReminderDays: [1] });
    expect(rows(deadlineReminderInstants("2026-12-08", ny))).toEqual([[1, "2026-12-07T14:00:00.000Z"]]);
  });

  it("never lands on a non-working day or outside the reminder hour (every due date of 2026–2027)", () => {
    for (let dueOn = "2026-01-01"; dueOn < "2028-01-01"; dueOn = addDays(dueOn, 1)) {
      for (const { dueAt } of deadlineReminderInstants(dueOn, S)) {
        const local = DateTime.fromJSDate(dueAt, { zone: PARIS });
        expect(isWorkingDay(local.toISODate() ?? "")).toBe(true);
        expect(local.toFormat("HH:mm")).toBe("09:00");
      }
    }
  });
});

describe("overdueReminderInstant", () => {
  it.each([
    ["2026-12-06", 1, "2026-12-14T08:00:00.000Z"], // Sunday + 7 → Monday
    ["2026-12-06", 2, "2026-12-21T08:00:00.000Z"],
    ["2026-12-06", 3, "2026-12-28T08:00:00.000Z"],
    ["2026-12-18", 1, "2026-12-28T08:00:00.000Z"], // Noël (Friday) → Monday
    ["2026-12-18", 2, "2027-01-04T08:00:00.000Z"], // Jour de l'an (Friday) → Monday
    ["2026-12-18", 3, "2027-01-08T08:00:00.000Z"], // back on Friday: no drift
    ["2026-03-16", 1, "2026-03-23T08:00:00.000Z"], // +01:00
    ["2026-03-16", 2, "2026-03-30T07:00:00.000Z"], // +02:00 after spring forward
    ["2026-10-19", 1, "2026-10-26T08:00:00.000Z"], // +01:00 after fall back
  ])("due %s, occurrence %i → %s", (dueOn, occurrence, instant) => {
    expect(overdueReminderInstant(dueOn, occurrence, S).toISOString()).toBe(instant);
  });

  it("follows a configured interval", () => {
    const s = makeScheduleSettings({ overdueEveryDays: 14 });
    expect(overdueReminderInstant("2026-12-04", 2, s).toISOString()).toBe("2027-01-04T08:00:00.000Z");
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects occurrence %s", (occurrence) => {
    expect(() => overdueReminderInstant("2026-12-06", occurrence, S)).toThrow(/Invalid occurrence/);
  });

  it("rejects an invalid due date", () => {
    expect(() => overdueReminderInstant("2026-11-31", 1, S)).toThrow(/Invalid date/);
  });
});

describe("meetingReminderInstants", () => {
  it.each<[string, string, [number, string][]]>([
    [
      "Monday 7 Dec 2026 10:00: J-1 goes the previous Friday",
      "2026-12-07T09:00:00Z",
      [
        [7, "2026-11-30T08:00:00.000Z"],
        [1, "2026-12-04T08:00:00.000Z"],
      ],
    ],
    [
      "Friday 15 May 2026, the day after Ascension: J-1 on Wednesday, J-7 (8 May) on Monday",
      "2026-05-15T12:00:00Z",
      [
        [7, "2026-05-11T07:00:00.000Z"],
        [1, "2026-05-13T07:00:00.000Z"],
      ],
    ],
    [
      "Tuesday 26 May 2026, the day after Whit Monday",
      "2026-05-26T08:00:00Z",
      [
        [7, "2026-05-19T07:00:00.000Z"],
        [1, "2026-05-22T07:00:00.000Z"],
      ],
    ],
    [
      "Tuesday 7 Apr 2026, the day after Easter Monday",
      "2026-04-07T08:00:00Z",
      [
        [7, "2026-03-31T07:00:00.000Z"],
        [1, "2026-04-03T07:00:00.000Z"],
      ],
    ],
    [
      "Tuesday 30 Mar 2027, after Easter Monday and spring forward: Friday is still +01:00",
      "2027-03-30T07:30:00Z",
      [
        [7, "2027-03-23T08:00:00.000Z"],
        [1, "2027-03-26T08:00:00.000Z"],
      ],
    ],
    [
      "Monday 30 Mar 2026, the day after spring forward",
      "2026-03-30T08:00:00Z",
      [
        [7, "2026-03-23T08:00:00.000Z"],
        [1, "2026-03-27T08:00:00.000Z"],
      ],
    ],
    [
      "Monday 26 Oct 2026, the day after fall back: Friday is still +02:00",
      "2026-10-26T09:00:00Z",
      [
        [7, "2026-10-19T07:00:00.000Z"],
        [1, "2026-10-23T07:00:00.000Z"],
      ],
    ],
    [
      "Tuesday 2 Nov 2027, after Toussaint and fall back",
      "2027-11-02T09:00:00Z",
      [
        [7, "2027-10-26T07:00:00.000Z"],
        [1, "2027-10-29T07:00:00.000Z"],
      ],
    ],
    [
      "Monday 4 Jan 2027: J-1 skips the weekend and Jour de l'an",
      "2027-01-04T09:00:00Z",
      [
        [7, "2026-12-28T08:00:00.000Z"],
        [1, "2026-12-31T08:00:00.000Z"],
      ],
    ],
    [
      "00:30 Monday 26 Oct 2026 in Paris is still Sunday in UTC: the Paris date counts",
      "2026-10-25T23:30:00Z",
      [
        [7, "2026-10-19T07:00:00.000Z"],
        [1, "2026-10-23T07:00:00.000Z"],
      ],
    ],
  ])("%s", (_label, startsAt, expected) => {
    expect(rows(meetingReminderInstants(utc(startsAt), S))).toEqual(expected);
  });

  it("moves a reminder back when moving it forward would reach the meeting, and dedupes", () => {
    const s = makeScheduleSettings({ meetingReminderDays: [3, 2, 1] });
    // Wed 27 May 2026: J-3 Sunday → Tuesday 26; J-2 Monday (Whit) → Tuesday 26 too;
    // J-1 Tuesday 26. Same instant three times: only J-1 stays.
    expect(rows(meetingReminderInstants(utc("2026-05-27T08:00:00Z"), s))).toEqual([[1, "2026-05-26T07:00:00.000Z"]]);
    // Tue 26 May 2026: J-3 Saturday → ... Tuesday would be the meeting: back to Friday 22.
    expect(rows(meetingReminderInstants(utc("2026-05-26T08:00:00Z"), s))).toEqual([[1, "2026-05-22T07:00:00.000Z"]]);
  });

  it("is always on a working day strictly before the meeting (every day of 2026–2027)", () => {
    for (let day = "2026-01-01"; day < "2028-01-01"; day = addDays(day, 1)) {
      const startsAt = atLocalTime(day, "10:00", PARIS);
      for (const { dueAt } of meetingReminderInstants(startsAt, S)) {
        const date = localDateOf(dueAt, PARIS);
        expect(isWorkingDay(date)).toBe(true);
        expect(date < day).toBe(true);
      }
    }
  });
});

describe("checkInInstant", () => {
  it.each([
    ["2026-12-07T09:00:00Z", "2026-11-30T08:00:00.000Z"], // Monday → previous Monday
    ["2026-05-26T08:00:00Z", "2026-05-18T07:00:00.000Z"], // skips Whit Monday
    ["2026-05-15T12:00:00Z", "2026-05-06T07:00:00.000Z"], // skips Ascension and 8 May
    ["2026-04-10T08:00:00Z", "2026-04-02T07:00:00.000Z"], // skips Easter Monday
    ["2026-04-03T08:00:00Z", "2026-03-27T08:00:00.000Z"], // before spring forward: +01:00
    ["2026-11-02T09:00:00Z", "2026-10-26T08:00:00.000Z"], // after fall back: +01:00
    ["2027-11-02T09:00:00Z", "2027-10-25T07:00:00.000Z"], // skips Toussaint 2027, before fall back
  ])("meeting %s → check-in %s", (startsAt, instant) => {
    expect(checkInInstant(utc(startsAt), S).toISOString()).toBe(instant);
  });

  it("follows a configured number of working days", () => {
    const s = makeScheduleSettings({ checkInWorkingDays: 1 });
    expect(checkInInstant(utc("2026-12-07T09:00:00Z"), s).toISOString()).toBe("2026-12-04T08:00:00.000Z");
  });

  it("rejects an invalid Date", () => {
    expect(() => checkInInstant(new Date("not a date"), S)).toThrow(/Invalid instant/);
  });
});

describe("weeklyDigestInstant", () => {
  it.each([
    ["2026-W49", "2026-11-30 08:30 +01:00", "2026-11-30T07:30:00.000Z"],
    ["2026-W15", "2026-04-07 09:00 +02:00", "2026-04-07T07:00:00.000Z"], // Easter Monday → Tuesday 09:00
    ["2026-W22", "2026-05-26 09:00 +02:00", "2026-05-26T07:00:00.000Z"], // Whit Monday → Tuesday 09:00
    ["2027-W13", "2027-03-30 09:00 +02:00", "2027-03-30T07:00:00.000Z"], // Easter Monday 2027
    ["2027-W20", "2027-05-18 09:00 +02:00", "2027-05-18T07:00:00.000Z"], // Whit Monday 2027
    ["2026-W21", "2026-05-18 08:30 +02:00", "2026-05-18T06:30:00.000Z"], // Ascension week: Monday works
    ["2028-W18", "2028-05-02 09:00 +02:00", "2028-05-02T07:00:00.000Z"], // 1 May 2028 is a Monday
    ["2029-W01", "2029-01-02 09:00 +01:00", "2029-01-02T08:00:00.000Z"], // 1 Jan 2029 is a Monday
    ["2026-W13", "2026-03-23 08:30 +01:00", "2026-03-23T07:30:00.000Z"],
    ["2026-W14", "2026-03-30 08:30 +02:00", "2026-03-30T06:30:00.000Z"], // after spring forward
    ["2026-W43", "2026-10-19 08:30 +02:00", "2026-10-19T06:30:00.000Z"],
    ["2026-W44", "2026-10-26 08:30 +01:00", "2026-10-26T07:30:00.000Z"], // after fall back
    ["2026-W01", "2025-12-29 08:30 +01:00", "2025-12-29T07:30:00.000Z"],
    ["2026-W53", "2026-12-28 08:30 +01:00", "2026-12-28T07:30:00.000Z"],
  ])("%s → %s", (week, local, instant) => {
    const at = weeklyDigestInstant(week, S);
    expect(paris(at)).toBe(local);
    expect(at.toISOString()).toBe(instant);
  });

  it("follows a configured weekday: Friday Noël 2026 moves to Monday 09:00", () => {
    const s = makeScheduleSettings({ digestWeekday: 5 });
    expect(weeklyDigestInstant("2026-W52", s).toISOString()).toBe("2026-12-28T08:00:00.000Z");
    expect(weeklyDigestInstant("2026-W49", s).toISOString()).toBe("2026-12-04T07:30:00.000Z");
  });

  it("keeps a configured 02:30 (only the skipped hour of the spring-forward night moves)", () => {
    const s = makeScheduleSettings({ digestTime: "02:30" });
    expect(paris(weeklyDigestInstant("2026-W14", s))).toBe("2026-03-30 02:30 +02:00");
  });

  it("rejects a week that does not exist", () => {
    expect(() => weeklyDigestInstant("2027-W53", S)).toThrow(/2027 has 52 weeks/);
  });
});

describe("settings validation", () => {
  it.each<[string, Partial<ScheduleSettings>, RegExp]>([
    ["unknown zone", { timezone: "Mars/Olympus" }, /Invalid time zone/],
    ["reminder hour", { reminderHour: "9h" }, /Invalid time of day/],
    ["digest time", { digestTime: "25:00" }, /Invalid time of day/],
    ["weekday 0", { digestWeekday: 0 }, /Invalid digestWeekday/],
    ["weekday 8", { digestWeekday: 8 }, /Invalid digestWeekday/],
    ["meeting J-0", { meetingReminderDays: [7, 0] }, /Invalid meetingReminderDays/],
    ["duplicate offsets", { meetingReminderDays: [7, 7] }, /duplicate/],
    ["negative deadline offset", { deadlineReminderDays: [-1] }, /Invalid deadlineReminderDays/],
    ["fractional deadline offset", { deadlineReminderDays: [1.5] }, /Invalid deadlineReminderDays/],
    ["check-in 0", { checkInWorkingDays: 0 }, /Invalid checkInWorkingDays/],
    ["overdue interval 0", { overdueEveryDays: 0 }, /Invalid overdueEveryDays/],
  ])("rejects %s", (_label, overrides, message) => {
    expect(() => makeScheduleSettings(overrides)).toThrow(message);
    // The scheduling functions check settings too, even when built by hand.
    const s: ScheduleSettings = { ...DEFAULT_SCHEDULE, ...overrides };
    expect(() => deadlineReminderInstants("2026-12-06", s)).toThrow(message);
  });
});

describe("purity", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the same answers whatever the clock says", () => {
    const compute = (): string[] => [
      ...deadlineReminderInstants("2026-12-06", S).map((r) => r.dueAt.toISOString()),
      ...meetingReminderInstants(utc("2026-12-07T09:00:00Z"), S).map((r) => r.dueAt.toISOString()),
      checkInInstant(utc("2026-12-07T09:00:00Z"), S).toISOString(),
      overdueReminderInstant("2026-12-06", 1, S).toISOString(),
      weeklyDigestInstant("2026-W49", S).toISOString(),
    ];
    vi.useFakeTimers({ now: new Date("2020-01-01T00:00:00Z") });
    const a = compute();
    vi.setSystemTime(new Date("2031-07-14T12:00:00Z"));
    const b = compute();
    expect(b).toEqual(a);
    expect(a).toContain("2026-12-04T08:00:00.000Z");
  });
});
