// Renders the README's picture of the report's first page (docs/rapport-page1.png): the Chambéry contract as
// seeded, with an illustrative progress (statuses and percentages set below, not real data), on a throw-away
// embedded database, at a fixed date; page 1 through pdftoppm (poppler-utils).
//   node --import tsx scripts/report-picture.ts
import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../src/store/database.js";
import { readContractSeed, seedContract } from "../src/store/seed.js";
import { createStore } from "../src/store/store.js";
import { buildReport } from "../src/use-cases/build-report.js";

const db = await openDatabase({ dataDir: "memory://", pgliteThread: "main" });
await db.migrate();
await seedContract(db.prisma, await readContractSeed());
// Illustrative progress: [ref, status, progress, due date].
const sample: [string, "ON_TRACK" | "DONE" | "AT_RISK" | "LATE", number, string | null][] = [
  ["ETAT-01", "ON_TRACK", 70, null],
  ["ETAT-02", "DONE", 100, null],
  ["ETAT-03", "ON_TRACK", 40, null],
  ["ETAT-05", "AT_RISK", 25, null],
  ["VILLE-01", "DONE", 100, null],
  ["VILLE-02", "LATE", 30, "2026-10-31"],
  ["VILLE-03", "ON_TRACK", 55, null],
  ["VILLE-04", "ON_TRACK", 60, null],
  ["PARQUET-01", "ON_TRACK", 50, null],
];
for (const [ref, status, progress, dueOn] of sample)
  await db.prisma.commitment.updateMany({
    where: { ref },
    data: { status, progress, ...(dueOn ? { dueOn: new Date(`${dueOn}T00:00:00Z`) } : {}) },
  });
const store = createStore(db.prisma);
const contract = await store.contracts.findDefault();
if (!contract) throw new Error("no contract");
const report = await buildReport(
  { store, now: () => new Date("2026-11-23T09:00:00Z") },
  contract,
  null,
  "Europe/Paris",
);
await db.close();
const dir = await mkdtemp(path.join(tmpdir(), "vigie-report-"));
const pdf = path.join(dir, report.filename);
await writeFile(pdf, report.pdf);
execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, "docs/rapport-page1"]);
console.log(`docs/rapport-page1.png (from ${pdf})`);
