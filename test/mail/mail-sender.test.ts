// E-mail through a real SMTP server on 127.0.0.1 (smtp-server), read back with mailparser: recipients,
// French subject and body, the PDF and .ics attachments; a temporary refusal (4xx) is said temporary and the
// next try delivers one e-mail; a permanent refusal (5xx) is said permanent; the recipient's address is not
// in the recorded reason. Local mode writes an .eml file.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmlWriter, createSmtpSender, messageIdOf } from "../../src/mail/mail-sender.js";
import { reportMail } from "../../src/mail/report-mail.js";
import { HOW_TO_ENABLE_EMAIL, smtpSettingsOf } from "../../src/mail/smtp-settings.js";
import { type SmtpTestServer, startSmtpTestServer } from "../support/smtp-test-server.js";

let smtp: SmtpTestServer;
let url: string;
let received: SmtpTestServer["received"];
let answers: SmtpTestServer["answers"];

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  ({ url, received, answers } = smtp);
});
afterAll(() => smtp.close());
beforeEach(() => {
  received.length = 0;
  answers.length = 0;
});

const PDF = Buffer.from("%PDF-1.7\n% rapport de test\n");
const mail = (key: string) =>
  reportMail({
    key,
    recipient: { name: "Mme Claire Dupont, préfecture", address: "claire.dupont@savoie.gouv.example" },
    contractTitle: "Contrat de Sécurité Intégrée de Chambéry",
    today: "2026-11-23",
    overall: { total: 16, done: 2, overdue: 1, averageProgress: 33 },
    pdf: { filename: "rapport-csi-chambery-2026-11-23.pdf", bytes: PDF },
    ics: { filename: "reunions-csi-chambery.ics", content: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n" },
  });
const sender = () => createSmtpSender({ url, from: "Vigie <vigie@chambery.example>" });

describe("the end of the message, held back until the hand-over is recorded", () => {
  it("writes the whole message, asks, and only then ends it: the server had accepted nothing before", async () => {
    const s = createSmtpSender({ url, from: "Vigie <vigie@chambery.example>" }, { pool: true });
    let receivedWhenAsked = -1;
    let startedWhenAsked = -1;
    const result = await s.send(mail("mail-report:m1:r1"), async () => {
      receivedWhenAsked = received.length;
      startedWhenAsked = smtp.dataStarted();
      return true;
    });
    s.close?.();
    expect(result).toEqual({ ok: true, messageId: messageIdOf("mail-report:m1:r1") });
    expect(startedWhenAsked).toBeGreaterThanOrEqual(1);
    expect(receivedWhenAsked).toBe(0);
    expect(received).toHaveLength(1);
    const parsed = await simpleParser(received[0]?.raw ?? Buffer.alloc(0));
    expect(parsed.messageId).toBe(messageIdOf("mail-report:m1:r1"));
    expect(parsed.attachments.map((a) => a.filename)).toContain("rapport-csi-chambery-2026-11-23.pdf");
  });

  it("a « no » cancels the transfer before its end: nothing delivered, and the next message still goes", async () => {
    const s = createSmtpSender({ url, from: "Vigie <vigie@chambery.example>" }, { pool: true });
    const started = smtp.dataStarted();
    const refused = await s.send(mail("mail-report:m1:r2"), async () => false);
    expect(refused).toMatchObject({ ok: false, permanent: false, heldBack: true, code: null });
    expect(smtp.dataStarted()).toBe(started + 1);
    expect(await s.send(mail("mail-report:m1:r3"))).toMatchObject({ ok: true });
    s.close?.();
    expect(received).toHaveLength(1);
    expect((await simpleParser(received[0]?.raw ?? Buffer.alloc(0))).messageId).toBe(messageIdOf("mail-report:m1:r3"));
  });

  it("a process killed at that instant leaves nothing delivered (the server drops a message without its end)", {
    timeout: 60_000,
  }, async () => {
    const started = smtp.dataStarted();
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "test/support/crash-before-end.ts", url]);
    await expect(run).rejects.toMatchObject({ signal: "SIGKILL" });
    // The server saw the message's data begin (the crash came after it was written) and accepted nothing.
    await expect.poll(() => smtp.dataStarted(), { timeout: 10_000 }).toBe(started + 1);
    expect(received).toHaveLength(0);
  });

  it("a connection lost after the end, before the answer, says so with no SMTP code", async () => {
    answers.push("drop");
    const lost = await sender().send(mail("mail-report:m1:r4"), async () => true);
    expect(lost).toMatchObject({ ok: false, permanent: false, code: null });
  });
});

