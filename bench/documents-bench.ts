// The numbers issue 12 asks of `npm run bench`: time and peak memory to build the COPIL report (PDF) for 16
// and for 500 commitments, and time to send the weekly digest to 50 e-mail recipients through the test SMTP
// server (plus the same pass with the report attached, as before a COPIL). Each measure runs in its own child
// process (bench/report-bench.ts, bench/mail-bench.ts), so its peak resident memory is its own and not the
// load generator's. Run alone: node --import tsx bench/documents-bench.ts
import { execFile } from "node:child_process";
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { MailBench } from "./mail-bench.js";
import { ROOT } from "./processes.js";
import type { ReportBench } from "./report-bench.js";
import { fmt, formatTable } from "./stats.js";

export interface DocumentsBench {
  report: ReportBench[];
  mail: MailBench[];
  /** 1-minute load average before and after these measures (the machine is shared). */
  loadAverage: { start: number; end: number };
  errors: string[];
}

const run = promisify(execFile);
const load1 = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** `node --expose-gc --import tsx bench/<file> …args`, its stdout read as JSON. */
async function child<T>(file: string, args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, ["--expose-gc", "--import", "tsx", `bench/${file}`, ...args], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
    timeout: 15 * 60_000,
  });
  return JSON.parse(stdout) as T;
}

export async function benchDocuments(log: (line: string) => void = () => undefined): Promise<DocumentsBench> {
  const out: DocumentsBench = { report: [], mail: [], loadAverage: { start: load1(), end: 0 }, errors: [] };
  const attempt = async <T>(what: string, file: string, args: string[], keep: (r: T) => void) => {
    log(`${what}…`);
    try {
      keep(await child<T>(file, args));
    } catch (error) {
      out.errors.push(`${what}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
  };
  for (const n of [16, 500])
    await attempt<ReportBench>(`report PDF, ${n} commitments`, "report-bench.ts", ["report", String(n)], (r) =>
      out.report.push(r),
    );
  await attempt<MailBench>("digest e-mail to 50 recipients (SMTP)", "mail-bench.ts", ["50", "digest"], (r) =>
    out.mail.push(r),
  );
  await attempt<MailBench>("digest + report e-mails to 50 recipients (SMTP)", "mail-bench.ts", ["50"], (r) =>
    out.mail.push(r),
  );
  out.loadAverage.end = load1();
  return out;
}

export function documentsTable(d: DocumentsBench): string {
  const rows: string[][] = [["measure", "time", "memory (RSS before → peak)", "detail"]];
  for (const r of d.report)
    rows.push([
      `report PDF, ${r.commitments} commitments`,
      `${fmt(r.coldMs, 0)} ms first, ${fmt(r.warmMedianMs, 0)} ms warm median`,
      `${r.rssBeforeMb} → ${r.rssPeakMb} MB`,
      `${r.pages} pages, ${Math.round(r.bytes / 1024)} KB`,
    ]);
  for (const m of d.mail)
    rows.push([
      `${m.mails} to ${m.recipients} recipients (SMTP)`,
      `${fmt(m.passMs, 0)} ms (${m.msPerMail} ms per e-mail)`,
      `${m.rssBeforeMb} → ${m.rssPeakMb} MB`,
      `${m.sent} e-mails sent`,
    ]);
  for (const e of d.errors) rows.push([e, "n/a", "", ""]);
  return `${formatTable(rows, { alignNumbers: false })}\n(load average ${d.loadAverage.start} → ${d.loadAverage.end})`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const d = await benchDocuments((line) => process.stdout.write(`[bench] ${line}\n`));
  process.stdout.write(`\n${documentsTable(d)}\n\n${JSON.stringify(d, null, 2)}\n`);
}
