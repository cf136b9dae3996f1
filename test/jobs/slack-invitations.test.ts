// Meeting invitations to the Slack attendees (issue 12), on fixed clocks with the real database and the fake
// Slack: a DM in French with the .ics (one UID, SEQUENCE going up, METHOD:REQUEST then CANCEL) when a meeting
// is scheduled, moved, cancelled; each key sent once however many passes run; an attendee away is skipped.
import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { meetingUid } from "../../src/documents/meetings-ics.js";
import type { RecordedCall } from "../../src/local/slack-stand-in.js";
import { insertMeeting } from "../support/fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../support/test-app.js";
import { clearScheduling, keysOf, postsOf } from "./fixtures.js";

const ANNE = "U0ANNE";
const BRUNO = "U0BRUNO";
const AWAY = "U0AWAY";
const NOW = new Date("2026-12-01T09:00:00Z");

let t: TestApp;
const at = (iso: string) => new Date(iso);
const pass = (iso: string) => t.vigie.scheduler.runPass(at(iso));
const prisma = () => t.db.prisma;

beforeAll(async () => {
  t = await startTestApp({ now: () => NOW });
});
afterAll(() => t.stop());
beforeEach(async () => {
  await clearScheduling(prisma());
  await prisma().absence.deleteMany();
  t.slack.reset();
});

/** The invitation DMs of this pass, by attendee. */
const invitesTo = (user: string): RecordedCall[] =>
  postsOf(t.slack.calls, "invite").filter((c) => c.params.channel === user);

/** The .ics files sent to `user`'s direct conversation (bytes as uploaded, in order). */
function icsTo(user: string): string[] {
  const ids = t.slack.calls
    .filter((c) => c.method === "files.completeUploadExternal" && c.params.channel_id === `D${user}`)
    .flatMap((c) => (Array.isArray(c.params.files) ? (c.params.files as { id: string }[]) : []).map((f) => f.id));
  return t.slack.calls
    .filter((c) => c.method === "file_upload" && ids.includes(String(c.params.file_id)))
    .map((c) => String(c.params.content));
}

const eventOf = (ics: string): VEvent => {
  const event = Object.values(ical.sync.parseICS(ics)).find((c): c is VEvent => c?.type === "VEVENT");
  expect(event).toBeDefined();
  return event as VEvent;
};

