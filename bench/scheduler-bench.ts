// One scheduler pass over 10,000 commitments and 500 meetings on PGlite, and the delivery rate it
// sustains against the fake Slack API limited to one message per second per channel.
// Run: node --import tsx bench/scheduler-bench.ts [lanes]          (the first pass runs to its end;
//        SEND_SECONDS=40 stops it after 40 s, and the p99 then covers only what was sent)
//      SCHEDULER_BENCH_DATABASE_URL=postgres://… node --import tsx bench/scheduler-bench.ts
//        the same on a PostgreSQL server, in a database created for the run and dropped after it
// Importing this file runs nothing: the functions below are exported for other benches.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { AppDeps } from "../src/app/deps.js";
import { type Config, loadConfig } from "../src/config.js";
import { addDays } from "../src/domain/calendar.js";
import { type PlanTimings, planDeliveries } from "../src/jobs/plan-deliveries.js";
import { createScheduler } from "../src/jobs/scheduler.js";
import { createLogger, type Logger } from "../src/logger.js";
import { createSenderClient, createSlackSender } from "../src/slack/slack-sender.js";
import { type Database, openDatabase } from "../src/store/database.js";
import { readContractSeed, seedContract } from "../src/store/seed.js";
import { createStore } from "../src/store/store.js";
import { FakeSlack } from "../test/support/fake-slack.js";
import { postgresDatabase } from "./databases.js";

export const BENCH_NOW = new Date("2026-12-08T08:00:00Z"); // Tuesday 09:00 Paris
const TODAY = "2026-12-08";

export interface BenchData {
  commitments: number;
  meetings: number;
  /** ~4 commitments each: several messages per DM channel, as in real life. */
  owners: number;
}
export const DEFAULT_BENCH_DATA: BenchData = { commitments: 10_000, meetings: 500, owners: 2_000 };

export interface SchedulerBench {
  db: Database;
  deps: AppDeps;
  slack: FakeSlack;
  config: Config;
  log: Logger;
  /** 429 answers seen by the sender (counted, not printed). */
  rateLimited: () => number;
  setupMs: number;
  close(): Promise<void>;
}

/**
 * A fresh database with the bench's data (in-memory PGlite, or a database created on the PostgreSQL
 * server `serverUrl` and dropped by close()), and a fake Slack paced at 1 msg/s/channel.
 */
