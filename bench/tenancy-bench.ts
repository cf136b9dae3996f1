// `npm run bench:tenancy [-- memory scheduler requests]`: Vigie hosting several cities in OAuth mode — 10 installed
// workspaces, 50 contracts, 3,000 commitments (50,000 updates), 5 meetings per contract, on the embedded database.
//   memory     resident memory of the app (`node dist/src/main.js`, as `npm start` runs it) after start;
//   scheduler  the scheduler's passes in-process at a working hour: the catch-up pass, then steady passes (nothing
//              new due, target < 1 s), then a pass after one progress update;
//   requests   `/csi etat`, `/csi voir REF` and the progress form's submission, each addressed to the contracts of
//              every workspace in turn, beside the bare-Bolt floor (bench/floor-app.ts) measured in the same run:
//              p99 at 1 client ≤ 3× the floor (answer for the commands, ack for the submission), throughput at
//              50 clients ≥ 50 % of the floor's.
// All three by default. Env: BENCH_DATA_DIR (the data is generated there once, and each later run works on a copy
// of it), BENCH_REQUESTS (default 300), BENCH_WARMUP (default 30), BENCH_CPU_PROF=dir (a V8 CPU profile of Vigie
// per thread, written there when it stops), BENCH_SCENARIOS=progress,etat,voir (only the request scenarios whose name
// contains one of these words).
// The scheduler's passes run in this process: with the wasm settings of `npm start` (src/main.ts imports it first).
import "../src/app/wasm-baseline.js";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { startVigie } from "../src/app/start-vigie.js";
import { loadConfig } from "../src/config.js";
import { nextWorkingDay } from "../src/domain/calendar.js";
import { type PlanTimings, planDeliveries } from "../src/jobs/plan-deliveries.js";
import { FakeSlack } from "../src/local/slack-stand-in.js";
import { createLogger } from "../src/logger.js";
import { openDatabase } from "../src/store/database.js";
import { readContractSeed, seedContract } from "../src/store/seed.js";
import { createStore } from "../src/store/store.js";
import { type LoadTarget, sendCommand, sendInteraction } from "./load.js";
import { processMemory, ROOT, startServerChild, stopChild } from "./processes.js";
import { runScenarios, type Scenario, type ScenarioResult } from "./scenarios.js";
import { fmt, formatTable, ratio, verdict } from "./stats.js";
import { progressSubmission } from "./submissions.js";

const WORKSPACES = 10;
const CONTRACTS = 50;
const COMMITMENTS = 3_000;
const UPDATES = 50_000;
const MEETINGS_PER_CONTRACT = 5;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const CONCURRENCY = [1, 50] as const;
/** BENCH_SCENARIOS=progress,etat: only the request scenarios whose name contains one of these words. */
const ONLY = process.env.BENCH_SCENARIOS?.split(",").filter(Boolean);
export const TENANCY_TARGETS = {
  memoryMb: 250,
  steadyPassMs: 1_000,
  /** p99 at 1 client, as a multiple of the floor's: the answer of a command, the ack of a submission. */
  p99RatioAt1: 3,
  /** Throughput at 50 clients, as a share of the floor's. */
  throughputShareAt50: 0.5,
} as const;

const SIGNING_SECRET = "8f742231b10e8888abcd99aabbcc85a5";
const TOKEN_KEY = Buffer.alloc(32, 9).toString("base64");
const team = (w: number) => `T0CITY${String(w).padStart(2, "0")}`;
/** Contracts 2…50 (1 is Chambéry, seeded): their workspace, ref, channel and coordinator. */
const workspaceOf = (c: number) => ((c - 1) % WORKSPACES) + 1;
const contractRef = (c: number) => `CSI-${String(c).padStart(2, "0")}`;
const channelOf = (c: number) => `C0CH${c}`;
const coordinatorOf = (c: number) => `U0CO${c}`;
const env = (dataDir: string, apiUrl: string) => ({
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_CLIENT_ID: "1111.2222",
  SLACK_CLIENT_SECRET: "0123456789abcdef0123456789abcdef",
  SLACK_STATE_SECRET: "un-secret-d-etat-assez-long",
  VIGIE_TOKEN_KEY: TOKEN_KEY,
  // Chambéry, seeded without a workspace, is the first workspace's.
  SLACK_TEAM_ID: team(1),
  SLACK_APP_ID: "A0VIGIE",
  SLACK_API_URL: apiUrl,
  DATA_DIR: dataDir,
  CSI_SCHEDULER: "off",
  LOG_LEVEL: "error",
  NODE_ENV: "production",
});
const log = (line: string) => process.stdout.write(`[tenancy] ${line}\n`);
const load = () => (loadavg()[0] ?? 0).toFixed(2);

