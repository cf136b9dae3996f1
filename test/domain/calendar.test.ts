import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  easterSunday,
  frenchPublicHolidays,
  isIsoDate,
  isoWeekday,
  isPublicHoliday,
  isWorkingDay,
  nextWorkingDay,
  parseIsoDate,
  previousWorkingDay,
  publicHolidayName,
} from "../../src/domain/calendar.js";

describe("easterSunday", () => {
  // Published Gregorian Easter dates, including the earliest (22 March) and latest (25 April) ones.
  it.each([
    [1818, "1818-03-22"],
    [1943, "1943-04-25"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2029, "2029-04-01"],
    [2030, "2030-04-21"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("Easter %i is %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
    expect(isoWeekday(expected)).toBe(7);
  });

  it.each([1582, 10000, 2026.5, Number.NaN])("rejects year %s", (year) => {
    expect(() => easterSunday(year)).toThrow(/Invalid year/);
  });
});

describe("frenchPublicHolidays", () => {
  it("lists the 11 holidays of 2026 with their French names", () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      { date: "2026-01-01", name: "Jour de l'an" },
      { date: "2026-04-06", name: "Lundi de Pâques" },
      { date: "2026-05-01", name: "Fête du Travail" },
      { date: "2026-05-08", name: "Victoire 1945" },
      { date: "2026-05-14", name: "Ascension" },
      { date: "2026-05-25", name: "Lundi de Pentecôte" },
      { date: "2026-07-14", name: "Fête nationale" },
      { date: "2026-08-15", name: "Assomption" },
      { date: "2026-11-01", name: "Toussaint" },
      { date: "2026-11-11", name: "Armistice 1918" },
      { date: "2026-12-25", name: "Noël" },
    ]);
  });

  it("lists the 11 holidays of 2027", () => {
    expect(frenchPublicHolidays(2027).map((h) => h.date)).toEqual([
      "2027-01-01",
      "2027-03-29",
      "2027-05-01",
      "2027-05-06",
      "2027-05-08",
      "2027-05-17",
      "2027-07-14",
      "2027-08-15",
      "2027-11-01",
      "2027-11-11",
      "2027-12-25",
    ]);
  });

  it("keeps calendar order when Ascension falls on 1 May (2008)", () => {
    const may = frenchPublicHolidays(2008).filter((h) => h.date.startsWith("2008-05"));
    expect(may).toEqual([
      { date: "2008-05-01", name: "Fête du Travail" },
      { date: "2008-05-01", name: "Ascension" },
      { date: "2008-05-08", name: "Victoire 1945" },
      { date: "2008-05-12", name: "Lundi de Pentecôte" },
    ]);
  });

  it("Easter-based holidays fall on Monday, Thursday, Monday", () => {
    for (const year of [2026, 2027, 2028]) {
      const byName = new Map(frenchPublicHolidays(year).map((h) => [h.name, h.date]));
      expect(isoWeekday(byName.get("Lundi de Pâques") ?? "")).toBe(1);
      expect(isoWeekday(byName.get("Ascension") ?? "")).toBe(4);
      expect(isoWeekday(byName.get("Lundi de Pentecôte") ?? "")).toBe(1);
    }
  });

  it("returns copies, so a caller cannot corrupt later answers", () => {
    const first = frenchPublicHolidays(2026);
    first.splice(0, first.length);
    expect(frenchPublicHolidays(2026)).toHaveLength(11);
    expect(isPublicHoliday("2026-01-01")).toBe(true);
  });

  it.each([
    ["2026-05-14", "Ascension"],
    ["2026-05-25", "Lundi de Pentecôte"],
    ["2028-04-17", "Lundi de Pâques"],
    ["2026-04-05", null], // Easter Sunday itself is not in the list
    ["2026-04-03", null], // Good Friday is only a holiday in Alsace-Moselle
    ["2026-12-26", null], // St Stephen's day: Alsace-Moselle only
  ])("publicHolidayName(%s) = %s", (date, name) => {
    expect(publicHolidayName(date)).toBe(name);
  });
});

