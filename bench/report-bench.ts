// The COPIL report's cost: time and peak memory to build the PDF (data read, charts, layout) for the Chambéry
// contract (16 commitments) and for 500. Each measure is a function that can run alone:
//   node --expose-gc --import tsx bench/report-bench.ts report 16
//   node --expose-gc --import tsx bench/report-bench.ts report 500
// It runs on a fresh embedded database (PGlite, in memory) seeded as in production, then grown.
import { pathToFileURL } from "node:url";
import { openDatabase } from "../src/store/database.js";
import { createStore } from "../src/store/store.js";
import { buildReport } from "../src/use-cases/build-report.js";
import { growContract } from "./data.js";

export interface ReportBench {
  commitments: number;
  /** First build in the process (modules loaded, fonts read, charts compiled for the first time). */
  coldMs: number;
  /** Median of the following builds. */
  warmMedianMs: number;
  pages: number;
  bytes: number;
  /** Resident memory before the first build and at its highest during the builds, MB. */
  rssBeforeMb: number;
  rssPeakMb: number;
}

const mb = (n: number) => Math.round(n / 1048576);

/** Builds the report `runs` times for a contract grown to `commitments`, sampling resident memory every 5 ms. */
export async function benchReport(commitments: number, runs = 5): Promise<ReportBench> {
  const db = await openDatabase({ dataDir: "memory://", pgliteThread: "main" });
  try {
    await db.migrate();
    await growContract(db.prisma, { commitments, updates: commitments * 4, meetings: 6 });
    const store = createStore(db.prisma);
    const contract = await store.contracts.findDefault();
    if (!contract) throw new Error("no contract");
    const deps = { store, now: () => new Date("2026-11-23T09:00:00Z") };
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const times: number[] = [];
    let last: { pdf: Buffer } = { pdf: Buffer.alloc(0) };
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      last = await buildReport(deps, contract, null, "Europe/Paris");
      times.push(performance.now() - started);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    clearInterval(sampler);
    const warm = times.slice(1).sort((a, b) => a - b);
    const pages = (last.pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
    return {
      commitments,
      coldMs: Math.round(times[0] ?? 0),
      warmMedianMs: Math.round(warm[Math.floor(warm.length / 2)] ?? 0),
      pages,
      bytes: last.pdf.length,
      rssBeforeMb: mb(rssBefore),
      rssPeakMb: mb(peak),
    };
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [what, n] = process.argv.slice(2);
  if (what === "report") console.log(JSON.stringify(await benchReport(Number(n ?? 16)), null, 2));
  else console.error("usage: bench/report-bench.ts report <commitments>");
}
