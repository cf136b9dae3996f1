// E-mails to recipients outside Slack through the scheduler's pass, against a real SMTP server on 127.0.0.1
// read back with mailparser: the weekly digest and the report before a COPIL (PDF attached), invitations,
// updates and cancellations (.ics with one UID, SEQUENCE going up); 4xx retried at the next pass (one e-mail),
// 5xx recorded and reported in the coordinators' digest; a crash before the hand-over to SMTP sends once, a
// crash after it, or a connection lost between the end of the message and the answer, never sends again
// (reported instead).
import type { ParsedMail } from "mailparser";
import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { meetingUid } from "../../src/documents/meetings-ics.js";
import type { MailKind } from "../../src/domain/recipient-input.js";
import { insertContract, insertMeeting } from "../support/fixtures.js";
import { extractPdf, squeeze } from "../support/pdf-tools.js";
import { type SmtpTestServer, startSmtpTestServer } from "../support/smtp-test-server.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../support/test-app.js";
import { addMeeting, clearScheduling, postsOf } from "./fixtures.js";

let t: TestApp;
let smtp: SmtpTestServer;
/** Every log line, at debug level: a recipient's address must never be in one. */
const logLines: string[] = [];
const at = (iso: string) => new Date(iso);
const pass = (iso: string) => t.vigie.scheduler.runPass(at(iso));
const prisma = () => t.db.prisma;
const ADDRESS = "marie.durand@savoie.gouv.example";

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await startTestApp({
    logLines,
    env: { SMTP_URL: smtp.url, SMTP_FROM: "Vigie — CSI de Chambéry <vigie@chambery.example>" },
  });
});
afterAll(async () => {
  await t.stop();
  await smtp.close();
  expect(logLines.length).toBeGreaterThan(0);
  expect(logLines.filter((l) => l.includes("savoie.gouv.example"))).toEqual([]);
});
beforeEach(async () => {
  await clearScheduling(prisma());
  await prisma().mailRecipient.deleteMany();
  smtp.received.length = 0;
  smtp.answers.length = 0;
});

async function addRecipient(
  receives: MailKind[],
  createdAt = at("2026-11-27T10:00:00Z"),
  contractId?: string,
): Promise<string> {
  const contract = (await t.vigie.deps.store.contracts.findDefault())!;
  const added = await t.vigie.deps.store.mailRecipients.add(
    contractId ?? contract.id,
    {
      name: "Marie Durand",
      address: ADDRESS,
      organisation: "Préfecture de la Savoie",
      partyCode: "ETAT",
      receives: {
        digest: receives.includes("digest"),
        report: receives.includes("report"),
        meetings: receives.includes("meetings"),
      },
    },
    COORDINATOR,
    createdAt,
  );
  if (!added.ok) throw new Error("duplicate");
  return added.recipient.id;
}

/** The coordinator's Slack digest of the following week (Monday 7 December 2026, 08:30 Paris). */
async function nextCoordinatorDigest(): Promise<string> {
  t.slack.reset();
  await pass("2026-12-07T07:30:00Z");
  const post = postsOf(t.slack.calls, `digest:2026-W50:${COORDINATOR}`)[0];
  expect(post).toBeDefined();
  return blocksText(post!.params);
}

const eventOf = (ics: string): VEvent => {
  const event = Object.values(ical.sync.parseICS(ics)).find((c): c is VEvent => c?.type === "VEVENT");
  expect(event).toBeDefined();
  return event as VEvent;
};

const row = (key: string) => prisma().delivery.findUniqueOrThrow({ where: { key } });
const only = async (): Promise<ParsedMail> => {
  const all = await smtp.parsed();
  expect(all).toHaveLength(1);
  return all[0]!;
};
const calendarOf = (m: ParsedMail): string => {
  const part = m.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(part).toBeDefined();
  // Unfolded: iCalendar folds lines at 75 octets.
  return part!.content.toString("utf8").replace(/\r\n[ \t]/g, "");
};

// Monday 30 November 2026, 08:30 Paris: the weekly digest's instant (week 2026-W49).
const DIGEST_AT = "2026-11-30T07:30:00Z";

