// In-process timings of what is not an HTTP request: the weekly digest, the App Home, a scheduler pass.
// The modules are loaded by name at run time: a feature that is not built yet gives a row
// "n/a (not built)" instead of a number (and the bench still compiles while it is being written).
import type { AppDeps } from "../src/app/deps.js";
import type { Config } from "../src/config.js";
import type { FakeSlack } from "../src/local/slack-stand-in.js";
import { createLogger } from "../src/logger.js";
import type { Database } from "../src/store/database.js";
import { createStore } from "../src/store/store.js";
import { percentile } from "./stats.js";

export interface TimedRow {
  name: string;
  /** The measured time (the first, cold run where there are several), or null when not measured. */
  ms: number | null;
  /** Median of the warm runs that followed. */
  warmMedianMs?: number;
  targetMs?: number;
  note?: string;
  details?: Record<string, unknown>;
}

type Fn = (...args: never[]) => unknown;

/** A module's export, or null when the module or the export does not exist (yet). */
async function exported<F extends Fn>(relative: string, name: string): Promise<F | null> {
  const specifier: string = new URL(relative, import.meta.url).href;
  try {
    const mod = (await import(specifier)) as Record<string, unknown>;
    return typeof mod[name] === "function" ? (mod[name] as F) : null;
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ERR_MODULE_NOT_FOUND") return null;
    throw error;
  }
}

function depsFor(db: Database, config: Config): AppDeps {
  return { config, db, store: createStore(db.prisma), log: createLogger({ level: "error", json: false }), now: () => new Date() };
}

/** `runs` timings of `work`; the first one is the cold one. */
async function timed(runs: number, work: () => Promise<unknown>): Promise<{ cold: number; warmMedian: number; last: unknown }> {
  const times: number[] = [];
  let last: unknown;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await work();
    times.push(performance.now() - t);
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return { cold: round(times[0] ?? Number.NaN), warmMedian: round(percentile(times.slice(1), 50)), last };
}

const notBuilt = (name: string, what: string, targetMs?: number): TimedRow => ({ name, ms: null, note: `not built: ${what}`, ...(targetMs ? { targetMs } : {}) });

export async function timeDigestAndHome(db: Database, config: Config, who: { busyOwnerId: string; coordinatorId: string }): Promise<TimedRow[]> {
  const deps = depsFor(db, config);
  const rows: TimedRow[] = [];

  // Weekly digest: the data (jobs/weekly-digest buildDigest) and its Block Kit message (digestMessage).
  type Digested = { digest: unknown; contractTitle?: string };
  const buildDigest = await exported<(deps: AppDeps, now: Date) => Promise<Digested>>("../src/jobs/weekly-digest.js", "buildDigest");
  const digestMessage = await exported<(d: never, o: { timezone: string; locale: "fr"; contractTitle?: string }) => { blocks?: unknown[] }>(
    "../src/slack/views/digest-blocks.js",
    "digestMessage",
  );
  if (!buildDigest || !digestMessage) rows.push(notBuilt("weekly digest (build + Block Kit)", "buildDigest / digestMessage", 500));
  else {
    const r = await timed(4, async () => {
      const built = await buildDigest(deps, deps.now());
      return digestMessage(built.digest as never, { timezone: config.timezone, locale: "fr", contractTitle: built.contractTitle });
    });
    const blocks = (r.last as { blocks?: unknown[] }).blocks?.length ?? 0;
    rows.push({ name: "weekly digest (build + Block Kit)", ms: r.cold, warmMedianMs: r.warmMedian, targetMs: 500, details: { blocks } });
  }

  // App Home: the dashboard use case, then the view (when its builder exists).
  const homeDashboard = await exported<(deps: AppDeps, userId: string) => Promise<Record<string, unknown> | null>>("../src/use-cases/home-dashboard.js", "homeDashboard");
  const appHomeView = await exported<(d: never) => { blocks: unknown[] }>("../src/slack/views/app-home.js", "appHomeView");
  for (const [label, userId] of [
    ["App Home of a pilot (50 commitments)", who.busyOwnerId],
    ["App Home of a coordinator", who.coordinatorId],
  ] as const) {
    if (!homeDashboard) {
      rows.push(notBuilt(label, "homeDashboard"));
      continue;
    }
    const r = await timed(4, async () => {
      const dashboard = await homeDashboard(deps, userId);
      if (!dashboard || !appHomeView) return dashboard;
      return appHomeView({ ...dashboard, locale: "fr", timezone: config.timezone } as never);
    });
    const blocks = appHomeView ? ((r.last as { blocks?: unknown[] } | null)?.blocks?.length ?? 0) : undefined;
    rows.push({
      name: `${label}${appHomeView ? "" : " — data only"}`,
      ms: r.cold,
      warmMedianMs: r.warmMedian,
      ...(appHomeView ? { details: { blocks } } : { note: "view builder not built: dashboard data only" }),
    });
  }
  return rows;
}

/**
 * One scheduler pass at a fixed instant over the grown contract (10,000 commitments, 500 meetings):
 * bench/scheduler-bench.ts's pass when its author exports one, else the scheduler's own runPass with a
 * sender on the fake Slack (no pacing, so the time is Vigie's, not Slack's rate limit).
 */
export async function timeSchedulerPass(db: Database, config: Config, slack: FakeSlack): Promise<TimedRow[]> {
  const name = "scheduler pass (10,000 commitments, 500 meetings)";
  const deps = depsFor(db, config);
  const theirs = await exported<(deps: AppDeps, slack: FakeSlack) => Promise<unknown>>("./scheduler-bench.js", "runSchedulerPass");
  if (theirs) {
    const t = performance.now();
    const report = await theirs(deps, slack);
    return [{ name, ms: Math.round((performance.now() - t) * 10) / 10, note: "bench/scheduler-bench.ts runSchedulerPass", details: { report } }];
  }
  const createScheduler = await exported<(deps: AppDeps, sender: unknown) => { runPass(now: Date): Promise<Record<string, unknown>>; stop(): Promise<void> }>(
    "../src/jobs/scheduler.js",
    "createScheduler",
  );
  const createSenderClient = await exported<(token: string, apiUrl?: string) => unknown>("../src/slack/slack-sender.js", "createSenderClient");
  const createSlackSender = await exported<(client: never, options: { perChannelIntervalMs: number; log: AppDeps["log"] }) => unknown>(
    "../src/slack/slack-sender.js",
    "createSlackSender",
  );
  if (!createScheduler || !createSenderClient || !createSlackSender) return [notBuilt(name, "jobs/scheduler createScheduler / slack-sender")];
  const sender = createSlackSender(createSenderClient(config.slack.botToken, slack.apiUrl) as never, { perChannelIntervalMs: 0, log: deps.log });
  const scheduler = createScheduler(deps, sender);
  const rows: TimedRow[] = [];
  try {
    // The first pass catches up on everything due (as after a start); the second, a moment later,
    // finds it all claimed: that is the cost of the pass the cron runs every minute.
    for (const [label, note] of [
      [name, "createScheduler(…).runPass: first (catch-up) pass, sends everything due"],
      [`${name}, again: nothing new due`, "the every-minute pass once caught up"],
    ] as const) {
      const callsBefore = slack.calls.length;
      const t = performance.now();
      const report = await scheduler.runPass(deps.now());
      const ms = Math.round((performance.now() - t) * 10) / 10;
      rows.push({ name: label, ms, note, details: { report, slackCalls: slack.calls.length - callsBefore } });
    }
    return rows;
  } finally {
    await scheduler.stop();
  }
}
