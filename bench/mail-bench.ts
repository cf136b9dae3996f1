// E-mail's cost: one scheduler mail pass that sends the weekly digest AND the report before a COPIL (PDF
// attached) to N recipients outside Slack, through a real SMTP server on 127.0.0.1 (smtp-server, the one the
// tests use), on the Chambéry contract seeded as in production (PGlite in memory). Measures the pass's wall
// time and the resident memory (before, peak sampled every 5 ms). `digest` sends the weekly digest only.
//   node --expose-gc --import tsx bench/mail-bench.ts 50
//   node --expose-gc --import tsx bench/mail-bench.ts 50 digest
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { loadConfig } from "../src/config.js";
import { DEFAULT_DELIVERY_OPTIONS } from "../src/jobs/job-deps.js";
import { organizerOf, sendDueMail } from "../src/jobs/send-mail.js";
import { createLogger } from "../src/logger.js";
import { createSmtpSender } from "../src/mail/mail-sender.js";
import { openDatabase } from "../src/store/database.js";
import { createStore } from "../src/store/store.js";
import { startSmtpTestServer } from "../test/support/smtp-test-server.js";
import { growContract } from "./data.js";

export interface MailBench {
  recipients: number;
  /** What each recipient receives in the pass: the digest only, or the digest and the report (PDF). */
  mails: "digest" | "digest+report";
  /** E-mails accepted by the SMTP server in the pass (digest + report per recipient). */
  sent: number;
  passMs: number;
  msPerMail: number;
  /** Size of one report e-mail and one digest e-mail as received, KB. */
  reportMailKb: number;
  digestMailKb: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  /** 1-minute load average at the end (the machine is shared: read the times with it). */
  loadAvg: number;
}

const mb = (n: number) => Math.round(n / 1048576);
// Monday 7 December 2026, 09:00 Paris: the digest (08:30) is due, and the report before the COPIL of Monday
// 14 December at 10:00 (J-7, 09:00).
const NOW = new Date("2026-12-07T08:00:00Z");

export async function benchMail(recipients: number, mails: MailBench["mails"] = "digest+report"): Promise<MailBench> {
  const smtp = await startSmtpTestServer();
  const db = await openDatabase({ dataDir: "memory://", pgliteThread: "main" });
  try {
    await db.migrate();
    const grown = await growContract(db.prisma, { commitments: 16, updates: 64, meetings: 0 });
    const from = "Vigie — CSI de Chambéry <vigie@chambery.example>";
    const config = loadConfig({ SMTP_URL: smtp.url, SMTP_FROM: from, LOG_LEVEL: "error" }, { requireSlack: false });
    const store = createStore(db.prisma);
    await db.prisma.meeting.create({
      data: {
        contractId: grown.contractId,
        kind: "COPIL",
        startsAt: new Date("2026-12-14T09:00:00Z"),
        createdAt: new Date("2026-11-01T09:00:00Z"),
      },
    });
    for (let i = 1; i <= recipients; i++)
      await store.mailRecipients.add(
        grown.contractId,
        {
          name: `Destinataire ${i}`,
          address: `destinataire.${i}@savoie.gouv.example`,
          organisation: "Préfecture de la Savoie",
          partyCode: "ETAT",
          receives: { digest: true, report: mails === "digest+report", meetings: false },
        },
        "U0COORD01",
        new Date("2026-11-20T09:00:00Z"),
      );
    const mailer = createSmtpSender({ url: smtp.url, from }, { pool: true });
    const deps = {
      config,
      db,
      store,
      log: createLogger({ level: "error", json: false }),
      now: () => NOW,
      mailer,
      organizer: organizerOf(from),
      instanceId: "bench",
      delivery: DEFAULT_DELIVERY_OPTIONS,
    };
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const started = performance.now();
    const report = await sendDueMail(deps, NOW);
    const passMs = performance.now() - started;
    clearInterval(sampler);
    mailer.close?.();
    const parsed = await smtp.parsed();
    const sizeOf = (subject: string) =>
      Math.round((smtp.received[parsed.findIndex((m) => m.subject?.startsWith(subject))]?.raw.length ?? 0) / 1024);
    return {
      recipients,
      mails,
      sent: report.sent,
      passMs: Math.round(passMs),
      msPerMail: Math.round((passMs / Math.max(1, report.sent)) * 10) / 10,
      reportMailKb: sizeOf("Rapport"),
      digestMailKb: sizeOf("Point hebdomadaire"),
      rssBeforeMb: mb(rssBefore),
      rssPeakMb: mb(peak),
      loadAvg: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    };
  } finally {
    await db.close();
    await smtp.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const mails = process.argv[3] === "digest" ? "digest" : "digest+report";
  console.log(JSON.stringify(await benchMail(Number(process.argv[2] ?? 50), mails), null, 2));
}
