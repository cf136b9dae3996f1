// Due instants are kept once computed (a scheduler pass asks the same questions every minute): what is kept must
// answer exactly what a fresh computation would, for each settings value, and never be changed by a caller.
import { describe, expect, it } from "vitest";
import {
  deadlineReminderInstants,
  makeScheduleSettings,
  meetingReminderInstants,
  overdueReminderInstant,
} from "../../src/domain/due-instants.js";

const iso = (d: Date) => d.toISOString();

describe("kept due instants", () => {
  it("answer for each settings value: another reminder hour, zone or offsets gives its own instants", () => {
    const paris = makeScheduleSettings();
    expect(deadlineReminderInstants("2026-12-15", paris).map((r) => iso(r.dueAt))).toEqual([
      "2026-11-16T08:00:00.000Z",
      "2026-12-08T08:00:00.000Z",
      "2026-12-14T08:00:00.000Z",
    ]);
    const later = makeScheduleSettings({ reminderHour: "10:30" });
    expect(deadlineReminderInstants("2026-12-15", later).map((r) => iso(r.dueAt))).toEqual([
      "2026-11-16T09:30:00.000Z",
      "2026-12-08T09:30:00.000Z",
      "2026-12-14T09:30:00.000Z",
    ]);
    const cayenne = makeScheduleSettings({ timezone: "America/Cayenne", deadlineReminderDays: [7] });
    expect(deadlineReminderInstants("2026-12-15", cayenne).map((r) => iso(r.dueAt))).toEqual([
      "2026-12-08T12:00:00.000Z",
    ]);
    expect(iso(overdueReminderInstant("2026-12-15", 1, later))).toBe("2026-12-22T09:30:00.000Z");
    expect(iso(overdueReminderInstant("2026-12-15", 1, paris))).toBe("2026-12-22T08:00:00.000Z");
  });

  it("a settings object changed in place is read again", () => {
    const s = { ...makeScheduleSettings() };
    expect(iso(overdueReminderInstant("2026-12-15", 1, s))).toBe("2026-12-22T08:00:00.000Z");
    s.reminderHour = "11:00";
    expect(iso(overdueReminderInstant("2026-12-15", 1, s))).toBe("2026-12-22T10:00:00.000Z");
    s.reminderHour = "9h";
    expect(() => overdueReminderInstant("2026-12-15", 1, s)).toThrow(/Invalid time of day/);
  });

  it("hands out copies: a caller changing what it got does not change the next answer", () => {
    const s = makeScheduleSettings();
    const first = meetingReminderInstants(new Date("2026-12-15T13:00:00Z"), s);
    first[0]?.dueAt.setTime(0);
    first.reverse();
    const again = meetingReminderInstants(new Date("2026-12-15T13:00:00Z"), s);
    expect(again.map((r) => [r.daysBefore, iso(r.dueAt)])).toEqual([
      [7, "2026-12-08T08:00:00.000Z"],
      [1, "2026-12-14T08:00:00.000Z"],
    ]);
    const overdue = overdueReminderInstant("2026-12-15", 2, s);
    overdue.setTime(0);
    expect(iso(overdueReminderInstant("2026-12-15", 2, s))).toBe("2026-12-29T08:00:00.000Z");
  });
});
