import { describe, expect, it } from "vitest";
import { normalizeQuietHours, validateSettingsForm } from "../../src/domain/contract-settings.js";

describe("contract settings", () => {
  it("reads quiet hours as typed by people", () => {
    expect(normalizeQuietHours("19:00-09:00")).toBe("19:00-09:00");
    expect(normalizeQuietHours("20h-8h")).toBe("20:00-08:00");
    expect(normalizeQuietHours(" 21 h 30 – 7 h ")).toBe("21:30-07:00");
    expect(normalizeQuietHours("22h à 6h")).toBe("22:00-06:00");
    expect(normalizeQuietHours("25:00-09:00")).toBeNull();
    expect(normalizeQuietHours("le soir")).toBeNull();
    expect(normalizeQuietHours("")).toBeNull();
  });

  it("returns every problem as a code beside its field, or the settings to store", () => {
    const ok = {
      digestWeekday: "5",
      digestTime: "16:00",
      reminderHour: "08:15",
      quietHours: "19h-9h",
      timezone: "America/Cayenne",
      channelId: "C0CSI",
      digestChannelId: null,
    };
    expect(validateSettingsForm(ok)).toEqual({
      ok: true,
      value: {
        digestWeekday: 5,
        digestTime: "16:00",
        reminderHour: "08:15",
        quietHours: "19:00-09:00",
        timezone: "America/Cayenne",
        channelId: "C0CSI",
        digestChannelId: null,
      },
    });
    expect(
      validateSettingsForm({
        ...ok,
        digestWeekday: "8",
        digestTime: "7h",
        quietHours: "9h-9h",
        timezone: "Cayenne",
      }),
    ).toEqual({
      ok: false,
      errors: {
        digest_weekday: { code: "digest-day-invalid" },
        digest_time: { code: "time-not-hh-mm" },
        quiet_hours: { code: "quiet-hours-empty" },
        timezone: { code: "not-a-timezone", typed: "Cayenne" },
      },
    });
    // An empty time zone is Paris, as in the new-contract form.
    expect(validateSettingsForm({ ...ok, timezone: " " })).toMatchObject({
      ok: true,
      value: { timezone: "Europe/Paris" },
    });
  });
});
