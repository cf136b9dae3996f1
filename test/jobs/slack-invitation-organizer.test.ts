// The .ics a Slack attendee receives with their invitation (issue 12) names its ORGANIZER — SMTP_FROM's
// address, or CSI_ORGANIZER_EMAIL when set, with the contract's name as CN — and, when Slack gives the
// person's address (users.info profile.email, scope users:read.email), an ATTENDEE line for them; without
// an address no ATTENDEE is invented. Parsed back with node-ical. Real database, fake Slack, fixed clocks.
import ical, { type Attendee, type VEvent } from "node-ical";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { insertMeeting } from "../support/fixtures.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { clearScheduling } from "./fixtures.js";

const ANNE = "U0ANNE";
const BRUNO = "U0BRUNO";
const ANNE_ADDRESS = "anne.martin@chambery.example";

let t: TestApp;
const logLines: string[] = [];
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await startTestApp({
    now: () => at("2026-12-01T09:00:00Z"),
    logLines,
    // No recipient outside Slack: no e-mail goes out; SMTP_FROM names the organizer.
    env: { SMTP_URL: "smtp://127.0.0.1:9", SMTP_FROM: "Vigie — CSI de Chambéry <vigie@chambery.example>" },
  });
});
afterAll(async () => {
  await t.stop();
  expect(logLines.length).toBeGreaterThan(0);
  expect(logLines.filter((l) => l.includes(ANNE_ADDRESS))).toEqual([]);
});
beforeEach(async () => {
  await clearScheduling(t.db.prisma);
  await t.db.prisma.meeting.deleteMany();
  t.slack.reset();
  // Slack gives Anne's address, not Bruno's (no users:read.email, or a profile without one).
  t.slack.on("users.info", (p) => ({
    body: {
      ok: true,
      user: {
        id: p.user,
        locale: "fr-FR",
        real_name: p.user === ANNE ? "Anne Martin" : "Bruno Petit",
        profile: p.user === ANNE ? { real_name: "Anne Martin", email: ANNE_ADDRESS } : { real_name: "Bruno Petit" },
      },
    },
  }));
});

/** The .ics sent to `user`'s direct conversation, unfolded. */
function icsTo(user: string): string {
  const ids = t.slack.calls
    .filter((c) => c.method === "files.completeUploadExternal" && c.params.channel_id === `D${user}`)
    .flatMap((c) => (Array.isArray(c.params.files) ? (c.params.files as { id: string }[]) : []).map((f) => f.id));
  const files = t.slack.calls
    .filter((c) => c.method === "file_upload" && ids.includes(String(c.params.file_id)))
    .map((c) => String(c.params.content));
  expect(files).toHaveLength(1);
  return (files[0] ?? "").replace(/\r\n[ \t]/g, "");
}

const eventOf = (ics: string): VEvent => {
  const event = Object.values(ical.sync.parseICS(ics)).find((c): c is VEvent => c?.type === "VEVENT");
  expect(event).toBeDefined();
  return event as VEvent;
};
const attendeesOf = (e: VEvent): Attendee[] =>
  e.attendee === undefined ? [] : Array.isArray(e.attendee) ? e.attendee : [e.attendee];
const addressOf = (v: unknown): string =>
  String(typeof v === "string" ? v : ((v as { val?: string }).val ?? "")).replace(/^mailto:/i, "");
const cnOf = (v: unknown): string => String((v as { params?: { CN?: string } }).params?.CN ?? "");

async function inviteBoth(): Promise<{ anne: VEvent; bruno: VEvent }> {
  await insertMeeting(t.db.prisma, {
    kind: "COPIL",
    startsAt: at("2027-01-19T13:00:00Z"),
    place: "Préfecture",
    attendees: [ANNE, BRUNO],
    createdAt: at("2026-12-01T09:00:00Z"),
  });
  await t.vigie.scheduler.runPass(at("2026-12-01T09:01:00Z"));
  return { anne: eventOf(icsTo(ANNE)), bruno: eventOf(icsTo(BRUNO)) };
}

it("names SMTP_FROM's address as ORGANIZER with the contract as CN, and the attendee Slack knows the address of", async () => {
  const { anne, bruno } = await inviteBoth();
  for (const e of [anne, bruno]) {
    expect(addressOf(e.organizer)).toBe("vigie@chambery.example");
    expect(cnOf(e.organizer)).toBe("Contrat de Sécurité Intégrée de Chambéry");
  }
  const [attendee, ...others] = attendeesOf(anne);
  expect(others).toEqual([]);
  expect(addressOf(attendee)).toBe(ANNE_ADDRESS);
  expect(cnOf(attendee)).toBe("Anne Martin");
  // Slack did not give Bruno's address: no ATTENDEE line rather than a made-up one.
  expect(attendeesOf(bruno)).toEqual([]);
  expect(icsTo(BRUNO)).not.toContain("ATTENDEE");
  expect(icsTo(BRUNO)).not.toContain(ANNE_ADDRESS);
});

it("names CSI_ORGANIZER_EMAIL instead when it is configured", async () => {
  // The address read from CSI_ORGANIZER_EMAIL at start (config.test.ts checks the variable itself).
  t.vigie.deps.config.mail.organizerEmail = "coordination.csi@chambery.example";
  try {
    const { anne } = await inviteBoth();
    expect(addressOf(anne.organizer)).toBe("coordination.csi@chambery.example");
    expect(cnOf(anne.organizer)).toBe("Contrat de Sécurité Intégrée de Chambéry");
    expect(addressOf(attendeesOf(anne)[0])).toBe(ANNE_ADDRESS);
  } finally {
    t.vigie.deps.config.mail.organizerEmail = null;
  }
});
