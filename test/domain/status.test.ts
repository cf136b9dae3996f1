import { describe, expect, it } from "vitest";
import {
  compareUrgency,
  daysUntil,
  isClosed,
  isOverdue,
  isoDateToDayNumber,
  sortByUrgency,
  urgencyRank,
} from "../../src/domain/status.js";
import { STATUSES, type Status } from "../../src/domain/types.js";

describe("daysUntil", () => {
  it.each([
    ["2026-12-07", "2026-12-07", 0],
    ["2026-12-07", "2026-12-08", 1],
    ["2026-12-08", "2026-12-07", -1],
    ["2026-12-07", "2026-12-31", 24],
    ["2026-03-28", "2026-03-30", 2], // over the spring DST change in Paris
    ["2026-10-24", "2026-10-26", 2], // over the autumn DST change
    ["2024-02-28", "2024-03-01", 2], // leap year
    ["2025-02-28", "2025-03-01", 1],
    ["2000-02-28", "2000-03-01", 2], // divisible by 400: leap
    ["2100-02-28", "2100-03-01", 1], // divisible by 100: not leap
    ["2021-09-22", "2026-12-31", 1926],
    ["1970-01-01", "1970-01-01", 0],
  ])("%s → %s = %i", (from, to, days) => {
    expect(daysUntil(from, to)).toBe(days);
  });

  it.each([
    [""],
    ["2026-13-01"],
    ["2026-02-29"],
    ["2026-04-31"],
    ["2026-1-5"],
    ["07/12/2026"],
    ["2026-12-07T10:00:00Z"],
    [" 2026-12-07"],
    ["0050-01-01"],
    ["2".repeat(2000)],
  ])("rejects %j", (bad) => {
    expect(() => daysUntil(bad, "2026-12-07")).toThrow(RangeError);
    expect(() => daysUntil("2026-12-07", bad)).toThrow(RangeError);
  });

  it("accepts 29 February in a leap year", () => {
    expect(isoDateToDayNumber("2024-02-29") - isoDateToDayNumber("2024-02-28")).toBe(1);
  });
});

describe("isClosed", () => {
  it.each(STATUSES.map((s) => [s, s === "DONE" || s === "DROPPED"] as const))("%s → %s", (s, closed) => {
    expect(isClosed(s)).toBe(closed);
  });
});

describe("isOverdue", () => {
  const today = "2026-12-07";
  it.each<[string | null, Status, boolean]>([
    ["2026-12-06", "ON_TRACK", true],
    ["2026-12-06", "NOT_STARTED", true],
    ["2026-12-06", "AT_RISK", true],
    ["2026-12-06", "LATE", true],
    ["2026-12-06", "POSTPONED", true],
    ["2026-12-06", "DONE", false],
    ["2026-12-06", "DROPPED", false],
    ["2026-12-07", "ON_TRACK", false], // due today: still time
    ["2026-12-08", "LATE", false], // LATE by hand but the date has not passed
    [null, "LATE", false],
    [null, "ON_TRACK", false],
    ["2021-01-01", "ON_TRACK", true],
  ])("due %s, %s → %s", (dueOn, status, overdue) => {
    expect(isOverdue({ dueOn, status }, today)).toBe(overdue);
  });

  it("counts leap days correctly", () => {
    expect(isOverdue({ dueOn: "2024-02-29", status: "ON_TRACK" }, "2024-02-29")).toBe(false);
    expect(isOverdue({ dueOn: "2024-02-29", status: "ON_TRACK" }, "2024-03-01")).toBe(true);
  });

  it("throws on a malformed due date rather than guessing", () => {
    expect(() => isOverdue({ dueOn: "31/12/2026", status: "ON_TRACK" }, today)).toThrow(RangeError);
  });
});

describe("urgency", () => {
  const today = "2026-12-07";
  type Item = { ref: string; dueOn: string | null; status: Status };
  const items: Item[] = [
    { ref: "no-date", dueOn: null, status: "ON_TRACK" },
    { ref: "done-late", dueOn: "2026-01-01", status: "DONE" },
    { ref: "far", dueOn: "2027-06-01", status: "ON_TRACK" },
    { ref: "late-1-day", dueOn: "2026-12-06", status: "ON_TRACK" },
    { ref: "at-risk-far", dueOn: "2027-06-01", status: "AT_RISK" },
    { ref: "near", dueOn: "2026-12-10", status: "NOT_STARTED" },
    { ref: "late-30-days", dueOn: "2026-11-07", status: "LATE" },
    { ref: "late-flag-no-date", dueOn: null, status: "LATE" },
    { ref: "due-today", dueOn: "2026-12-07", status: "ON_TRACK" },
    { ref: "late-flag-near", dueOn: "2026-12-20", status: "LATE" },
    { ref: "at-risk-near", dueOn: "2026-12-20", status: "AT_RISK" },
    { ref: "dropped", dueOn: null, status: "DROPPED" },
    { ref: "postponed", dueOn: "2027-01-15", status: "POSTPONED" },
  ];

  it("sorts overdue (most late first), then LATE/AT_RISK, then nearest date, undated, closed", () => {
    expect(sortByUrgency(items, today).map((i) => i.ref)).toEqual([
      "late-30-days",
      "late-1-day",
      "late-flag-near",
      "at-risk-near",
      "at-risk-far",
      "late-flag-no-date",
      "due-today",
      "near",
      "postponed",
      "far",
      "no-date",
      "done-late",
      "dropped",
    ]);
  });

  it("gives the same order through compareUrgency and does not mutate the input", () => {
    const copy = [...items];
    const viaCompare = [...items].sort((a, b) => compareUrgency(a, b, today)).map((i) => i.ref);
    expect(viaCompare).toEqual(sortByUrgency(items, today).map((i) => i.ref));
    expect(items).toEqual(copy);
  });

  it("keeps input order for equal urgency", () => {
    const a = { ref: "a", dueOn: null, status: "ON_TRACK" as const };
    const b = { ref: "b", dueOn: null, status: "NOT_STARTED" as const };
    expect(sortByUrgency([a, b], today)).toEqual([a, b]);
    expect(sortByUrgency([b, a], today)).toEqual([b, a]);
    expect(urgencyRank(a, today)).toBe(urgencyRank(b, today));
  });

  it("orders extreme dates without overflowing their tier", () => {
    const veryLate = { dueOn: "0100-01-01", status: "ON_TRACK" as const };
    const flaggedFar = { dueOn: "9999-12-31", status: "AT_RISK" as const };
    const datedFar = { dueOn: "9999-12-31", status: "ON_TRACK" as const };
    const undated = { dueOn: null, status: "ON_TRACK" as const };
    const ranks = [veryLate, flaggedFar, datedFar, undated].map((c) => urgencyRank(c, today));
    expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
    expect(ranks.every(Number.isSafeInteger)).toBe(true);
  });

  it("handles an empty list", () => {
    expect(sortByUrgency([], today)).toEqual([]);
  });
});
