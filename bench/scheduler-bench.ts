// One scheduler pass over 10,000 commitments and 500 meetings on PGlite, and the delivery rate it
// sustains against the fake Slack API limited to one message per second per channel.
// Run: node --import tsx bench/scheduler-bench.ts [lanes]
import { randomUUID } from "node:crypto";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import type { AppDeps } from "../src/app/deps.js";
import { addDays } from "../src/domain/calendar.js";
import { planDeliveries } from "../src/jobs/plan-deliveries.js";
import { createScheduler } from "../src/jobs/scheduler.js";
import { createSenderClient, createSlackSender } from "../src/slack/slack-sender.js";
import { openDatabase } from "../src/store/database.js";
import { readContractSeed, seedContract } from "../src/store/seed.js";
import { createStore } from "../src/store/store.js";
import { FakeSlack } from "../test/support/fake-slack.js";

const COMMITMENTS = 10_000;
const MEETINGS = 500;
const OWNERS = 2_500; // ~4 commitments each: several messages per DM channel, as in real life
const lanes = Number(process.argv[2] ?? 8);
const NOW = new Date("2026-12-08T08:00:00Z"); // Tuesday 09:00 Paris
const today = "2026-12-08";

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
const log = createLogger({ level: "warn", json: false, write: (l) => void (l.includes("slack.rate_limited") ? rateLimited++ : process.stderr.write(l + "\n")) });

const t0 = performance.now();
const db = await openDatabase({ dataDir: "memory://" });
await db.migrate();
await seedContract(db.prisma, await readContractSeed());
const store = createStore(db.prisma);
await store.roles.ensureCoordinators(config.coordinators);
const contract = await db.prisma.contract.findFirstOrThrow();
// Due dates spread from 120 days ago to 60 days ahead; one in ten updated recently.
let rnd = 42;
const random = () => ((rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const commitments = Array.from({ length: COMMITMENTS }, (_, i) => ({
  id: randomUUID(),
  contractId: contract.id,
  ref: `B-${String(i).padStart(5, "0")}`,
  partyCode: ["ETAT", "VILLE", "PARQUET"][i % 3] ?? "VILLE",
  title: `Engagement de banc d'essai ${i}`,
  dueOn: new Date(`${addDays(today, Math.floor(random() * 180) - 120)}T00:00:00Z`),
  status: (["ON_TRACK", "AT_RISK", "LATE", "NOT_STARTED"] as const)[i % 4],
  progress: Math.floor(random() * 100),
  lastUpdateAt: random() < 0.1 ? new Date("2026-12-01T10:00:00Z") : new Date("2026-09-01T10:00:00Z"),
}));
for (let i = 0; i < commitments.length; i += 1000) await db.prisma.commitment.createMany({ data: commitments.slice(i, i + 1000) });
const owners = commitments.map((c, i) => ({ commitmentId: c.id, userId: `U0OWN${String(i % OWNERS).padStart(5, "0")}` }));
for (let i = 0; i < owners.length; i += 2000) await db.prisma.commitmentOwner.createMany({ data: owners.slice(i, i + 2000) });
for (let i = 0; i < MEETINGS; i++) {
  await db.prisma.meeting.create({
    data: {
      contractId: contract.id,
      kind: (["GLTD", "COPIL", "CLSPD"] as const)[i % 3] ?? "COPIL",
      // 500 meetings over the next 500 days, at 10:00 Paris: a few fall in the reminder windows.
      startsAt: new Date(`${addDays(today, 1 + i)}T09:00:00Z`),
      channelId: `C0MEET${String(i).padStart(4, "0")}`,
      agenda: "Point d'étape",
      attendees: { create: Array.from({ length: 5 }, (_, a) => ({ userId: `U0ATT${String((i * 5 + a) % 400).padStart(4, "0")}` })) },
    },
  });
}
const setupMs = performance.now() - t0;

const deps: AppDeps = { config, db, store, log, now: () => NOW };
const sender = createSlackSender(createSenderClient(config.slack.botToken, config.slack.apiUrl), { log, perChannelIntervalMs: 1000 });
const scheduler = createScheduler(deps, sender, { delivery: { lanes } });

let p = performance.now();
const due = await planDeliveries(deps, NOW);
const planMs = performance.now() - p;

// The first pass has thousands of messages to send; it is measured for SEND_SECONDS, then stopped the
// way the app stops it (the message in hand finishes, no new one is taken).
const SEND_SECONDS = Number(process.env.SEND_SECONDS ?? 40);
p = performance.now();
const running = scheduler.runPass(NOW);
const timer = setTimeout(() => void scheduler.stop(), SEND_SECONDS * 1000);
const first = await running;
clearTimeout(timer);
const firstS = (performance.now() - p) / 1000;

// A pass when nothing new is due: every key planned already has its row (the cost paid every minute).
const quiet = createScheduler(deps, sender, { delivery: { lanes } });
await db.prisma.$executeRawUnsafe(`UPDATE "Delivery" SET state = 'SENT' WHERE state = 'CLAIMED'`);
const remaining = await planDeliveries(deps, NOW);
for (const d of remaining) await store.deliveries.claim(d, NOW, "bench");
await db.prisma.$executeRawUnsafe(`UPDATE "Delivery" SET state = 'SENT', "claimedAt" = now()`);
p = performance.now();
const again = await quiet.runPass(NOW);
const steadyMs = performance.now() - p;

const posts = slack.callsTo("chat.postMessage");
const channels = new Set(posts.map((c) => String(c.params.channel))).size;
const perChannel = new Map<string, number[]>();
for (const c of posts) perChannel.set(String(c.params.channel), [...(perChannel.get(String(c.params.channel)) ?? []), c.at]);
let minGap = Infinity;
for (const times of perChannel.values()) for (let i = 1; i < times.length; i++) minGap = Math.min(minGap, (times[i] ?? 0) - (times[i - 1] ?? 0));

const rows: [string, string][] = [
  ["data", `${COMMITMENTS} commitments (${OWNERS} owners), ${MEETINGS} meetings, PGlite in memory`],
  ["setup (migrate, seed, insert)", `${(setupMs / 1000).toFixed(1)} s`],
  ["plan: what is due (read + compute + existing keys)", `${planMs.toFixed(0)} ms → ${due.length} deliveries`],
  [`first pass, sending for ${SEND_SECONDS} s (lanes=${lanes})`, `${firstS.toFixed(1)} s, sent ${first.sent} of ${due.length}, failed ${first.failed}, obsolete ${first.obsolete}`],
  ["sustained rate", `${(first.sent / firstS).toFixed(1)} deliveries/s over ${channels} channels/DMs`],
  ["429 answers from the 1 msg/s/channel limit", String(rateLimited)],
  ["smallest gap between two posts to one channel", Number.isFinite(minGap) ? `${minGap} ms` : "n/a (one post per channel)"],
  ["steady-state pass (nothing new due)", `${steadyMs.toFixed(0)} ms, sent ${again.sent}`],
  ["rss", `${Math.round(process.memoryUsage().rss / 1e6)} MB`],
];
const w = Math.max(...rows.map((r) => r[0].length));
process.stdout.write(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join("\n") + "\n");
await scheduler.stop();
await quiet.stop();
await db.close();
await slack.stop();