describe("e-mail through SMTP", () => {
  it("delivers the report to the recipient, in French, with the PDF and the .ics", async () => {
    const result = await sender().send(mail("report:2026-W48:r1"));
    expect(result).toEqual({ ok: true, messageId: messageIdOf("report:2026-W48:r1") });
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(["claire.dupont@savoie.gouv.example"]);
    const parsed = await simpleParser(received[0]?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe(
      "Rapport de suivi du CSI — Contrat de Sécurité Intégrée de Chambéry — situation au lundi 23 novembre 2026",
    );
    expect(parsed.from?.value).toEqual([{ name: "Vigie", address: "vigie@chambery.example" }]);
    expect(parsed.text).toContain("Bonjour Mme Claire Dupont, préfecture,");
    expect(parsed.text).toContain("33 % d'avancement moyen");
    expect(parsed.text).toContain("Document de travail — diffusion restreinte aux membres du COPIL.");
    expect(parsed.html).toContain("<strong>Contrat de Sécurité Intégrée de Chambéry</strong>");
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["rapport-csi-chambery-2026-11-23.pdf", "application/pdf"],
      ["reunions-csi-chambery.ics", "text/calendar"],
    ]);
    expect(parsed.attachments[0]?.content.equals(PDF)).toBe(true);
    expect(parsed.messageId).toBe(messageIdOf("report:2026-W48:r1"));
  });

  it("says a 4xx is temporary (nothing delivered), and the next try delivers exactly one e-mail", async () => {
    answers.push(451);
    const first = await sender().send(mail("report:2026-W48:r2"));
    expect(first).toMatchObject({ ok: false, permanent: false });
    expect(received).toHaveLength(0);
    const second = await sender().send(mail("report:2026-W48:r2"));
    expect(second.ok).toBe(true);
    expect(received).toHaveLength(1);
  });

  it("says a 5xx is permanent, and keeps the recipient's address out of the reason", async () => {
    answers.push(550);
    const result = await sender().send(mail("report:2026-W48:r3"));
    expect(result).toMatchObject({ ok: false, permanent: true });
    if (!result.ok) {
      expect(result.reason).toMatch(/^550 /);
      expect(result.reason).not.toContain("claire.dupont");
    }
    expect(received).toHaveLength(0);
  });
});

describe("e-mail settings and local mode", () => {
  it("validates SMTP_URL and SMTP_FROM in French, and is off without them", () => {
    expect(smtpSettingsOf({})).toEqual({ settings: null, problems: [] });
    expect(
      smtpSettingsOf({ SMTP_URL: "smtp://u:p@smtp.example.fr:587", SMTP_FROM: "Vigie <vigie@ville.example>" }),
    ).toEqual({
      settings: { url: "smtp://u:p@smtp.example.fr:587", from: "Vigie <vigie@ville.example>" },
      problems: [],
    });
    const bad = smtpSettingsOf({ SMTP_URL: "http://x", SMTP_FROM: "vigie" });
    expect(bad.settings).toBeNull();
    expect(bad.problems).toEqual([
      "SMTP_URL doit être l'adresse du serveur d'envoi, par ex. smtp://utilisateur:motdepasse@smtp.example.fr:587",
      "SMTP_FROM doit être l'expéditeur des courriels, par ex. « Vigie <vigie@ville.example> »",
    ]);
    expect(HOW_TO_ENABLE_EMAIL).toContain("définissez SMTP_URL");
  });

  it("writes each e-mail as an .eml file in local mode", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vigie-courriels-"));
    expect((await createEmlWriter(dir).send(mail("report:2026-W48:r4"))).ok).toBe(true);
    const files = await readdir(dir);
    expect(files).toEqual(["report_2026-W48_r4.eml"]);
    const parsed = await simpleParser(await readFile(path.join(dir, files[0] ?? "")));
    expect(parsed.subject).toContain("Rapport de suivi du CSI");
    expect(parsed.attachments).toHaveLength(2);
  });
});
