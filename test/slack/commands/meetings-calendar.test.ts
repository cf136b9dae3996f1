// `/csi reunions agenda` through the real receiver: the upcoming meetings as an .ics file in the requester's
// direct conversation with Vigie, read back with node-ical.
import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, expect, it } from "vitest";
import { meetingUid } from "../../../src/documents/meetings-ics.js";
import { insertMeeting } from "../../support/fixtures.js";
import { blocksText, startTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
let copil: string;
beforeAll(async () => {
  t = await startTestApp();
  copil = await insertMeeting(t.db.prisma, {
    kind: "COPIL",
    startsAt: new Date("2026-12-15T13:30:00Z"),
    place: "Préfecture de la Savoie",
  });
  await insertMeeting(t.db.prisma, { kind: "GLTD", startsAt: new Date("2026-10-01T08:00:00Z") }); // past: not listed
});
afterAll(() => t.stop());

it("sends the upcoming meetings as an .ics file, in Paris time", async () => {
  const reply = await t.commandReply("reunions agenda");
  expect(blocksText(reply.params)).toContain(
    "Agenda envoyé dans votre conversation avec Vigie : *reunions-csi-chambery.ics*, 1 réunion.",
  );
  expect(t.slack.callsTo("files.completeUploadExternal").at(-1)?.params.channel_id).toBe("DU0MEMBER1");
  const ics = String(t.slack.callsTo("file_upload").at(-1)?.params.content);
  expect(ics).toContain("DTSTART;TZID=Europe/Paris:20261215T143000");
  const events = Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === "VEVENT");
  expect(events.map((e) => e.uid)).toEqual([meetingUid(copil)]);
  expect(new Date(events[0]?.start ?? 0).toISOString()).toBe("2026-12-15T13:30:00.000Z");
  expect(events[0]?.location).toBe("Préfecture de la Savoie");
});

it("says so when no meeting is planned ahead, and sends nothing", async () => {
  await t.db.prisma.meeting.deleteMany({ where: { id: copil } });
  const before = t.slack.callsTo("file_upload").length;
  expect(blocksText((await t.commandReply("reunions ics")).params)).toContain("Aucune réunion n'est planifiée");
  expect(t.slack.callsTo("file_upload")).toHaveLength(before);
});
