import { describe, expect, it } from "vitest";
import { localInstant, type MeetingFormValues, validateMeetingForm } from "../../src/domain/meeting-input.js";
import { problemTexts } from "../../src/slack/views/problem-words.js";

const now = new Date("2026-11-23T09:00:00Z");
const ctx = { now, timezone: "Europe/Paris" };
const form = (over: Partial<MeetingFormValues> = {}): MeetingFormValues => ({
  kind: "COPIL",
  title: null,
  date: "2026-12-07",
  time: "14:30",
  place: "Hôtel de ville",
  channelId: "C0COPIL",
  attendees: ["U1", "U2", "U1"],
  agenda: "Point d'étape des engagements",
  ...over,
});

describe("localInstant", () => {
  it("reads Paris time in winter (UTC+1) and summer (UTC+2)", () => {
    expect(localInstant("2026-12-07", "14:30", "Europe/Paris")).toEqual({
      ok: true,
      instant: new Date("2026-12-07T13:30:00Z"),
    });
    expect(localInstant("2027-06-07", "14:30", "Europe/Paris")).toEqual({
      ok: true,
      instant: new Date("2027-06-07T12:30:00Z"),
    });
  });
  it("refuses the hour skipped on spring-forward day", () => {
    expect(localInstant("2027-03-28", "02:30", "Europe/Paris")).toEqual({ ok: false, reason: "nonexistent" });
    expect(localInstant("2027-03-28", "03:00", "Europe/Paris")).toEqual({
      ok: true,
      instant: new Date("2027-03-28T01:00:00Z"),
    });
  });
  it("refuses malformed input", () => {
    expect(localInstant("2027-02-30", "10:00", "Europe/Paris")).toEqual({ ok: false, reason: "invalid" });
    expect(localInstant("2027-02-03", "25:00", "Europe/Paris")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("validateMeetingForm", () => {
  it("accepts a meeting and stores it in UTC with attendees once each", () => {
    const r = validateMeetingForm(form(), ctx);
    expect(r).toEqual({
      ok: true,
      value: {
        kind: "COPIL",
        title: null,
        startsAt: new Date("2026-12-07T13:30:00Z"),
        place: "Hôtel de ville",
        channelId: "C0COPIL",
        attendees: ["U1", "U2"],
        agenda: "Point d'étape des engagements",
      },
    });
  });
  it.each([
    [{ kind: null }, "meeting_kind", "Choisissez le type"],
    [{ kind: "AG" }, "meeting_kind", "Choisissez le type"],
    [{ date: null }, "meeting_date", "Choisissez la date"],
    [{ time: null }, "meeting_time", "Choisissez l'heure"],
    [{ date: "2026-11-23", time: "09:59" }, "meeting_date", "passée"],
    [{ date: "2026-11-01" }, "meeting_date", "passée"],
    [{ date: "2030-01-01" }, "meeting_date", "trop lointaine"],
    [{ date: "2027-03-28", time: "02:15" }, "meeting_time", "n'existe pas le 28/03/2027"],
    [{ agenda: "x".repeat(3001) }, "agenda", "3000 caractères"],
    [{ agenda: "Situation du mineur né le 12/03/2010" }, "agenda", "GLTD"],
    [{ place: "chez M. Dupont, 12 rue de la République" }, "place", "adresse"],
  ] as const)("%o → error on %s", (over, field, message) => {
    const r = validateMeetingForm(form(over), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(problemTexts(r.errors, "fr")[field]).toContain(message);
  });
  it("says every error at once: a wrong time and a past day, each on its field, in French", () => {
    const r = validateMeetingForm(form({ date: "2026-11-01", time: "25:00", channelId: "copil" }), ctx);
    expect(r.ok ? r : { ok: false, errors: problemTexts(r.errors, "fr") }).toEqual({
      ok: false,
      errors: {
        meeting_time: "Heure invalide (HH:MM).",
        meeting_date: "Cette date est passée : une réunion se planifie dans le futur.",
        channel: "Choisissez un canal dans la liste.",
      },
    });
  });
  it("accepts a meeting later today", () => {
    expect(validateMeetingForm(form({ date: "2026-11-23", time: "10:01" }), ctx).ok).toBe(true);
  });
});