export async function setupSchedulerBench(
  data: BenchData = DEFAULT_BENCH_DATA,
  serverUrl?: string,
): Promise<SchedulerBench> {
  const slack = await new FakeSlack().start();
  slack.perChannelIntervalMs = 1000;
  const config = loadConfig({
    NODE_ENV: "production",
    SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99aabbcc85a5",
    SLACK_BOT_TOKEN: "xoxb-1111-2222-benchtoken",
    SLACK_API_URL: slack.apiUrl,
    CSI_COORDINATORS: "U0COORD01,U0COORD02",
    CSI_DIGEST_CHANNEL: "C0DIGEST",
    CSI_SCHEDULER: "off",
    DATA_DIR: "memory://",
  });
  let rateLimited = 0;
  const log = createLogger({
    level: "warn",
    json: false,
    write: (l) => void (l.includes("slack.rate_limited") ? rateLimited++ : process.stderr.write(`${l}\n`)),
  });

  const t0 = performance.now();
  const server = serverUrl ? await postgresDatabase(serverUrl, "scheduler") : null;
  const db = server ? await server.open() : await openDatabase({ dataDir: "memory://" });
  await db.migrate();
  await seedContract(db.prisma, await readContractSeed());
  const store = createStore(db.prisma);
  const contract = await db.prisma.contract.findFirstOrThrow();
  await store.roles.ensureCoordinators(config.coordinators, contract.id);
  // Due dates spread from 120 days ago to 60 days ahead; one in ten updated recently.
  let rnd = 42;
  const random = () => (rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const commitments = Array.from({ length: data.commitments }, (_, i) => ({
    id: randomUUID(),
    contractId: contract.id,
    ref: `B-${String(i).padStart(5, "0")}`,
    partyCode: ["ETAT", "VILLE", "PARQUET"][i % 3] ?? "VILLE",
    title: `Engagement de banc d'essai ${i}`,
    dueOn: new Date(`${addDays(TODAY, Math.floor(random() * 180) - 120)}T00:00:00Z`),
    status: (["ON_TRACK", "AT_RISK", "LATE", "NOT_STARTED"] as const)[i % 4],
    progress: Math.floor(random() * 100),
    lastUpdateAt: random() < 0.1 ? new Date("2026-12-01T10:00:00Z") : new Date("2026-09-01T10:00:00Z"),
    // Long before the bench's clock: a reminder due before its commitment existed is not owed.
    createdAt: new Date("2026-01-05T09:00:00Z"),
  }));
  for (let i = 0; i < commitments.length; i += 1000)
    await db.prisma.commitment.createMany({ data: commitments.slice(i, i + 1000) });
  const owners = commitments.map((c, i) => ({
    commitmentId: c.id,
    userId: `U0OWN${String(i % data.owners).padStart(5, "0")}`,
  }));
  for (let i = 0; i < owners.length; i += 2000)
    await db.prisma.commitmentOwner.createMany({ data: owners.slice(i, i + 2000) });
  for (let i = 0; i < data.meetings; i++) {
    await db.prisma.meeting.create({
      data: {
        contractId: contract.id,
        kind: (["GLTD", "COPIL", "CLSPD"] as const)[i % 3] ?? "COPIL",
        // One meeting a day from tomorrow, at 10:00 Paris: a few fall in the reminder windows.
        startsAt: new Date(`${addDays(TODAY, 1 + i)}T09:00:00Z`),
        channelId: `C0MEET${String(i).padStart(4, "0")}`,
        createdAt: new Date("2026-01-05T09:00:00Z"),
        agenda: "Point d'étape",
        attendees: {
          create: Array.from({ length: 5 }, (_, a) => ({
            userId: `U0ATT${String((i * 5 + a) % 400).padStart(4, "0")}`,
          })),
        },
      },
    });
  }
  const setupMs = performance.now() - t0;
  const deps: AppDeps = { config, db, store, log, now: () => BENCH_NOW };
  return {
    db,
    deps,
    slack,
    config,
    log,
    rateLimited: () => rateLimited,
    setupMs,
    async close() {
      await db.close();
      await slack.stop();
      await server?.drop();
    },
  };
}

/** planDeliveries at `now`, with the time of each of its phases (reads, compute, existing keys). */
export async function timePlan(deps: AppDeps, now: Date): Promise<{ ms: number; due: number; phases: PlanTimings }> {
  const phases: PlanTimings = {};
  const t = performance.now();
  const due = await planDeliveries(deps, now, phases);
  return { ms: performance.now() - t, due: due.length, phases };
}

/** Runs `fn` while a 10 ms timer watches the event loop: the longest the main thread was blocked. */
export async function withLoopDelay<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; maxBlockMs: number }> {
  let maxBlockMs = 0;
  let expected = performance.now() + 10;
  const watch = setInterval(() => {
    const at = performance.now();
    maxBlockMs = Math.max(maxBlockMs, at - expected);
    expected = at + 10;
  }, 10);
  const t = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - t;
    // A pass that never let the loop turn has not fired the timer yet: give it its turn, then read.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { value, ms, maxBlockMs };
  } finally {
    clearInterval(watch);
  }
}

/** Writes a SENT row for everything due at `now` (as if a first pass had delivered it all), in bulk. */
export async function markAllDelivered(deps: AppDeps, now: Date): Promise<number> {
  const due = await planDeliveries(deps, now);
  const rows = due.map((d) => ({
    key: d.key,
    kind: d.kind,
    target: d.target,
    occurrence: d.occurrence,
    dueAt: d.dueAt,
    state: "SENT" as const,
    claimedAt: now,
    claimedBy: "bench",
    attempts: 1,
    sentAt: now,
  }));
  for (let i = 0; i < rows.length; i += 2000)
    await deps.db.prisma.delivery.createMany({ data: rows.slice(i, i + 2000), skipDuplicates: true });
  return rows.length;
}

/** The delivery keys a chat.postMessage carried (several for a folded message). */
function keysOfPost(params: Record<string, unknown>): string[] {
  const meta = params.metadata as { event_payload?: { key?: string; keys?: string } } | undefined;
  const keys = (meta?.event_payload?.keys ?? "").split(" ").filter(Boolean);
  return keys.length ? keys : [meta?.event_payload?.key ?? ""];
}

const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
const fmtPhases = (p: PlanTimings) =>
  Object.entries(p)
    .map(([k, v]) => `${k} ${typeof v === "number" ? v.toFixed(0) : String(v)}`)
    .join(", ");

