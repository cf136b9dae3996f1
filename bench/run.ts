// `npm run bench`: Vigie under load through its real HTTP receiver, beside a bare Bolt app (the floor).
//
// Layout (why): the app under test runs alone in a child process (`node dist/src/main.js` as `npm start` runs it, built first; the
// production entry; the floor is bench/floor-app.ts, the same Bolt and HTTPReceiver), while this process
// generates the load and plays Slack (FakeSlack on 127.0.0.1 records response_url posts and Web API
// calls). So the server's event loop is not shared with the client's, both apps are measured exactly
// the same way, and the child's resident memory is the app's alone. Loopback only.
//
// Per database (PGlite always; PostgreSQL too when DATABASE_URL is set):
//   1. data: Chambéry seeded as in production, grown to 5,000 commitments / 50,000 updates (+ audit trail);
//   2. cold start of Vigie on that database (spawn → GET /healthz 200) and its memory;
//   3. /csi etat, /csi voir REF, view_submission of the progress modal: 300 signed requests each at 1 and
//      at 50 concurrent clients, on the floor then on Vigie, timed to the ack and to the answer;
//   4. memory after the load; cold start on a fresh database (initdb/migrations/seed);
//   5. in-process: weekly digest and App Home for that contract; one scheduler pass over 10,000
//      commitments and 500 meetings.
// Env: DATABASE_URL (optional), BENCH_REQUESTS (default 300), BENCH_WARMUP (default 30).
// One part at a time (README, « Mesures de performance »): BENCH_ONLY=etat,voir,progress,digest,home,scheduler,fresh,documents
// (the steps to run), BENCH_DATABASES=pglite|postgres, BENCH_CLIENTS=1,50. A partial run writes
// bench/tmp/results.json, never bench/results.json (the reference figures of a full run). BENCH_CPU_PROF=dir: Vigie
// runs with node --cpu-prof and leaves one profile per thread there.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.js";
import { FakeSlack } from "../src/local/slack-stand-in.js";
import type { Database } from "../src/store/database.js";
import { createStore } from "../src/store/store.js";
import { type BenchContract, type ContractCounts, countContract, growContract } from "./data.js";
import { type BenchDatabase, pgliteDatabase, postgresDatabase } from "./databases.js";
import { benchDocuments, documentsTable } from "./documents-bench.js";
import { sendCommand, sendInteraction } from "./load.js";
import { type Memory, processMemory, ROOT, startServerChild, stopChild } from "./processes.js";
import { runScenarios, type Scenario, type ScenarioResult } from "./scenarios.js";
import { fmt, formatTable, type Verdict, verdict } from "./stats.js";
import { progressSubmission } from "./submissions.js";
import { type TimedRow, timeDigestAndHome, timeSchedulerPass } from "./use-cases.js";

// The app runs as `npm start` runs it: compiled to dist/ first (npm run build), then plain node.
const APP_ENTRY = "dist/src/main.js";
execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: ROOT, stdio: "inherit" });

const SIGNING_SECRET = "8f742231b10e8888abcd99aabbcc85a5";
const BOT_TOKEN = "xoxb-1111-2222-benchtoken";
const COORDINATOR = "U0COORD01";
const READER = "U0MEMBER1";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const CONCURRENCY: readonly number[] = (process.env.BENCH_CLIENTS ?? "1,50").split(",").map(Number);
const SIZE = { commitments: 5_000, updates: 50_000, meetings: 50 };
const SCHEDULER_SIZE = { commitments: 10_000, updates: SIZE.updates, meetings: 500 };

export const TARGETS = {
  answerP99At50Ms: 100,
  ackRatioP99: 1.5,
  digestMs: 500,
  memoryMb: 250,
} as const;

/** The parts BENCH_ONLY may name; a full run (BENCH_ONLY unset) runs them all. */
const PARTS = ["etat", "voir", "progress", "digest", "home", "scheduler", "fresh", "documents"] as const;
type Part = (typeof PARTS)[number];
const only = process.env.BENCH_ONLY?.split(",").map((p) => p.trim());
const unknownParts = only?.filter((p) => !(PARTS as readonly string[]).includes(p)) ?? [];
if (unknownParts.length) throw new Error(`BENCH_ONLY: unknown ${unknownParts.join(", ")} (parts: ${PARTS.join(", ")})`);
const selected = (part: Part): boolean => !only || only.includes(part);

