// Two scheduler instances over one database (issue 10), passes run at the same instant: every folded item
// (deadline and overdue reminders to owners, coordinators' copies) is posted exactly once, whichever instance
// claims it. On PostgreSQL (VIGIE_TEST_DATABASE_URL) the second instance has its own Prisma client and pool.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createSenderClient, createSlackSender } from "../../src/slack/slack-sender.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { createStore } from "../../src/store/store.js";
import { COORDINATOR, startTestApp, TEST_BOT_TOKEN, type TestApp } from "../support/test-app.js";
import { testDatabaseKind } from "../support/test-database.js";
import { addCommitment, clearScheduling, keysOf, postsOf } from "./fixtures.js";

let t: TestApp;
let second: Database | undefined;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  if (second && second !== t.db) await second.close();
  await t.stop();
});
beforeEach(async () => {
  await clearScheduling(t.db.prisma);
  t.slack.reset();
});

describe(`two schedulers, folded messages (${testDatabaseKind()})`, () => {
  it("post each folded item once: no key in two messages, every key recorded SENT once", async () => {
    const prisma = t.db.prisma;
    const owners = Array.from({ length: 12 }, (_, i) => `U0TWO${String(i).padStart(3, "0")}`);
    const expectedKeys: string[] = [];
    for (const owner of owners) {
      // Two commitments 2 weeks overdue (copied to the coordinator) and one due in a week: three items each.
      for (let k = 0; k < 2; k++) {
        const id = await addCommitment(prisma, { dueOn: "2026-11-24", owners: [owner] });
        expectedKeys.push(`overdue:${id}:${owner}:2`, `overdue-cc:${id}:${COORDINATOR}:2`);
      }
      const soon = await addCommitment(prisma, { dueOn: "2026-12-15", owners: [owner] });
      expectedKeys.push(`deadline-j7:${soon}:${owner}:2026-12-15`);
    }
    second = t.config.database.url ? await openDatabase({ url: t.config.database.url, dataDir: "" }) : t.db;
    const b = createScheduler(
      { ...t.vigie.deps, db: second, store: createStore(second.prisma) },
      createSlackSender(createSenderClient(TEST_BOT_TOKEN, t.slack.apiUrl)),
    );
    const now = new Date("2026-12-08T08:00:00Z"); // Tuesday 09:00 Paris: overdue #2 and J-7 due together
    const [ra, rb] = await Promise.all([t.vigie.scheduler.runPass(now), b.runPass(now)]);
    await b.stop();

    const posted = postsOf(t.slack.calls)
      .flatMap(keysOf)
      .filter((k) => !k.startsWith("digest"));
    expect(posted.length).toBe(new Set(posted).size); // no key in two messages
    expect([...posted].sort()).toEqual([...expectedKeys].sort());
    const sent = await prisma.delivery.findMany({ where: { key: { in: expectedKeys } } });
    expect(sent.map((r) => r.state)).toEqual(Array(expectedKeys.length).fill("SENT"));
    expect(ra.sent + rb.sent).toBeGreaterThanOrEqual(expectedKeys.length);
    // Each item's row points at the message that carried it.
    const tsOfKey = new Map(
      postsOf(t.slack.calls).flatMap((c) => keysOf(c).map((k) => [k, String(c.params.channel)] as const)),
    );
    for (const r of sent) expect(r.channel).toBe(tsOfKey.get(r.key));
    // A later pass of either instance sends nothing more.
    t.slack.reset();
    expect((await t.vigie.scheduler.runPass(new Date("2026-12-08T08:05:00Z"))).sent).toBe(0);
    expect(postsOf(t.slack.calls)).toHaveLength(0);
  });
});