describe("the weekly digest by e-mail", () => {
  it("goes out on the contract's own digest day and hour, not the configuration's", async () => {
    const contract = (await t.vigie.deps.store.contracts.findDefault())!;
    await prisma().contract.update({ where: { id: contract.id }, data: { digestWeekday: 3, digestTime: "10:00" } });
    try {
      const id = await addRecipient(["digest"]);
      // Monday 08:30 Paris is the configuration's instant: nothing for this contract.
      expect((await pass(DIGEST_AT)).mail).toMatchObject({ planned: 0, sent: 0 });
      expect(smtp.received).toHaveLength(0);
      // Wednesday 2 December 2026, 10:00 Paris: its own instant.
      expect((await pass("2026-12-02T09:00:00Z")).mail).toMatchObject({ planned: 1, sent: 1 });
      expect((await only()).subject).toContain("mercredi 2 décembre 2026");
      expect(await row(`mail-digest:2026-W49:${id}`)).toMatchObject({ state: "SENT" });
    } finally {
      await prisma().contract.update({ where: { id: contract.id }, data: { digestWeekday: null, digestTime: null } });
    }
  });

  it("goes once to each recipient who receives it, in French, with the progress chart", async () => {
    const id = await addRecipient(["digest"]);
    const report = await pass(DIGEST_AT);
    expect(report.mail).toMatchObject({ planned: 1, sent: 1, failed: 0 });
    const m = await only();
    expect(smtp.received[0]!.to).toEqual([ADDRESS]);
    expect(m.from?.text).toBe('"Vigie — CSI de Chambéry" <vigie@chambery.example>');
    expect(m.subject).toBe(
      "Point hebdomadaire du CSI — Contrat de Sécurité Intégrée de Chambéry — lundi 30 novembre 2026",
    );
    expect(m.text).toContain("Bonjour Marie Durand,");
    expect(m.text).toContain(
      "Voici le point hebdomadaire du Contrat de Sécurité Intégrée de Chambéry, situation au lundi 30 novembre 2026.",
    );
    expect(m.text).toMatch(/Avancement par partie \(3\)\n- État : \d+ % d'avancement moyen, 8 engagements, 1 réalisé/);
    expect(m.html).toContain('alt="Avancement moyen par partie"');
    expect(m.attachments.find((a) => a.contentType === "image/png")?.cid).toBe("avancement@vigie");
    expect(
      m.attachments
        .find((a) => a.contentType === "image/png")
        ?.content.subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    const key = `mail-digest:2026-W49:${id}`;
    expect(await row(key)).toMatchObject({ state: "SENT", channel: "smtp", ts: m.messageId, attempts: 1 });
    // Recorded under the recipient's contract: a failure is reported in that contract's digest only.
    expect((await row(key)).contractId).toBe((await t.vigie.deps.store.contracts.findDefault())?.id);
    await pass("2026-11-30T07:31:00Z");
    await pass("2026-11-30T14:00:00Z");
    expect(smtp.received).toHaveLength(1);
  });

  it("a temporary refusal (451) is retried at the next pass: one e-mail in the end", async () => {
    const id = await addRecipient(["digest"]);
    smtp.answers.push(451);
    expect((await pass(DIGEST_AT)).mail).toMatchObject({ sent: 0, failed: 1 });
    const failed = await row(`mail-digest:2026-W49:${id}`);
    expect(failed.state).toBe("FAILED");
    expect(failed.error).toContain("Marie Durand (Préfecture de la Savoie) — 451");
    expect(failed.error).not.toContain(ADDRESS);
    expect((await pass("2026-11-30T07:31:00Z")).mail).toMatchObject({ retried: 1, sent: 1 });
    await pass("2026-11-30T07:32:00Z");
    await only();
    expect(await row(`mail-digest:2026-W49:${id}`)).toMatchObject({ state: "SENT", attempts: 2 });
  });

  it("a permanent refusal (550) is recorded, never retried, and reported in the coordinators' digest", async () => {
    const id = await addRecipient(["digest"]);
    smtp.answers.push(550);
    expect((await pass(DIGEST_AT)).mail).toMatchObject({ sent: 0, undeliverable: 1 });
    await pass("2026-11-30T07:31:00Z");
    await pass("2026-11-30T09:00:00Z");
    expect(smtp.received).toHaveLength(0);
    const failed = await row(`mail-digest:2026-W49:${id}`);
    expect(failed.state).toBe("UNDELIVERABLE");
    expect(failed.attempts).toBe(1);
    const preview = await nextCoordinatorDigest();
    expect(preview).toContain(
      ":envelope: Courriel du point hebdomadaire — Marie Durand (Préfecture de la Savoie) — 550 Message failed: 550 Mailbox unavailable",
    );
    expect(preview).not.toContain(ADDRESS);
  });

  it("a crash after the claim and before the hand-over to SMTP: taken over once stale, sent once", async () => {
    const id = await addRecipient(["digest"]);
    const key = `mail-digest:2026-W49:${id}`;
    const input = { key, kind: "mail-digest", target: id, occurrence: "2026-W49", dueAt: at(DIGEST_AT) };
    expect(await t.vigie.deps.store.deliveries.claim(input, at(DIGEST_AT), "crashed-instance")).not.toBeNull();
    expect((await pass("2026-11-30T07:35:00Z")).mail).toMatchObject({ sent: 0, planned: 0 });
    expect((await pass("2026-11-30T07:45:00Z")).mail).toMatchObject({ retried: 1, sent: 1 });
    await pass("2026-11-30T08:00:00Z");
    await only();
    expect(await row(key)).toMatchObject({ state: "SENT", attempts: 2 });
  });

  it("a crash after the hand-over to SMTP: never sent again, reported to the coordinators", async () => {
    const id = await addRecipient(["digest"]);
    const key = `mail-digest:2026-W49:${id}`;
    const deliveries = t.vigie.deps.store.deliveries;
    const input = { key, kind: "mail-digest", target: id, occurrence: "2026-W49", dueAt: at(DIGEST_AT) };
    const claim = await deliveries.claim(input, at(DIGEST_AT), "crashed-instance");
    expect(await deliveries.markHandedToSmtp(claim!)).toBe(true);
    expect((await pass("2026-11-30T07:45:00Z")).mail).toMatchObject({ interrupted: 1, sent: 0 });
    await pass("2026-11-30T08:00:00Z");
    await pass("2026-12-01T08:00:00Z");
    expect(smtp.received).toHaveLength(0);
    expect((await row(key)).state).toBe("UNDELIVERABLE");
    const preview = await nextCoordinatorDigest();
    expect(preview).toContain(
      "Marie Durand (Préfecture de la Savoie) — envoi interrompu après remise au serveur SMTP : arrivée non vérifiable, non renvoyé",
    );
  });

  it("a connection lost after the end of the message, before the server's answer: not sent again, reported", async () => {
    const id = await addRecipient(["digest"]);
    const key = `mail-digest:2026-W49:${id}`;
    smtp.answers.push("drop");
    expect((await pass(DIGEST_AT)).mail).toMatchObject({ interrupted: 1, sent: 0, failed: 0 });
    await pass("2026-11-30T07:45:00Z");
    await pass("2026-12-01T08:00:00Z");
    expect(smtp.received).toHaveLength(0);
    expect(await row(key)).toMatchObject({ state: "UNDELIVERABLE", attempts: 1 });
    const preview = await nextCoordinatorDigest();
    expect(preview).toContain(
      "Marie Durand (Préfecture de la Savoie) — connexion perdue après la remise au serveur SMTP : arrivée non vérifiable, non renvoyé",
    );
    expect(preview).not.toContain(ADDRESS);
  });

  it("nothing for a recipient who does not receive the digest, nor once removed", async () => {
    await addRecipient(["meetings"]);
    expect((await pass(DIGEST_AT)).mail).toMatchObject({ planned: 0, sent: 0 });
    expect(smtp.received).toHaveLength(0);
  });
});

describe("the report before a COPIL", () => {
  it("goes at J-7, 09:00 Paris, with the PDF attached, once", async () => {
    const id = await addRecipient(["report"]);
    const meetingId = await addMeeting(prisma(), { kind: "COPIL", startsAt: at("2026-12-17T09:00:00Z") });
    await pass("2026-12-10T07:59:00Z");
    expect(smtp.received).toHaveLength(0);
    expect((await pass("2026-12-10T08:00:00Z")).mail).toMatchObject({ sent: 1 });
    const m = await only();
    expect(m.subject).toBe(
      "Rapport de suivi du CSI — Contrat de Sécurité Intégrée de Chambéry — en vue du COPIL du jeudi 17 décembre 2026 à 10 h",
    );
    expect(m.text).toContain("situation au jeudi 10 décembre 2026, en vue du COPIL du jeudi 17 décembre 2026 à 10 h.");
    expect(m.text).toContain("16 engagements suivis");
    const pdf = m.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf?.filename).toMatch(/^rapport-csi-.*2026-12-10\.pdf$/);
    expect(pdf?.content.subarray(0, 5).toString()).toBe("%PDF-");
    // The whole contract's report, though the recipient belongs to the État party (README « Courriel »).
    const text = squeeze((await extractPdf(pdf!.content)).text);
    expect(text).not.toContain("Partie :");
    expect(text).toContain("Ensemble du contrat");
    for (const ref of ["ETAT-01", "VILLE-01", "PARQUET-01"]) expect(text).toContain(ref);
    expect((await row(`mail-report:${meetingId}:${id}`)).state).toBe("SENT");
    await pass("2026-12-11T08:00:00Z");
    expect(smtp.received).toHaveLength(1);
  });
});

describe("meeting invitations", () => {
  it("invitation, update when it moves, cancellation: one UID, SEQUENCE 0, 1, 2, times right across DST", async () => {
    const id = await addRecipient(["meetings"], at("2026-12-01T09:00:00Z"));
    // Tuesday 30 March 2027, 14:00 Paris (summer time, UTC+2).
    const meetingId = await addMeeting(prisma(), { kind: "GLTD", startsAt: at("2027-03-30T12:00:00Z") });
    expect((await pass("2026-12-01T09:01:00Z")).mail).toMatchObject({ sent: 1 });
    const invite = await only();
    expect(invite.subject).toBe(
      "Invitation : GLTD (groupe local de traitement de la délinquance) — mardi 30 mars 2027 à 14 h",
    );
    const ics = calendarOf(invite);
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("DTSTART;TZID=Europe/Paris:20270330T140000");
    expect(ics).toContain("BEGIN:VTIMEZONE");
    let event = eventOf(ics);
    expect(event.uid).toBe(meetingUid(meetingId));
    expect(Number(event.sequence)).toBe(0);
    expect(event.start.toISOString()).toBe("2027-03-30T12:00:00.000Z");
    expect(ics).toContain(
      `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="Marie Durand":MAILTO:${ADDRESS}`,
    );
    expect(ics).toContain('ORGANIZER;CN="Vigie — CSI de Chambéry":mailto:vigie@chambery.example');

    // Moved to Thursday 25 March 2027, 14:00 Paris (winter time, UTC+1).
    await t.vigie.deps.store.meetings.reschedule(
      meetingId,
      { startsAt: at("2027-03-25T13:00:00Z") },
      COORDINATOR,
      at("2026-12-02T10:00:00Z"),
    );
    smtp.received.length = 0;
    expect((await pass("2026-12-02T10:01:00Z")).mail).toMatchObject({ sent: 1 });
    const update = await only();
    expect(update.subject).toBe(
      "Réunion déplacée : GLTD (groupe local de traitement de la délinquance) — jeudi 25 mars 2027 à 14 h",
    );
    const ics2 = calendarOf(update);
    expect(ics2).toContain("DTSTART;TZID=Europe/Paris:20270325T140000");
    event = eventOf(ics2);
    expect(event.uid).toBe(meetingUid(meetingId));
    expect(Number(event.sequence)).toBe(1);
    expect(event.start.toISOString()).toBe("2027-03-25T13:00:00.000Z");

    await t.vigie.deps.store.meetings.cancel(meetingId, COORDINATOR, at("2026-12-03T10:00:00Z"));
    smtp.received.length = 0;
    expect((await pass("2026-12-03T10:01:00Z")).mail).toMatchObject({ sent: 1 });
    const cancel = await only();
    expect(cancel.subject).toMatch(/^Réunion annulée : /);
    const ics3 = calendarOf(cancel);
    expect(ics3).toContain("METHOD:CANCEL");
    expect(ics3).toContain("STATUS:CANCELLED");
    event = eventOf(ics3);
    expect(event.uid).toBe(meetingUid(meetingId));
    expect(Number(event.sequence)).toBe(2);
    // Nothing more, and the meeting is gone from /csi reunions.
    smtp.received.length = 0;
    await pass("2026-12-03T11:00:00Z");
    expect(smtp.received).toHaveLength(0);
    expect(await prisma().delivery.count({ where: { key: { startsWith: `mail-invite:${meetingId}:` } } })).toBe(2);
    expect((await row(`mail-cancel:${meetingId}:${id}`)).state).toBe("SENT");
    expect(
      await t.vigie.deps.store.meetings.listUpcoming(
        (await t.vigie.deps.store.contracts.findDefault())!.id,
        at("2026-12-03T11:00:00Z"),
      ),
    ).toEqual([]);
  });
});

describe("an overseas contract's e-mails", () => {
  it("an invitation of the Cayenne contract gives the hour in Cayenne (10 h), not in Paris (14 h)", async () => {
    const cayenne = await insertContract(prisma(), {
      ref: "CSI-GUY-MAIL",
      title: "CSI de Cayenne",
      timezone: "America/Cayenne",
    });
    await addRecipient(["meetings"], at("2026-12-01T09:00:00Z"), cayenne.id);
    // Tuesday 15 December 2026, 13:00 UTC: 10:00 in Cayenne (UTC−3), 14:00 in Paris.
    await insertMeeting(
      prisma(),
      { kind: "GLTD", startsAt: at("2026-12-15T13:00:00Z"), channelId: null, createdAt: at("2026-12-01T12:00:00Z") },
      cayenne.id,
    );
    // Tuesday 1 December 2026, 13:01 UTC: 10:01 in Cayenne, a decent hour there.
    expect((await pass("2026-12-01T13:01:00Z")).mail).toMatchObject({ sent: 1 });
    const invite = await only();
    expect(invite.subject).toBe(
      "Invitation : GLTD (groupe local de traitement de la délinquance) — mardi 15 décembre 2026 à 10 h",
    );
    const ics = calendarOf(invite);
    expect(ics).toContain("DTSTART;TZID=America/Cayenne:20261215T100000");
    expect(eventOf(ics).start.toISOString()).toBe("2026-12-15T13:00:00.000Z");
  });
});
