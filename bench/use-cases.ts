// In-process timings of what is not an HTTP request: the weekly digest, the App Home, a scheduler pass.
// Each calls the app's own use-case and view functions on the grown contract.
import type { AppDeps } from "../src/app/deps.js";
import type { Config } from "../src/config.js";
import { createScheduler } from "../src/jobs/scheduler.js";
import type { FakeSlack } from "../src/local/slack-stand-in.js";
import { createLogger } from "../src/logger.js";
import { createSenderClient, createSlackSender } from "../src/slack/slack-sender.js";
import { appHomeView } from "../src/slack/views/app-home.js";
import { digestMessage } from "../src/slack/views/digest-blocks.js";
import type { Database } from "../src/store/database.js";
import { createStore } from "../src/store/store.js";
import { buildDigest } from "../src/use-cases/build-digest.js";
import { homeDashboard } from "../src/use-cases/home-dashboard.js";
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

function depsFor(db: Database, config: Config): AppDeps {
  return {
    config,
    db,
    store: createStore(db.prisma),
    log: createLogger({ level: "error", json: false }),
    now: () => new Date(),
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** `runs` timings of `work`; the first one is the cold one. */
async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ cold: number; warmMedian: number; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await work();
    times.push(performance.now() - t);
  }
  return { cold: round1(times[0] ?? Number.NaN), warmMedian: round1(percentile(times.slice(1), 50)), last: last as T };
}

export async function timeDigestAndHome(
  db: Database,
  config: Config,
  who: { busyOwnerId: string; coordinatorId: string },
  parts: { digest: boolean; home: boolean } = { digest: true, home: true },
): Promise<TimedRow[]> {
  const deps = depsFor(db, config);
  const rows: TimedRow[] = [];
  if (parts.digest) rows.push(await timeDigest(deps, config));
  if (parts.home) rows.push(...(await timeHomes(deps, config, who)));
  return rows;
}

async function timeDigest(deps: AppDeps, config: Config): Promise<TimedRow> {
  // Weekly digest: its data (use-cases/build-digest) and its Block Kit message, as the Monday job builds them.
  const digest = await timed(4, async () => {
    const built = await buildDigest(deps, deps.now());
    return digestMessage(built.digest, {
      timezone: config.schedule.timezone,
      locale: "fr",
      contractTitle: built.contractTitle,
    });
  });
  return {
    name: "weekly digest (build + Block Kit)",
    ms: digest.cold,
    warmMedianMs: digest.warmMedian,
    targetMs: 500,
    details: { blocks: digest.last.blocks.length },
  };
}

async function timeHomes(
  deps: AppDeps,
  config: Config,
  who: { busyOwnerId: string; coordinatorId: string },
): Promise<TimedRow[]> {
  const rows: TimedRow[] = [];
  // App Home: the dashboard use case and the view, as the app_home_opened listener publishes it.
  for (const [label, userId] of [
    ["App Home of a pilot (50 commitments)", who.busyOwnerId],
    ["App Home of a coordinator", who.coordinatorId],
  ] as const) {
    const home = await timed(4, async () => {
      const dashboard = await homeDashboard(deps, userId);
      return dashboard ? appHomeView({ ...dashboard, locale: "fr", timezone: config.schedule.timezone }) : null;
    });
    rows.push({
      name: label,
      ms: home.cold,
      warmMedianMs: home.warmMedian,
      details: { blocks: home.last?.blocks.length ?? 0 },
    });
  }
  return rows;
}

/**
 * One scheduler pass over the grown contract (10,000 commitments, 500 meetings): the scheduler's own
 * runPass with a sender on the fake Slack, without pacing, so the time is Vigie's and not Slack's rate
 * limit. (bench/scheduler-bench.ts measures the paced delivery rate and the phases of planning; it runs
 * only as a script and exports setupSchedulerBench, timePlan, withLoopDelay and runSchedulerBench.)
 */
export async function timeSchedulerPass(db: Database, config: Config, slack: FakeSlack): Promise<TimedRow[]> {
  const name = "scheduler pass (10,000 commitments, 500 meetings)";
  const deps = depsFor(db, config);
  const sender = createSlackSender(createSenderClient(config.slack.botToken, slack.apiUrl), {
    perChannelIntervalMs: 0,
    log: deps.log,
  });
  const scheduler = createScheduler(deps, sender);
  const rows: TimedRow[] = [];
  try {
    // The first pass catches up on everything due (as after a start); the second, a moment later,
    // finds it all claimed: that is the cost of the pass the cron runs every minute.
    for (const [label, note] of [
      [name, "first (catch-up) pass: sends everything due"],
      [`${name}, again: nothing new due`, "the every-minute pass once caught up"],
    ] as const) {
      const callsBefore = slack.calls.length;
      const t = performance.now();
      const report = await scheduler.runPass(deps.now());
      rows.push({
        name: label,
        ms: round1(performance.now() - t),
        note,
        details: { report, slackCalls: slack.calls.length - callsBefore },
      });
    }
    return rows;
  } finally {
    await scheduler.stop();
  }
}