describe("isoWeekday", () => {
  it.each([
    ["1970-01-01", 4],
    ["1969-12-28", 7],
    ["2026-03-29", 7],
    ["2026-12-05", 6],
    ["2026-12-07", 1],
    ["2027-01-01", 5],
  ])("%s is ISO weekday %i", (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-01-01", false], // Thursday, Jour de l'an
    ["2026-01-02", true],
    ["2026-04-03", true], // Good Friday works in metropolitan France
    ["2026-04-06", false], // Lundi de Pâques
    ["2026-04-07", true],
    ["2026-05-01", false], // Friday, Fête du Travail
    ["2026-05-08", false], // Friday, Victoire 1945
    ["2026-05-14", false], // Ascension
    ["2026-05-15", true], // the Friday after Ascension is a working day
    ["2026-05-25", false], // Lundi de Pentecôte
    ["2026-07-14", false],
    ["2026-08-15", false], // a Saturday anyway
    ["2026-11-11", false], // Wednesday
    ["2026-12-05", false], // Saturday
    ["2026-12-06", false], // Sunday
    ["2026-12-07", true],
    ["2026-12-25", false],
    ["2027-01-01", false],
    ["2027-03-29", false], // Lundi de Pâques 2027
    ["2027-05-06", false], // Ascension 2027
    ["2027-05-17", false], // Lundi de Pentecôte 2027
    ["2027-11-01", false], // Monday, Toussaint
    ["2027-11-02", true],
  ])("%s → %s", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe("nextWorkingDay / previousWorkingDay", () => {
  it.each([
    ["2026-12-05", "2026-12-07"], // Saturday → Monday
    ["2026-12-24", "2026-12-24"], // already a working day
    ["2026-12-25", "2026-12-28"], // Noël on Friday → Monday
    ["2026-04-04", "2026-04-07"], // Easter weekend + Monday
    ["2026-05-23", "2026-05-26"], // Pentecost weekend + Monday
    ["2026-05-14", "2026-05-15"], // Ascension → Friday
    ["2027-01-01", "2027-01-04"], // across the year end
  ])("next(%s) = %s", (date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected);
  });

  it.each([
    ["2026-12-07", "2026-12-07"],
    ["2026-12-06", "2026-12-04"],
    ["2026-05-14", "2026-05-13"],
    ["2026-04-06", "2026-04-03"],
    ["2026-05-25", "2026-05-22"],
    ["2027-01-01", "2026-12-31"],
    ["2027-01-03", "2026-12-31"],
  ])("previous(%s) = %s", (date, expected) => {
    expect(previousWorkingDay(date)).toBe(expected);
  });
});

describe("addDays", () => {
  it.each([
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"], // leap year
    ["2026-01-01", -1, "2025-12-31"],
    ["2026-03-29", 1, "2026-03-30"], // DST has no effect on calendar dates
    ["2026-10-25", -1, "2026-10-24"],
    ["2026-12-05", 0, "2026-12-05"],
    ["2026-12-06", -30, "2026-11-06"],
  ])("%s %+i days = %s", (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });
});

describe("addWorkingDays", () => {
  it.each([
    ["2026-12-07", -5, "2026-11-30"],
    ["2026-05-15", 1, "2026-05-18"], // Friday → Monday
    ["2026-05-13", 1, "2026-05-15"], // skips Ascension
    ["2026-05-26", -5, "2026-05-18"], // skips Whit Monday
    ["2026-04-10", -5, "2026-04-02"], // skips Easter Monday
    ["2026-12-05", 0, "2026-12-05"], // zero leaves even a Saturday alone
    ["2026-12-05", 1, "2026-12-07"],
    ["2026-12-05", -1, "2026-12-04"],
    ["2026-12-24", 1, "2026-12-28"],
    ["2026-12-31", 1, "2027-01-04"],
  ])("%s %+i working days = %s", (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it("lands only on working days over a whole year", () => {
    let d = "2026-01-01";
    for (let i = 0; i < 400; i += 1) {
      const next = addWorkingDays(d, 1);
      expect(isWorkingDay(next)).toBe(true);
      expect(addWorkingDays(next, -1)).toBe(previousWorkingDay(addDays(next, -1)));
      d = next;
    }
  });
});

describe("input validation", () => {
  it.each(["2026-02-30", "2026-02-29", "2026-13-01", "2026-2-3", "05/12/2026", "", "2026-12-05T00:00", "1500-01-01"])(
    "rejects date %j",
    (date) => {
      expect(() => parseIsoDate(date)).toThrow(/Invalid date/);
      expect(() => isWorkingDay(date)).toThrow(/Invalid date/);
      expect(() => addDays(date, 1)).toThrow(/Invalid date/);
      expect(isIsoDate(date)).toBe(false);
    },
  );

  it("accepts 29 February of a leap year", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
  });

  it("rejects non-integer day counts", () => {
    expect(() => addDays("2026-12-05", 1.5)).toThrow(/Invalid day count/);
    expect(() => addWorkingDays("2026-12-05", Number.NaN)).toThrow(/Invalid working-day count/);
    expect(() => addWorkingDays("2026-12-05", Number.POSITIVE_INFINITY)).toThrow(/Invalid working-day count/);
  });
});