describe("meeting invitations to Slack attendees", () => {
  it("scheduled, moved, cancelled: one DM with its .ics each time, same UID, SEQUENCE 0, 1, 2; never twice", async () => {
    // Tuesday 30 March 2027, 14:00 Paris (summer time).
    const meetingId = await insertMeeting(prisma(), {
      kind: "GLTD",
      startsAt: at("2027-03-30T12:00:00Z"),
      place: "Préfecture, salle Lamartine",
      attendees: [ANNE, BRUNO],
      createdAt: at("2026-12-01T09:00:00Z"),
    });

    await pass("2026-12-01T09:01:00Z");
    for (const user of [ANNE, BRUNO]) {
      const dms = invitesTo(user);
      expect(dms).toHaveLength(1);
      expect(keysOf(dms[0]!)).toEqual([`invite:${meetingId}:0:${user}`]);
      expect(blocksText(dms[0]!.params)).toContain(
        "Invitation à la réunion : *GLTD (groupe local de traitement de la délinquance)*, mardi 30 mars 2027 à 14 h, lieu : Préfecture, salle Lamartine.",
      );
      const files = icsTo(user);
      expect(files).toHaveLength(1);
      expect(files[0]).toContain("METHOD:REQUEST");
      expect(files[0]).toContain("BEGIN:VTIMEZONE");
      expect(files[0]).toContain("DTSTART;TZID=Europe/Paris:20270330T140000");
      const event = eventOf(files[0]!);
      expect(event.uid).toBe(meetingUid(meetingId));
      expect(Number(event.sequence)).toBe(0);
      expect(event.start.toISOString()).toBe("2027-03-30T12:00:00.000Z");
    }

    // A second pass sends nothing again.
    t.slack.reset();
    await pass("2026-12-01T09:02:00Z");
    expect(postsOf(t.slack.calls, "invite")).toHaveLength(0);
    expect(t.slack.calls.filter((c) => c.method === "files.completeUploadExternal")).toHaveLength(0);

    // Moved to Thursday 25 March 2027, 14:00 Paris (winter time).
    await t.vigie.deps.store.meetings.reschedule(
      meetingId,
      { startsAt: at("2027-03-25T13:00:00Z") },
      COORDINATOR,
      at("2026-12-02T10:00:00Z"),
    );
    t.slack.reset();
    await pass("2026-12-02T10:01:00Z");
    await pass("2026-12-02T10:02:00Z");
    for (const user of [ANNE, BRUNO]) {
      const dms = invitesTo(user);
      expect(dms).toHaveLength(1);
      expect(keysOf(dms[0]!)).toEqual([`invite:${meetingId}:1:${user}`]);
      expect(blocksText(dms[0]!.params)).toContain("Réunion déplacée : *GLTD");
      expect(blocksText(dms[0]!.params)).toContain("jeudi 25 mars 2027 à 14 h");
      const files = icsTo(user);
      expect(files).toHaveLength(1);
      expect(files[0]).toContain("METHOD:REQUEST");
      expect(files[0]).toContain("DTSTART;TZID=Europe/Paris:20270325T140000");
      const event = eventOf(files[0]!);
      expect(event.uid).toBe(meetingUid(meetingId));
      expect(Number(event.sequence)).toBe(1);
    }

    await t.vigie.deps.store.meetings.cancel(meetingId, COORDINATOR, at("2026-12-03T10:00:00Z"));
    t.slack.reset();
    await pass("2026-12-03T10:01:00Z");
    await pass("2026-12-03T10:02:00Z");
    for (const user of [ANNE, BRUNO]) {
      const dms = invitesTo(user);
      expect(dms).toHaveLength(1);
      expect(keysOf(dms[0]!)).toEqual([`invite-cancel:${meetingId}:${user}`]);
      expect(blocksText(dms[0]!.params)).toContain("Réunion annulée : *GLTD");
      const files = icsTo(user);
      expect(files).toHaveLength(1);
      expect(files[0]).toContain("METHOD:CANCEL");
      expect(files[0]).toContain("STATUS:CANCELLED");
      const event = eventOf(files[0]!);
      expect(event.uid).toBe(meetingUid(meetingId));
      expect(Number(event.sequence)).toBe(2);
    }
    const rows = await prisma().delivery.findMany({ where: { key: { contains: meetingId } }, orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key, r.state])).toEqual(
      [
        [`invite-cancel:${meetingId}:${ANNE}`, "SENT"],
        [`invite-cancel:${meetingId}:${BRUNO}`, "SENT"],
        [`invite:${meetingId}:0:${ANNE}`, "SENT"],
        [`invite:${meetingId}:0:${BRUNO}`, "SENT"],
        [`invite:${meetingId}:1:${ANNE}`, "SENT"],
        [`invite:${meetingId}:1:${BRUNO}`, "SENT"],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
  });

  it("an attendee away is skipped (recorded, nothing sent); the others are invited", async () => {
    await t.vigie.deps.store.absences.declare(
      { userId: AWAY, startsOn: "2026-11-30", endsOn: "2026-12-31", standInId: BRUNO, by: AWAY },
      "2026-11-30",
      NOW,
    );
    const meetingId = await insertMeeting(prisma(), {
      kind: "COPIL",
      startsAt: at("2027-01-14T13:00:00Z"),
      attendees: [ANNE, AWAY],
      createdAt: at("2026-12-01T09:00:00Z"),
    });
    await pass("2026-12-01T09:01:00Z");
    expect(invitesTo(ANNE)).toHaveLength(1);
    expect(blocksText(invitesTo(ANNE)[0]!.params)).toContain("jeudi 14 janvier 2027 à 14 h.");
    expect(invitesTo(AWAY)).toHaveLength(0);
    // Not forwarded to the stand-in either.
    expect(invitesTo(BRUNO)).toHaveLength(0);
    expect(icsTo(AWAY)).toHaveLength(0);
    const row = await prisma().delivery.findUnique({ where: { key: `invite:${meetingId}:0:${AWAY}` } });
    expect(row?.state).toBe("SKIPPED");
  });

  it("a change caught up at night waits for a decent hour; meetings scheduled long ago are not announced", async () => {
    const old = await insertMeeting(prisma(), {
      kind: "CLSPD",
      startsAt: at("2027-02-10T17:00:00Z"),
      attendees: [BRUNO],
      createdAt: at("2026-01-05T09:00:00Z"),
    });
    // Scheduled on Saturday 5 December 2026 at 23:00 Paris; Vigie was down, it restarts at midnight.
    const late = await insertMeeting(prisma(), {
      kind: "COPIL",
      startsAt: at("2027-01-14T13:00:00Z"),
      attendees: [ANNE],
      createdAt: at("2026-12-05T22:00:00Z"),
    });
    await pass("2026-12-05T23:00:00Z");
    expect(postsOf(t.slack.calls, "invite")).toHaveLength(0);
    // Monday 7 December, 09:00 Paris: sent then.
    await pass("2026-12-07T08:00:00Z");
    expect(postsOf(t.slack.calls, "invite").map(keysOf)).toEqual([[`invite:${late}:0:${ANNE}`]]);
    expect(await prisma().delivery.count({ where: { key: { contains: old } } })).toBe(0);
  });
});