/** The data, written straight into an embedded database in `dataDir` (kept as it is when already there). */
async function generate(dataDir: string): Promise<void> {
  if (existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`data: reused from ${dataDir}`);
    return;
  }
  const t = performance.now();
  const db = await openDatabase({ dataDir });
  await db.migrate();
  await seedContract(db.prisma, await readContractSeed());
  const store = createStore(db.prisma, { tokenKey: Buffer.from(TOKEN_KEY, "base64") });
  for (let w = 1; w <= WORKSPACES; w++) {
    const installation = {
      team: { id: team(w) },
      enterprise: undefined,
      user: { id: `U0INST${w}`, token: undefined, scopes: undefined },
      bot: { token: `xoxb-${team(w)}-bench`, scopes: ["chat:write"], id: "B0VIGIE", userId: "U0VIGIE" },
      appId: "A0VIGIE",
      isEnterpriseInstall: false,
      authVersion: "v2",
    };
    await store.installations.save(
      {
        teamId: team(w),
        enterpriseId: null,
        enterpriseInstall: false,
        appId: "A0VIGIE",
        botUserId: "U0VIGIE",
        installedBy: `U0INST${w}`,
        tokenExpiresAt: null,
      },
      JSON.stringify(installation),
      new Date(),
    );
  }
  const seededCount = await db.prisma.commitment.count();
  const perContract = Math.floor((COMMITMENTS - seededCount) / (CONTRACTS - 1));
  for (let c = 2; c <= CONTRACTS; c++) {
    const ref = contractRef(c);
    const contract = await db.prisma.contract.create({
      data: {
        ref,
        title: `Contrat de sécurité intégrée n° ${c}`,
        teamId: team(workspaceOf(c)),
        signedOn: new Date("2025-01-01T00:00:00Z"),
        endsOn: new Date("2027-12-31T00:00:00Z"),
        timezone: c % 7 === 0 ? "America/Cayenne" : "Europe/Paris",
        channelId: channelOf(c),
        digestChannelId: `C0DG${c}`,
        parties: { create: [{ code: "ETAT", label: "État", signatory: "Préfet", position: 0 }] },
        roles: { create: [{ userId: coordinatorOf(c), role: "COORDINATOR", grantedBy: coordinatorOf(c) }] },
      },
    });
    const count = c === CONTRACTS ? COMMITMENTS - seededCount - perContract * (CONTRACTS - 2) : perContract;
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Commitment" (id, "contractId", ref, "partyCode", title, "dueOn", status, progress, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, $2 || '-' || lpad(n::text, 3, '0'), 'ETAT', 'Engagement ' || n,
         current_date + ((n * 7) % 400 - 100), 'ON_TRACK', (n * 13) % 100, now() - interval '300 days', now()
       FROM generate_series(1, $3::int) AS n`,
      contract.id,
      ref,
      count,
    );
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "CommitmentOwner" ("commitmentId", "userId")
       SELECT id, 'U0OW' || $2 || '-' || (abs(hashtext(ref)) % 20) FROM "Commitment" WHERE "contractId" = $1::uuid`,
      contract.id,
      String(c),
    );
    // Meetings over the next two months, scheduled a month ago, each with four of the contract's owners.
    await db.prisma.$executeRawUnsafe(
      `WITH m AS (
         INSERT INTO "Meeting" (id, "contractId", kind, title, "startsAt", place, "channelId", "createdBy", "createdAt")
         SELECT gen_random_uuid(), $1::uuid, (ARRAY['GLTD','COPIL','CLSPD','OTHER']::"MeetingKind"[])[1 + k % 4],
           'Réunion ' || k, date_trunc('day', now()) + make_interval(days => k * 12 - 3, hours => 9 + k % 6),
           'Mairie, salle ' || k, $2, $3, now() - interval '30 days'
         FROM generate_series(1, $4::int) AS k
         RETURNING id
       )
       INSERT INTO "MeetingAttendee" ("meetingId", "userId")
       SELECT m.id, 'U0OW' || $5 || '-' || ((abs(hashtext(m.id::text)) + a) % 20) FROM m, generate_series(1, 4) AS a
       ON CONFLICT DO NOTHING`,
      contract.id,
      channelOf(c),
      coordinatorOf(c),
      MEETINGS_PER_CONTRACT,
      String(c),
    );
  }
  const total = await db.prisma.commitment.count();
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "ProgressUpdate" (id, "commitmentId", version, "authorId", "createdAt", status, progress, comment)
     SELECT gen_random_uuid(), c.id, 1, 'U0AUTHOR', now() - make_interval(days => k * 7), 'ON_TRACK', k,
       'Point d''étape : réunion partenariale tenue.'
     FROM "Commitment" c, generate_series(1, $1::int) AS k`,
    Math.ceil(UPDATES / total),
  );
  const counts = {
    workspaces: await db.prisma.installation.count(),
    contracts: await db.prisma.contract.count(),
    commitments: total,
    updates: await db.prisma.progressUpdate.count(),
    meetings: await db.prisma.meeting.count(),
  };
  await db.prisma.$executeRawUnsafe("ANALYZE");
  await db.close();
  log(`data: ${JSON.stringify(counts)} in ${Math.round(performance.now() - t)} ms`);
}

/** Resident memory of the app after start, as `npm start` runs it (its own process). */
async function measureMemory(dataDir: string, slack: FakeSlack, work: string): Promise<void> {
  const child = await startServerChild("dist/src/main.js", env(dataDir, slack.apiUrl), path.join(work, "app.log"));
  await new Promise((r) => setTimeout(r, 2_000)); // settled after start
  const memory = processMemory(child.child.pid);
  await stopChild(child.child);
  log(
    `cold start ${Math.round(child.coldStartMs)} ms; memory after start: RSS ${memory?.rssMb} MB (peak ${memory?.peakMb} MB),` +
      ` target < ${TENANCY_TARGETS.memoryMb} MB: ${verdict(memory?.rssMb, TENANCY_TARGETS.memoryMb)} (load ${load()})`,
  );
}

/** 10:00 in Paris on today's date if it is a working day, else on the next one: a pass where messages may go out. */
function workingHour(): Date {
  const today = DateTime.now().setZone("Europe/Paris").toISODate() ?? "";
  const day = nextWorkingDay(today);
  return DateTime.fromISO(`${day}T10:00`, { zone: "Europe/Paris" }).toJSDate();
}

/** The scheduler's passes in-process: each workspace with its own token, each contract with its own settings. */
async function measureScheduler(dataDir: string, slack: FakeSlack): Promise<void> {
  const config = loadConfig(env(dataDir, slack.apiUrl));
  const vigie = await startVigie(config, { log: createLogger({ level: "warn", json: false }), scheduler: "manual" });
  const at = workingHour();
  const minute = (n: number) => new Date(at.getTime() + n * 60_000);
  try {
    const pass = async (label: string, now: Date) => {
      const before = slack.calls.length;
      const t = performance.now();
      const report = await vigie.scheduler.runPass(now);
      const ms = Math.round(performance.now() - t);
      const tokens = new Set(slack.calls.slice(before).map((c) => c.token)).size;
      log(
        `${label}: ${ms} ms — planned ${report.planned}, sent ${report.sent}, obsolete ${report.obsolete}, messages ${report.messages}, tokens used ${tokens} (load ${load()})`,
      );
      return ms;
    };
    await pass(`catch-up pass at ${at.toISOString()} (sends what is due)`, minute(0));
    const steady = [
      await pass("steady pass (nothing new due)", minute(1)),
      await pass("steady pass, again", minute(2)),
    ];
    log(
      `steady pass target < ${TENANCY_TARGETS.steadyPassMs} ms: ${verdict(Math.max(...steady), TENANCY_TARGETS.steadyPassMs)}`,
    );
    // A change between passes is read at the next one (its contract is planned again).
    const one = await vigie.deps.db.prisma.commitment.findFirstOrThrow({ where: { ref: `${contractRef(2)}-001` } });
    await vigie.deps.db.prisma.commitment.update({ where: { id: one.id }, data: { progress: { increment: 1 } } });
    await pass("pass after one commitment changed", minute(3));
    // Where a plan over every contract spends its time (one plan, unscoped).
    const timings: PlanTimings = {};
    const t = performance.now();
    await planDeliveries(vigie.deps, minute(4), timings);
    log(
      `plan over all contracts: ${Math.round(performance.now() - t)} ms ${JSON.stringify(
        Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
      )}`,
    );
  } finally {
    await vigie.stop();
  }
}

interface Submission {
  payload: Record<string, unknown>;
  userId: string;
}

/** One progress submission per commitment, taken from every contract in turn (each on its own workspace). */
async function prepareSubmissions(dataDir: string, count: number): Promise<Submission[]> {
  const db = await openDatabase({ dataDir });
  try {
    const store = createStore(db.prisma, { tokenKey: Buffer.from(TOKEN_KEY, "base64") });
    const contracts = new Map((await store.contracts.list()).map((c) => [c.ref, c]));
    const out: Submission[] = [];
    for (let i = 0; out.length < count; i++) {
      const c = 2 + (i % (CONTRACTS - 1));
      const n = 1 + Math.floor(i / (CONTRACTS - 1));
      const contract = contracts.get(contractRef(c));
      const commitment =
        contract && (await store.commitments.findByRef(contract.id, `${contractRef(c)}-${String(n).padStart(3, "0")}`));
      const ownerId = commitment?.owners[0];
      if (!commitment || !ownerId) throw new Error(`bench data: commitment ${n} of ${contractRef(c)} not found`);
      out.push({ payload: progressSubmission(commitment, ownerId, `VTEN${i}`, team(workspaceOf(c))), userId: ownerId });
    }
    return out;
  } finally {
    await db.close();
  }
}

/** Commands typed in each contract's channel by its coordinator, contract after contract. */
function scenarios(submissions: readonly Submission[]): Scenario[] {
  const place = (i: number) => {
    const c = 2 + (i % (CONTRACTS - 1));
    return { c, where: { teamId: team(workspaceOf(c)), channelId: channelOf(c) } };
  };
  let views = 0;
  const all: Scenario[] = [
    {
      name: "/csi etat",
      send: () => (t, i) => {
        const { c, where } = place(i);
        return sendCommand(t, "etat", coordinatorOf(c), where);
      },
    },
    {
      name: "/csi voir REF",
      send: () => (t, i) => {
        const { c, where } = place(i);
        const ref = `${contractRef(c)}-${String(1 + ((i * 7) % 60)).padStart(3, "0")}`;
        return sendCommand(t, `voir ${ref}`, coordinatorOf(c), where);
      },
    },
    {
      name: "view_submission (progress)",
      consumes: true,
      // Each submission is a new view id (Slack's idempotency key) on a commitment no other request touches.
      send: (_target, offset) => (t, i) => {
        const s = submissions[(offset + i) % submissions.length];
        if (!s) throw new Error("no prepared submission");
        const view = { ...(s.payload.view as Record<string, unknown>), id: `VT${++views}x${offset + i}` };
        return sendInteraction(t, { ...s.payload, view }, s.userId);
      },
    },
  ];
  return all.filter((s) => !ONLY || ONLY.some((word) => s.name.includes(word)));
}

/** The judged figure of a row: p99 ratio at 1 client (answer of commands, ack of the submission), throughput share at 50. */
function judged(r: ScenarioResult): { measure: string; value: number | null; target: string; result: string } {
  if (r.concurrency === 1) {
    const submission = r.scenario.startsWith("view_submission");
    const value = submission ? r.ackRatioP99 : r.answerRatioP99;
    return {
      measure: submission ? "ack p99 / floor" : "answer p99 / floor",
      value,
      target: `≤ ${TENANCY_TARGETS.p99RatioAt1}`,
      result: value === null ? "n/a" : value <= TENANCY_TARGETS.p99RatioAt1 ? "pass" : "miss",
    };
  }
  const share = ratio(r.ours?.throughput, r.floor?.throughput);
  return {
    measure: "throughput / floor",
    value: share,
    target: `≥ ${TENANCY_TARGETS.throughputShareAt50}`,
    result: share === null ? "n/a" : share >= TENANCY_TARGETS.throughputShareAt50 ? "pass" : "miss",
  };
}

async function measureRequests(dataDir: string, slack: FakeSlack, work: string): Promise<void> {
  const submissions = await prepareSubmissions(dataDir, 2 * (REQUESTS + WARMUP) + 2);
  // BENCH_CPU_PROF=dir: Vigie writes a V8 CPU profile per thread there when it stops (Chrome DevTools reads it).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const vigie = await startServerChild("dist/src/main.js", env(dataDir, slack.apiUrl), path.join(work, "app.log"), {
    nodeArgs: profile,
  });
  const floor = await startServerChild(
    "bench/floor-app.ts",
    { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-1111-2222-benchtoken", SLACK_API_URL: slack.apiUrl },
    path.join(work, "floor.log"),
  );
  const target = (baseUrl: string): LoadTarget => ({ baseUrl, slack, signingSecret: SIGNING_SECRET });
  const loadStart = load();
  let results: ScenarioResult[];
  try {
    results = await runScenarios(slack, target(vigie.baseUrl), target(floor.baseUrl), scenarios(submissions), {
      requests: REQUESTS,
      warmup: WARMUP,
      concurrency: CONCURRENCY,
      log,
    });
  } finally {
    await stopChild(vigie.child);
    await stopChild(floor.child);
  }
  const rows = [
    [
      "scenario",
      "clients",
      "ack p99",
      "answer p99",
      "req/s",
      "floor ack p99",
      "floor ans p99",
      "floor req/s",
      "judged",
      "value",
      "target",
      "result",
    ],
  ];
  for (const r of results) {
    const j = judged(r);
    const late = (r.ours?.failures ?? 0) + (r.ours?.missedAckWindow ?? 0);
    rows.push([
      r.scenario,
      String(r.concurrency),
      fmt(r.ours?.ack.p99),
      fmt(r.ours?.answer.p99),
      fmt(r.ours?.throughput),
      fmt(r.floor?.ack.p99),
      fmt(r.floor?.answer.p99),
      fmt(r.floor?.throughput),
      j.measure,
      fmt(j.value, 2),
      j.target,
      r.notBuilt
        ? `n/a (${r.notBuilt})`
        : `${j.result}${late ? ` (${r.ours?.failures} failed, ${r.ours?.missedAckWindow} over 3 s)` : ""}`,
    ]);
  }
  process.stdout.write(
    `\n${REQUESTS} requests per row after ${WARMUP} of warm-up, times in ms; load ${loadStart} → ${load()} on ${cpus().length} CPUs\n${formatTable(rows)}\n\n`,
  );
}

const PARTS = ["memory", "scheduler", "requests"] as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(PARTS as readonly string[]).includes(a));
if (unknown.length) throw new Error(`unknown part ${unknown.join(", ")}: choose among ${PARTS.join(", ")}`);
const parts = asked.length ? asked : PARTS;

execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: ROOT, stdio: "inherit" });
const kept = process.env.BENCH_DATA_DIR;
const work = await mkdtemp(path.join(tmpdir(), "vigie-tenancy-"));
const dataDir = path.join(work, "data");
const slack = await new FakeSlack().start();
try {
  log(`load ${load()} on ${cpus().length} CPUs; parts: ${parts.join(", ")}`);
  if (kept) {
    // Generated once; every run starts from the same data (the scheduler and the submissions write).
    await mkdir(kept, { recursive: true });
    await generate(path.resolve(kept));
    await cp(path.resolve(kept), dataDir, { recursive: true });
  } else await generate(dataDir);
  if (parts.includes("memory")) await measureMemory(dataDir, slack, work);
  if (parts.includes("scheduler")) await measureScheduler(dataDir, slack);
  if (parts.includes("requests")) await measureRequests(dataDir, slack, work);
} finally {
  await slack.stop();
  await rm(work, { recursive: true, force: true });
}
