// The meetings' .ics file, parsed back with node-ical: wall-clock times right on both sides of the
// daylight-saving change (Europe/Paris with its VTIMEZONE), one UID per meeting that an update (moved, higher
// SEQUENCE) and a cancellation (METHOD:CANCEL, STATUS:CANCELLED) keep.
import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { meetingsIcs, meetingUid } from "../../src/documents/meetings-ics.js";
import type { Meeting } from "../../src/domain/types.js";

type M = Pick<Meeting, "id" | "kind" | "title" | "startsAt" | "place" | "agenda">;
// Sunday 28 March 2027 Paris moves from UTC+1 to UTC+2; Sunday 31 October 2027 back.
const BEFORE: M = {
  id: "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed",
  kind: "COPIL",
  title: null,
  startsAt: new Date("2027-03-25T13:00:00Z"), // 14 h Paris (UTC+1)
  place: "Préfecture de la Savoie",
  agenda: "Bilan annuel",
};
const AFTER: M = {
  id: "6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b",
  kind: "GLTD",
  title: "Hauts-de-Chambéry",
  startsAt: new Date("2027-04-01T12:00:00Z"), // 14 h Paris (UTC+2)
  place: null,
  agenda: null,
};
const base = { timezone: "Europe/Paris", contractTitle: "CSI de Chambéry", stamp: new Date("2026-11-23T09:00:00Z") };
const eventsOf = (ics: string): VEvent[] =>
  Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === "VEVENT");

describe("meetings as iCalendar", () => {
  it("gives each meeting its local time on both sides of the DST change, with the zone's VTIMEZONE", () => {
    const ics = meetingsIcs({ ...base, meetings: [BEFORE, AFTER], method: "PUBLISH" });
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris");
    expect(ics).toContain("DTSTART;TZID=Europe/Paris:20270325T140000");
    expect(ics).toContain("DTSTART;TZID=Europe/Paris:20270401T140000");
    const events = eventsOf(ics);
    expect(events.map((e) => e.uid)).toEqual([meetingUid(BEFORE.id), meetingUid(AFTER.id)]);
    expect(events.map((e) => new Date(e.start).toISOString())).toEqual([
      "2027-03-25T13:00:00.000Z",
      "2027-04-01T12:00:00.000Z",
    ]);
    expect(events.map((e) => new Date(e.end ?? 0).toISOString())).toEqual([
      "2027-03-25T15:00:00.000Z",
      "2027-04-01T14:00:00.000Z",
    ]);
    expect(events[0]?.summary).toBe("Comité de pilotage");
    expect(events[0]?.location).toBe("Préfecture de la Savoie");
    expect(events[1]?.summary).toBe("GLTD (groupe local de traitement de la délinquance) — Hauts-de-Chambéry");
  });

  it("keeps the UID when a meeting moves (higher sequence) and when it is cancelled", () => {
    const invitation = eventsOf(meetingsIcs({ ...base, meetings: [BEFORE], method: "REQUEST" }))[0];
    const moved = { ...BEFORE, startsAt: new Date("2027-04-08T08:30:00Z") }; // 10 h 30 Paris, after the change
    const updateIcs = meetingsIcs({ ...base, meetings: [moved], method: "REQUEST", sequence: 1 });
    const update = eventsOf(updateIcs)[0];
    const cancelIcs = meetingsIcs({ ...base, meetings: [moved], method: "CANCEL", sequence: 2 });
    const cancel = eventsOf(cancelIcs)[0];

    expect(update?.uid).toBe(invitation?.uid);
    expect(cancel?.uid).toBe(invitation?.uid);
    expect(updateIcs).toContain("METHOD:REQUEST");
    expect(updateIcs).toContain("SEQUENCE:1");
    expect(updateIcs).toContain("DTSTART;TZID=Europe/Paris:20270408T103000");
    expect(new Date(update?.start ?? 0).toISOString()).toBe("2027-04-08T08:30:00.000Z");
    expect(cancelIcs).toContain("METHOD:CANCEL");
    expect(cancelIcs).toContain("SEQUENCE:2");
    expect(cancel?.status).toBe("CANCELLED");
  });
});