interface RunResult {
  database: "pglite" | "postgres";
  data: ContractCounts & { generateMs: number; analyzed: boolean };
  coldStart: { seededMs: number; freshMs: number | null; freshError?: string };
  memory: {
    afterStart: Memory | null;
    afterRun: Memory | null;
    freshStart: Memory | null;
    floorAfterStart: Memory | null;
  };
  scenarios: ScenarioResult[];
  useCases: TimedRow[];
  /** 1-minute load average of the machine at the start and at the end of this run (others share the CPU). */
  loadAverage: { start: number; end: number };
}

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);
const round2 = (x: number) => Math.round(x * 100) / 100;
const since = (t: number) => Math.round(performance.now() - t);

// ---------------------------------------------------------------------------------------------
// Databases (bench/databases.ts) as Vigie sees them

function vigieEnv(slack: FakeSlack, db: BenchDatabase): Record<string, string> {
  return {
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    CSI_COORDINATORS: COORDINATOR,
    // The workspace and app the load generator's payloads name (bench/load.ts, bench/submissions.ts): served-only
    // refuses any other with a silent 200, which the bench would read as « no answer ».
    SLACK_TEAM_ID: "T0BENCH",
    SLACK_APP_ID: "A0VIGIE",
    // The scheduler's pass is measured on its own (step 5): here it would post thousands of catch-up
    // reminders into the middle of the HTTP measures.
    CSI_SCHEDULER: "off",
    ...db.env,
  };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

interface Prepared {
  contract: BenchContract;
  /** view_submission payloads, one per commitment (and so per owner): the answer is matched by user. */
  submissions: { payload: Record<string, unknown>; userId: string }[];
}

async function prepare(db: Database, contract: BenchContract, count: number): Promise<Prepared> {
  const store = createStore(db.prisma);
  const submissions: Prepared["submissions"] = [];
  for (const { ref, ownerId } of contract.owned.slice(0, count)) {
    const commitment = await store.commitments.findByRef(contract.contractId, ref);
    if (!commitment) throw new Error(`bench data: ${ref} not found`);
    submissions.push({
      payload: progressSubmission(commitment, ownerId, `VBENCH${submissions.length}`),
      userId: ownerId,
    });
  }
  return { contract, submissions };
}

function scenarios(p: Prepared): Scenario[] {
  let views = 0;
  const all: (Scenario & { part: Part })[] = [
    { name: "/csi etat", part: "etat", send: () => (t) => sendCommand(t, "etat", READER) },
    {
      name: "/csi voir REF",
      part: "voir",
      send: () => (t, i) =>
        sendCommand(
          t,
          `voir ${p.contract.seededRefs[(i * 7) % p.contract.seededRefs.length] ?? p.contract.sampleRef}`,
          READER,
        ),
    },
    {
      name: "view_submission (progress)",
      part: "progress",
      consumes: true,
      // Each submission is a new view id (Slack's idempotency key) on a commitment no other request touches.
      send: (_target, offset) => (t, i) => {
        const s = p.submissions[(offset + i) % p.submissions.length];
        if (!s) throw new Error("no prepared submission");
        const view = { ...(s.payload.view as Record<string, unknown>), id: `VB${++views}x${offset + i}` };
        return sendInteraction(t, { ...s.payload, view }, s.userId);
      },
    },
  ];
  return all.filter((s) => selected(s.part));
}

/** Vigie started on a database it creates: initdb (PGlite), migrations, seed. */
async function freshColdStart(
  kind: "pglite" | "postgres",
  slack: FakeSlack,
  work: string,
): Promise<{ freshMs: number | null; freshStart: Memory | null; freshError?: string }> {
  const fresh =
    kind === "pglite"
      ? await pgliteDatabase(path.join(work, "fresh"))
      : await postgresDatabase(process.env.DATABASE_URL ?? "", "fresh");
  try {
    const child = await startServerChild(APP_ENTRY, vigieEnv(slack, fresh), path.join(work, `vigie-${kind}-fresh.log`));
    const freshMs = child.coldStartMs;
    const freshStart = processMemory(child.child.pid);
    await stopChild(child.child);
    log(
      `vigie on a fresh database: /healthz 200 after ${Math.round(freshMs)} ms, RSS ${freshStart?.rssMb} MB, peak ${freshStart?.peakMb} MB`,
    );
    return { freshMs, freshStart };
  } catch (error) {
    const freshError = error instanceof Error ? error.message : String(error);
    log(`fresh cold start failed: ${freshError}`);
    return { freshMs: null, freshStart: null, freshError };
  } finally {
    await fresh.drop();
  }
}

// ---------------------------------------------------------------------------------------------
// One database kind, start to end

async function runOn(kind: "pglite" | "postgres", slack: FakeSlack, work: string): Promise<RunResult> {
  const loadStart = loadavg()[0] ?? 0;
  log(`=== ${kind} === (load average ${loadStart.toFixed(2)} on ${cpus().length} CPUs)`);
  const db =
    kind === "pglite" ? await pgliteDatabase(work) : await postgresDatabase(process.env.DATABASE_URL ?? "", "seeded");
  try {
    // 1. Data
    let t = performance.now();
    const handle = await db.open();
    let prepared: Prepared;
    let counts: ContractCounts;
    // PostgreSQL's autovacuum analyses tables after such a load; embedded PGlite has no autovacuum and
    // nothing in Vigie runs ANALYZE, so PGlite is measured as production would find it.
    const analyzed = kind === "postgres";
    try {
      await handle.migrate();
      const contract = await growContract(handle.prisma, SIZE);
      if (analyzed) await handle.prisma.$executeRawUnsafe("ANALYZE");
      counts = await countContract(handle.prisma);
      prepared = await prepare(handle, contract, selected("progress") ? 2 * (REQUESTS + WARMUP) + 2 : 0);
    } finally {
      await handle.close();
    }
    const generateMs = since(t);
    log(`data: ${JSON.stringify(counts)} in ${generateMs} ms`);

    // 2. Cold start on the grown database, and the floor beside it
    const logFile = path.join(work, `vigie-${kind}.log`);
    // BENCH_CPU_PROF=dir: Vigie writes a V8 CPU profile per thread there when it stops (Chrome DevTools reads it).
    const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const vigie = await startServerChild(APP_ENTRY, vigieEnv(slack, db), logFile, { nodeArgs: profile });
    const afterStart = processMemory(vigie.child.pid);
    log(`vigie: /healthz 200 after ${Math.round(vigie.coldStartMs)} ms, RSS ${afterStart?.rssMb} MB`);
    const floorChild = await startServerChild(
      "bench/floor-app.ts",
      { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl },
      path.join(work, "floor.log"),
    );
    const floorAfterStart = processMemory(floorChild.child.pid);
    let scenarioResults: ScenarioResult[];
    let afterRun: Memory | null;
    try {
      // 3. Load
      scenarioResults = await runScenarios(
        slack,
        { baseUrl: vigie.baseUrl, slack, signingSecret: SIGNING_SECRET },
        { baseUrl: floorChild.baseUrl, slack, signingSecret: SIGNING_SECRET },
        scenarios(prepared),
        { requests: REQUESTS, warmup: WARMUP, concurrency: CONCURRENCY, log },
      );
      // 4. Memory after the load
      afterRun = processMemory(vigie.child.pid);
      log(`vigie after the run: RSS ${afterRun?.rssMb} MB, peak ${afterRun?.peakMb} MB`);
    } finally {
      await stopChild(vigie.child);
      await stopChild(floorChild.child);
      slack.reset();
    }

    // 4b. Cold start on a fresh database: initdb (PGlite), migrations, seed
    const { freshMs, freshStart, freshError } = selected("fresh")
      ? await freshColdStart(kind, slack, work)
      : { freshMs: null, freshStart: null, freshError: "not run (BENCH_ONLY)" };

    // 5. Digest, App Home, scheduler pass, in this process
    t = performance.now();
    const config = loadConfig({ ...vigieEnv(slack, db), PORT: "0" });
    const useCases: TimedRow[] = [];
    const again = await db.open();
    try {
      useCases.push(
        ...(await timeDigestAndHome(
          again,
          config,
          { busyOwnerId: prepared.contract.busyOwnerId, coordinatorId: COORDINATOR },
          { digest: selected("digest"), home: selected("home") },
        )),
      );
      if (selected("scheduler")) {
        await growContract(again.prisma, SCHEDULER_SIZE);
        if (analyzed) await again.prisma.$executeRawUnsafe("ANALYZE");
        useCases.push(...(await timeSchedulerPass(again, config, slack)));
      }
    } finally {
      await again.close();
    }
    log(`use cases timed in ${since(t)} ms`);

    return {
      database: kind,
      data: { ...counts, generateMs, analyzed },
      coldStart: {
        seededMs: Math.round(vigie.coldStartMs),
        freshMs: freshMs === null ? null : Math.round(freshMs),
        ...(freshError ? { freshError } : {}),
      },
      memory: { afterStart, afterRun, freshStart, floorAfterStart },
      scenarios: scenarioResults,
      useCases,
      loadAverage: { start: round2(loadStart), end: round2(loadavg()[0] ?? 0) },
    };
  } finally {
    await db.drop();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function scenarioTable(r: RunResult): string {
  const rows: string[][] = [
    [
      "scenario",
      "clients",
      "ack p50",
      "p95",
      "p99",
      "answer p50",
      "p95",
      "p99",
      "floor ack p99",
      "floor ans p99",
      "ack ratio",
      "ans ratio",
      "target",
      "result",
    ],
  ];
  for (const s of r.scenarios) {
    const o = s.ours;
    const target = answerJudged(s, r.database)
      ? `ans p99<${TARGETS.answerP99At50Ms}ms, ack ratio<${TARGETS.ackRatioP99}`
      : `ack ratio<${TARGETS.ackRatioP99}`;
    rows.push([
      s.scenario,
      String(s.concurrency),
      fmt(o?.ack.p50),
      fmt(o?.ack.p95),
      fmt(o?.ack.p99),
      fmt(o?.answer.p50),
      fmt(o?.answer.p95),
      fmt(o?.answer.p99),
      fmt(s.floor?.ack.p99),
      fmt(s.floor?.answer.p99),
      fmt(s.ackRatioP99, 2),
      fmt(s.answerRatioP99, 2),
      target,
      s.notBuilt ? "n/a (not built)" : scenarioVerdict(s, r.database),
    ]);
  }
  return formatTable(rows);
}

function worst(...vs: Verdict[]): Verdict {
  return vs.includes("miss") ? "miss" : vs.every((v) => v === "n/a") ? "n/a" : "pass";
}

/** The 100 ms answer target is set for PGlite at 50 clients; on PostgreSQL it is reported, not judged. */
const answerJudged = (s: ScenarioResult, database: string): boolean => s.concurrency === 50 && database === "pglite";

function scenarioVerdict(s: ScenarioResult, database: string): string {
  const checks: Verdict[] = [verdict(s.ackRatioP99, TARGETS.ackRatioP99)];
  if (answerJudged(s, database)) checks.push(verdict(s.ours?.answer.p99, TARGETS.answerP99At50Ms));
  const failures = s.ours?.failures ?? 0;
  const late = s.ours?.missedAckWindow ?? 0;
  return worst(...checks) + (failures || late ? ` (${late} over 3 s, ${failures} failed)` : "");
}

function otherTable(r: RunResult): string {
  const rows: string[][] = [["measure", "value", "target", "result"]];
  for (const u of r.useCases) {
    const warm = u.warmMedianMs !== undefined ? ` (warm ${fmt(u.warmMedianMs)} ms)` : "";
    const report = u.details?.report as Record<string, number> | undefined;
    const outcome = report ? ` (planned ${report.planned}, sent ${report.sent}, failed ${report.failed})` : "";
    rows.push([
      u.name,
      u.ms === null ? `n/a (${u.note ?? "not built"})` : `${fmt(u.ms)} ms${warm}${outcome}`,
      u.targetMs ? `<${u.targetMs} ms` : "",
      u.targetMs ? verdict(u.ms, u.targetMs) : "",
    ]);
  }
  const mem = (m: Memory | null) => (m ? `${fmt(m.rssMb)} MB` : "n/a");
  rows.push([
    "RSS after start (seeded database)",
    mem(r.memory.afterStart),
    `<${TARGETS.memoryMb} MB`,
    verdict(r.memory.afterStart?.rssMb, TARGETS.memoryMb),
  ]);
  rows.push([
    "RSS after the run",
    mem(r.memory.afterRun),
    `<${TARGETS.memoryMb} MB`,
    verdict(r.memory.afterRun?.rssMb, TARGETS.memoryMb),
  ]);
  rows.push([
    "peak RSS during the run (VmHWM)",
    r.memory.afterRun ? `${fmt(r.memory.afterRun.peakMb)} MB` : "n/a",
    "",
    "",
  ]);
  rows.push(["RSS after start (fresh database)", mem(r.memory.freshStart), "", ""]);
  rows.push([
    "peak RSS of the fresh start",
    r.memory.freshStart ? `${fmt(r.memory.freshStart.peakMb)} MB` : "n/a",
    "",
    "",
  ]);
  rows.push(["floor RSS after start", mem(r.memory.floorAfterStart), "", ""]);
  rows.push(["cold start to /healthz 200 (seeded)", `${r.coldStart.seededMs} ms`, "", ""]);
  rows.push([
    "cold start to /healthz 200 (fresh)",
    r.coldStart.freshMs === null ? "n/a" : `${r.coldStart.freshMs} ms`,
    "",
    "",
  ]);
  return formatTable(rows, { alignNumbers: false });
}

async function main() {
  const started = performance.now();
  const work = await mkdtemp(path.join(tmpdir(), "vigie-bench-"));
  const slack = await new FakeSlack().start();
  const allKinds: ("pglite" | "postgres")[] = ["pglite", ...(process.env.DATABASE_URL ? (["postgres"] as const) : [])];
  const kinds = allKinds.filter(
    (k) => !process.env.BENCH_DATABASES || process.env.BENCH_DATABASES.split(",").includes(k),
  );
  if (kinds.length === 0) throw new Error("BENCH_DATABASES names no database to run (postgres needs DATABASE_URL)");
  const partial = only !== undefined || kinds.length < allKinds.length || CONCURRENCY.join() !== "1,50";
  const runs: RunResult[] = [];
  try {
    for (const kind of kinds) runs.push(await runOn(kind, slack, work));
  } finally {
    await slack.stop();
    await rm(work, { recursive: true, force: true });
  }
  // Issue 12: the COPIL report (16 and 500 commitments) and the digest by e-mail to 50 recipients, each in a child.
  const documents = selected("documents") ? await benchDocuments(log) : null;

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "?",
    memoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: process.platform,
  };
  for (const r of runs) {
    const d = r.data;
    process.stdout.write(
      `\n## ${r.database}: ${d.commitments} commitments, ${d.updates} updates, ${d.auditEntries} audit entries` +
        ` (${REQUESTS} requests per row after ${WARMUP} of warm-up; times in ms; load average ${r.loadAverage.start} → ${r.loadAverage.end}` +
        ` on ${cpus().length} CPUs)\n\n${scenarioTable(r)}\n\n${otherTable(r)}\n`,
    );
  }
  if (documents) process.stdout.write(`\n## report PDF and e-mail (child processes)\n\n${documentsTable(documents)}\n`);
  const results = {
    date: new Date().toISOString(),
    machine,
    settings: {
      requests: REQUESTS,
      warmup: WARMUP,
      concurrency: CONCURRENCY,
      size: SIZE,
      schedulerSize: SCHEDULER_SIZE,
      layout: "app and floor in child processes, load generator and fake Slack in the parent",
    },
    targets: TARGETS,
    runs,
    documents,
    totalMs: since(started),
  };
  // A partial run is for comparing one part before and after a change: the reference figures stay as they are.
  const file = path.join(ROOT, "bench", ...(partial ? ["tmp", "results.json"] : ["results.json"]));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(
    `\nmachine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; total ${Math.round(results.totalMs / 1000)} s; written ${path.relative(process.cwd(), file)}\n`,
  );
}

await main();