/** The whole bench: plan, first pass (paced sending for `sendSeconds`), then the every-minute pass with nothing new due. */
export async function runSchedulerBench(
  options: { lanes?: number; sendSeconds?: number; data?: BenchData; serverUrl?: string } = {},
): Promise<[string, string][]> {
  const lanes = options.lanes ?? 8;
  const sendSeconds = options.sendSeconds ?? 0;
  const data = options.data ?? DEFAULT_BENCH_DATA;
  const b = await setupSchedulerBench(data, options.serverUrl);
  const { deps, slack, config, log, db } = b;
  const NOW = BENCH_NOW;
  const sender = createSlackSender(createSenderClient(config.slack.botToken, config.slack.apiUrl), {
    log,
    perChannelIntervalMs: 1000,
  });
  const scheduler = createScheduler(deps, sender, { delivery: { lanes } });
  const quiet = createScheduler(deps, sender, { delivery: { lanes } });
  try {
    const plan = await timePlan(deps, NOW);

    // The first pass has thousands of messages to send; it is measured for `sendSeconds`, then stopped
    // the way the app stops it (the message in hand finishes, no new one is taken).
    // A full collection before each heap reading (without --expose-gc, which worker threads refuse).
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    const p = performance.now();
    const passStartMs = Date.now(); // the pass runs at the due instant: Slack's ok comes this long after it
    const running = scheduler.runPass(NOW);
    // Stopped early only when asked (SEND_SECONDS): a cut-off pass has no p99 for what it did not send.
    const timer = sendSeconds > 0 ? setTimeout(() => void scheduler.stop(), sendSeconds * 1000) : undefined;
    const first = await running;
    clearTimeout(timer);
    clearInterval(sampler);
    const firstS = (performance.now() - p) / 1000;

    // Where the memory is: FakeSlack keeps every call it answered (with its blocks); the app keeps nothing after the pass.
    gc();
    const heapAfterPass = process.memoryUsage().heapUsed;
    const recordedCalls = slack.calls.length;
    const recordedBytes = slack.calls.reduce((n, c) => n + JSON.stringify(c).length, 0);

    const posts = slack.callsTo("chat.postMessage");
    // Due instant → Slack's ok, per delivered item. The pass runs at NOW on a fixed clock while Slack answers
    // on the real one: an ok that came `x` ms after the pass started is at NOW + x. An item caught up from an
    // earlier slot (it fell due before NOW) is counted from NOW, the slot it goes out at; its lateness before
    // that is the catch-up's, not the sending's. A folded message answers for each of its keys.
    const dueAtOf = new Map(
      (await db.prisma.delivery.findMany({ select: { key: true, dueAt: true } })).map((r) => [
        r.key,
        r.dueAt.getTime(),
      ]),
    );
    const latencies = posts
      .flatMap((c) => {
        const ok = NOW.getTime() + (c.at - passStartMs);
        return keysOfPost(c.params).map((k) => ok - Math.max(dueAtOf.get(k) ?? NOW.getTime(), NOW.getTime()));
      })
      .sort((x, y) => x - y);
    const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? 0;
    const unsent =
      first.planned - first.sent - first.undeliverable - first.failed - (first.obsolete - (plan.due - first.planned));
    const channels = new Set(posts.map((c) => String(c.params.channel))).size;
    const perChannel = new Map<string, number[]>();
    for (const c of posts) {
      const ch = String(c.params.channel);
      const list = perChannel.get(ch);
      if (list) list.push(c.at);
      else perChannel.set(ch, [c.at]);
    }
    let minGap = Infinity;
    for (const times of perChannel.values())
      for (let i = 1; i < times.length; i++) minGap = Math.min(minGap, (times[i] ?? 0) - (times[i - 1] ?? 0));
    slack.calls.length = 0;
    gc();
    const heapWithoutRecord = process.memoryUsage().heapUsed;

    // A pass when nothing new is due: every key planned already has its row (the cost paid every minute).
    await db.prisma.$executeRawUnsafe(`UPDATE "Delivery" SET state = 'SENT' WHERE state = 'CLAIMED'`);
    await markAllDelivered(deps, NOW);
    await db.prisma.$executeRawUnsafe(`UPDATE "Delivery" SET state = 'SENT', "claimedAt" = now()`);
    const quietPlan = await timePlan(deps, NOW);
    const steady = await withLoopDelay(() => quiet.runPass(NOW));
    const steady2 = await withLoopDelay(() => quiet.runPass(new Date(NOW.getTime() + 60_000)));

    // One owner with 12 commitments overdue at this slot (due 1 December: overdue #1 on 8 December 09:00).
    const contract = await db.prisma.contract.findFirstOrThrow();
    for (let i = 0; i < 12; i++)
      await db.prisma.commitment.create({
        data: {
          contractId: contract.id,
          ref: `B-TWELVE-${i}`,
          partyCode: "VILLE",
          title: `En retard ${i}`,
          dueOn: new Date("2026-12-01T00:00:00Z"),
          status: "ON_TRACK",
          lastUpdateAt: new Date("2026-12-01T10:00:00Z"),
          createdAt: new Date("2026-01-05T09:00:00Z"),
          owners: { create: [{ userId: "U0TWELVE" }] },
        },
      });
    slack.calls.length = 0;
    const twelve = await quiet.runPass(new Date(NOW.getTime() + 120_000));
    const toTwelve = slack.callsTo("chat.postMessage").filter((c) => c.params.channel === "U0TWELVE").length;

    return [
      ["data", `${data.commitments} commitments (${data.owners} owners), ${data.meetings} meetings, ${db.kind}`],
      ["setup (migrate, seed, insert)", `${(b.setupMs / 1000).toFixed(1)} s`],
      [
        "plan: what is due (read + compute + existing keys)",
        `${plan.ms.toFixed(0)} ms → ${plan.due} deliveries (${fmtPhases(plan.phases)})`,
      ],
      [
        `first pass, ${sendSeconds > 0 ? `stopped after ${sendSeconds} s` : "to its end"} (lanes=${lanes})`,
        `${firstS.toFixed(1)} s, sent ${first.sent} of ${first.planned} planned (+${plan.due - first.planned} recorded obsolete), failed ${first.failed}, undeliverable ${first.undeliverable}, obsolete ${first.obsolete}`,
      ],
      ["sustained rate", `${(first.sent / firstS).toFixed(1)} deliveries/s over ${channels} channels/DMs`],
      [
        "Slack messages for those deliveries (folded per person)",
        `${first.messages} messages for ${first.sent} deliveries`,
      ],
      [
        "due instant → Slack ok, per delivered item",
        `p50 ${(pct(0.5) / 1000).toFixed(1)} s, p99 ${(pct(0.99) / 1000).toFixed(1)} s, max ${((latencies.at(-1) ?? 0) / 1000).toFixed(1)} s over ${latencies.length} items${unsent > 0 ? ` (${unsent} not sent before the stop: no figure for them)` : ""}`,
      ],
      ["429 answers from the 1 msg/s/channel limit", String(b.rateLimited())],
      [
        "smallest gap between two posts to one channel",
        Number.isFinite(minGap) ? `${minGap} ms` : "n/a (one post per channel)",
      ],
      ["peak rss during the first pass", mb(peakRss)],
      [
        "heap after it (after a full gc)",
        `${mb(heapAfterPass)} (before: ${mb(heapBefore)}); FakeSlack's record: ${recordedCalls} calls, ~${mb(recordedBytes)} as JSON; heap once cleared: ${mb(heapWithoutRecord)}`,
      ],
      [
        "plan once caught up",
        `${quietPlan.ms.toFixed(0)} ms → ${quietPlan.due} deliveries (${fmtPhases(quietPlan.phases)})`,
      ],
      [
        "steady-state pass (nothing new due)",
        `${steady.ms.toFixed(0)} ms, sent ${steady.value.sent}, main thread blocked up to ${steady.maxBlockMs.toFixed(0)} ms`,
      ],
      [
        "next minute's pass",
        `${steady2.ms.toFixed(0)} ms, sent ${steady2.value.sent}, main thread blocked up to ${steady2.maxBlockMs.toFixed(0)} ms`,
      ],
      [
        "one owner with 12 commitments overdue at one slot",
        `${toTwelve} message(s) to that owner, ${twelve.sent} deliveries recorded`,
      ],
      ["rss at the end", mb(process.memoryUsage().rss)],
    ];
  } finally {
    await scheduler.stop();
    await quiet.stop();
    await b.close();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const rows = await runSchedulerBench({
    lanes: Number(process.argv[2] ?? 8),
    sendSeconds: Number(process.env.SEND_SECONDS ?? 0),
    serverUrl: process.env.SCHEDULER_BENCH_DATABASE_URL || undefined,
  });
  const w = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join("\n")}\n`);
}
