import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createSenderClient, createSlackSender } from "../../src/slack/slack-sender.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { createStore } from "../../src/store/store.js";
import { slackError } from "../support/fake-slack.js";
import { blocksText, COORDINATOR, startTestApp, TEST_BOT_TOKEN, type TestApp } from "../support/test-app.js";
import { testDatabaseKind } from "../support/test-database.js";
import { addCommitment, addMeeting, clearScheduling, keyOf, postsOf } from "./fixtures.js";

let t: TestApp;
const at = (iso: string) => new Date(iso);
const pass = (iso: string) => t.vigie.scheduler.runPass(at(iso));
const posts = (prefix = "") => postsOf(t.slack.calls, prefix);
const prisma = () => t.db.prisma;
let ts = 0;
const ok = (p: Record<string, unknown>) => ({
  body: { channel: p.channel, ts: `1790000000.${String(++ts).padStart(6, "0")}` },
});

beforeAll(async () => {
  t = await startTestApp({ env: { CSI_DIGEST_CHANNEL: "C0DIGEST" } });
});
afterAll(() => t.stop());
beforeEach(async () => {
  await clearScheduling(prisma());
  t.slack.reset();
});

describe("deadline reminders", () => {
  it("go out once, at 09:00 Paris, with Mettre à jour and snooze buttons; the Slack ts is stored", async () => {
    const id = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0OWNER1"] });
    // Tuesday 8 December 2026 (J-7), 08:59 Paris: J-7 not yet; the first pass catches up J-30 (16 November).
    await pass("2026-12-08T07:59:00Z");
    expect(posts("deadline").map(keyOf)).toEqual([`deadline-j30:${id}:U0OWNER1:2026-12-15`]);
    const report = await pass("2026-12-08T08:00:00Z");
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const post = posts("deadline-j7")[0];
    expect(keyOf(post!)).toBe(`deadline-j7:${id}:U0OWNER1:2026-12-15`);
    expect(post!.params.channel).toBe("U0OWNER1");
    const text = blocksText(post!.params);
    expect(text).toContain("Mettre à jour");
    expect(text).toContain("Rappeler demain");
    expect(text).toContain("mardi 15 décembre 2026");
    const buttons = JSON.stringify(post!.params.blocks);
    expect(buttons).toContain(`"value":"${id}"`);
    expect(buttons).toContain(`"value":"deadline-j7:${id}:U0OWNER1:2026-12-15"`);
    const row = await prisma().delivery.findUniqueOrThrow({ where: { key: keyOf(post!) } });
    expect(row.state).toBe("SENT");
    expect(row.ts).toMatch(/^\d+\.\d+$/);
    // Later passes the same day, and a restart, send it again never.
    await pass("2026-12-08T08:01:00Z");
    await pass("2026-12-08T15:00:00Z");
    expect(posts("deadline-j7")).toHaveLength(1);
  });

  it("overdue: weekly, the coordinator copied from the second week", async () => {
    const id = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0OWNER1"] });
    await pass("2026-12-22T08:00:00Z");
    expect(posts("overdue").map(keyOf)).toEqual([`overdue:${id}:U0OWNER1:1`]);
    await pass("2026-12-29T08:00:00Z");
    expect(posts("overdue").map(keyOf).sort()).toEqual([
      `overdue-cc:${id}:${COORDINATOR}:2`,
      `overdue:${id}:U0OWNER1:1`,
      `overdue:${id}:U0OWNER1:2`,
    ]);
    const copy = posts("overdue-cc")[0]!;
    expect(copy.params.channel).toBe(COORDINATOR);
    expect(blocksText(copy.params)).toContain("<@U0OWNER1>");
  });
});

describe("restart catch-up", () => {
  it("sends what fell due while down: the latest deadline reminder only, meetings still ahead, the week's digest once", async () => {
    const c = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0OWNER1"] });
    const past = await addMeeting(prisma(), { startsAt: at("2026-12-11T09:00:00Z"), attendees: ["U0ATT1"] });
    const ahead = await addMeeting(prisma(), {
      startsAt: at("2026-12-16T09:00:00Z"),
      channelId: "C0GLTD",
      attendees: ["U0ATT1"],
      kind: "GLTD",
    });
    // First pass after an outage from 1 November to Monday 14 December 10:00 Paris.
    await pass("2026-12-14T09:00:00Z");
    expect(posts("deadline").map(keyOf)).toEqual([`deadline-j1:${c}:U0OWNER1:2026-12-15`]);
    expect(posts("meeting").map(keyOf).sort()).toEqual([`meeting-j7:${ahead}:C0GLTD`, `meeting-j7:${ahead}:U0ATT1`]);
    expect(posts("meeting").some((p) => keyOf(p).includes(past))).toBe(false);
    expect(posts("digest").map(keyOf).sort()).toEqual([`digest:2026-W51:C0DIGEST`, `digest:2026-W51:${COORDINATOR}`]);
    // Another restart the same week: nothing twice; the meeting's J-1 comes on Tuesday.
    await pass("2026-12-14T09:05:00Z");
    await pass("2026-12-15T08:00:00Z");
    expect(posts("digest")).toHaveLength(2);
    expect(posts("deadline")).toHaveLength(1);
    expect(posts(`meeting-j1:${ahead}`)).toHaveLength(2);
  });
});

describe("meeting reminders", () => {
  it("go to the channel and each attendee, with the agenda and what is overdue or at risk", async () => {
    await addCommitment(prisma(), {
      dueOn: "2026-11-01",
      owners: ["U0OWNER1"],
      title: "Vidéoprotection du quartier des Hauts-de-Chambéry",
    });
    await addCommitment(prisma(), {
      dueOn: "2027-06-30",
      owners: ["U0OWNER2"],
      status: "AT_RISK",
      title: "Médiation sociale de nuit",
    });
    const m = await addMeeting(prisma(), {
      startsAt: at("2026-12-07T09:00:00Z"),
      attendees: ["U0ATT1", "U0ATT2"],
      agenda: "1. Bilan du trimestre\n2. Vidéoprotection",
    });
    await pass("2026-12-04T08:00:00Z"); // Friday before a Monday meeting: J-1
    const sent = posts(`meeting-j1:${m}`);
    expect(sent.map((p) => p.params.channel).sort()).toEqual(["C0COPIL", "U0ATT1", "U0ATT2"]);
    const text = blocksText(sent[0]!.params);
    expect(text).toContain("Bilan du trimestre");
    expect(text).toContain("Vidéoprotection du quartier");
    expect(text).toContain("Médiation sociale de nuit");
    expect(text).toContain("lundi 7 décembre 2026 à 10 h");
  });

  it("check-in: owners silent for 30 days are asked for an update 5 working days before", async () => {
    const silent = await addCommitment(prisma(), {
      dueOn: "2027-06-30",
      owners: ["U0SILENT"],
      lastUpdateAt: at("2026-09-01T10:00:00Z"),
    });
    await addCommitment(prisma(), {
      dueOn: "2027-06-30",
      owners: ["U0BUSY"],
      lastUpdateAt: at("2026-11-27T10:00:00Z"),
    });
    const m = await addMeeting(prisma(), { startsAt: at("2026-12-07T09:00:00Z"), channelId: null });
    await pass("2026-11-30T08:00:00Z");
    const sent = posts("checkin");
    expect(sent.map(keyOf)).toEqual([`checkin:${m}:U0SILENT`]);
    const blocks = JSON.stringify(sent[0]!.params.blocks);
    expect(blocks).toContain(`"value":"${silent}"`);
    expect(blocksText(sent[0]!.params)).toContain("Rappeler dans une semaine");
  });
});

describe("weekly digest across DST weekends and holidays (scheduler level)", () => {
  it.each([
    ["spring forward 2026: Monday 30 March 08:30 +02:00", "2026-03-30T06:29:00Z", "2026-03-30T06:30:00Z", "2026-W14"],
    ["fall back 2026: Monday 26 October 08:30 +01:00", "2026-10-26T07:29:00Z", "2026-10-26T07:30:00Z", "2026-W44"],
    [
      "spring forward + Easter Monday 2027: Tuesday 30 March 09:00",
      "2027-03-30T06:59:00Z",
      "2027-03-30T07:00:00Z",
      "2027-W13",
    ],
    [
      "fall back + Toussaint 2027: Tuesday 2 November 09:00",
      "2027-11-02T07:59:00Z",
      "2027-11-02T08:00:00Z",
      "2027-W44",
    ],
  ])("%s", async (_label, before, due, week) => {
    await pass(before);
    expect(posts("digest")).toHaveLength(0);
    await pass(due);
    expect(posts("digest").map(keyOf).sort()).toEqual([`digest:${week}:C0DIGEST`, `digest:${week}:${COORDINATOR}`]);
  });

  it("fits one screen and puts the full lists behind buttons", async () => {
    // First week overdue (no coordinator copies): eight owners, eight overdue lines in the digest.
    for (let i = 0; i < 8; i++) await addCommitment(prisma(), { dueOn: "2026-11-10", owners: [`U0LATE${i}`] });
    await pass("2026-11-23T07:30:00Z");
    const digest = posts(`digest:2026-W48:${COORDINATOR}`)[0]!;
    const blocks = digest.params.blocks as { type: string }[];
    expect(blocks.length).toBeLessThanOrEqual(20);
    expect(blocksText(digest.params)).toContain("En retard");
    expect(JSON.stringify(blocks)).toContain('"value":"overdue"');
  });
});

describe("Slack errors", () => {
  it("a 429 is retried after its Retry-After, and the message goes out once", async () => {
    await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0OWNER1"] });
    // 2 s: longer than the sender's own 1 s pacing, so only honouring Retry-After explains the wait.
    t.slack.on("chat.postMessage", () => ({ status: 429, retryAfter: 2 }), { once: true });
    await pass("2026-12-08T08:00:00Z");
    const tries = posts("deadline");
    expect(tries).toHaveLength(2);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(1950);
    expect((await prisma().delivery.findUniqueOrThrow({ where: { key: keyOf(tries[0]!) } })).state).toBe("SENT");
  });

  it("an unreachable owner is recorded with the reason, does not stop the others, and is reported in the next digest only", async () => {
    await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0ALICE", "U0GONE", "U0BOB"] });
    t.slack.on("chat.postMessage", (p) => (p.channel === "U0GONE" ? slackError("account_inactive") : ok(p)));
    const report = await pass("2026-12-08T08:00:00Z");
    expect(report.undeliverable).toBe(1);
    const rows = await prisma().delivery.findMany({ where: { kind: "deadline-j7" }, orderBy: { target: "asc" } });
    expect(rows.map((r) => [r.target, r.state, r.error])).toEqual([
      ["U0ALICE", "SENT", null],
      ["U0BOB", "SENT", null],
      ["U0GONE", "UNDELIVERABLE", "account_inactive"],
    ]);
    // Monday 14 December, 08:30 Paris: both recipients of the digest see it, then it is marked reported.
    await pass("2026-12-14T07:30:00Z");
    for (const d of posts("digest:2026-W51")) expect(blocksText(d.params)).toMatch(/<@U0GONE>.*account_inactive/);
    expect(posts("digest:2026-W51")).toHaveLength(2);
    expect((await prisma().delivery.findUniqueOrThrow({ where: { key: rows[2]!.key } })).reported).toBe(true);
    await pass("2026-12-21T07:30:00Z");
    expect(posts("digest:2026-W52")).toHaveLength(2);
    for (const d of posts("digest:2026-W52")) expect(blocksText(d.params)).not.toContain("U0GONE");
  });

  it("an HTTP 500 leaves the delivery failed, and the next pass sends it", async () => {
    await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0OWNER1"] });
    t.slack.on("chat.postMessage", () => ({ status: 500, text: "boom" }), { once: true });
    const first = await pass("2026-12-08T08:00:00Z");
    expect(first.failed).toBe(1);
    const second = await pass("2026-12-08T08:01:00Z");
    expect(second.retried).toBe(1);
    const row = await prisma().delivery.findFirstOrThrow({ where: { kind: "deadline-j7" } });
    expect([row.state, row.attempts]).toEqual(["SENT", 2]);
    expect(posts("deadline")).toHaveLength(2);
  });

  it("keeps about one message per second per channel (no 429 from a 1 msg/s limit)", async () => {
    for (let i = 0; i < 3; i++) await addCommitment(prisma(), { dueOn: "2026-11-10", owners: ["U0BUSY"] });
    t.slack.perChannelIntervalMs = 1000;
    const report = await pass("2026-11-18T08:00:00Z");
    expect(report.failed).toBe(0);
    const sent = posts("overdue").filter((p) => p.params.channel === "U0BUSY");
    expect(sent).toHaveLength(3); // refused posts are not recorded by the fake: none were refused
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(950);
  });
});

describe("a crash between claim and send", () => {
  /** The J-7 reminder of a commitment due on 15 December, claimed at 08:00 by a process that then died; returns its key. */
  const claimStaleReminder = async (commitmentId: string): Promise<string> => {
    const key = `deadline-j7:${commitmentId}:U0OWNER1:2026-12-15`;
    await prisma().delivery.create({
      data: {
        key,
        kind: "deadline-j7",
        target: "U0OWNER1",
        occurrence: `${commitmentId}:2026-12-15`,
        dueAt: at("2026-12-08T08:00:00Z"),
        state: "CLAIMED",
        claimedAt: at("2026-12-08T08:00:00Z"),
        claimedBy: "dead-process",
        attempts: 1,
      },
    });
    return key;
  };

  it("is retried once the claim is stale, when Slack shows it was not posted", async () => {
    const id = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0OWNER1"] });
    const key = await claimStaleReminder(id);
    await pass("2026-12-08T08:05:00Z"); // 5 minutes: maybe still being sent by its owner
    expect(posts("deadline")).toHaveLength(0);
    await pass("2026-12-08T08:11:00Z");
    expect(posts("deadline").map(keyOf)).toEqual([key]);
    const row = await prisma().delivery.findUniqueOrThrow({ where: { key } });
    expect([row.state, row.attempts]).toEqual(["SENT", 2]);
    expect(t.slack.callsTo("conversations.history")).toHaveLength(1);
  });

  it("is not posted again when Slack already has it: the row is completed with its ts", async () => {
    const id = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0OWNER1"] });
    const key = await claimStaleReminder(id);
    t.slack.on("conversations.history", () => ({
      body: {
        messages: [
          { ts: "1796716800.000100", text: "…", metadata: { event_type: "vigie_delivery", event_payload: { key } } },
        ],
      },
    }));
    const report = await pass("2026-12-08T08:11:00Z");
    expect(report.recovered).toBe(1);
    expect(posts("deadline")).toHaveLength(0);
    const row = await prisma().delivery.findUniqueOrThrow({ where: { key } });
    expect([row.state, row.ts]).toEqual(["SENT", "1796716800.000100"]);
  });

  it("is not posted when Slack cannot be checked; given up and reported after the last attempt", async () => {
    const id = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0OWNER1"] });
    const key = await claimStaleReminder(id);
    t.slack.on("conversations.history", () => slackError("missing_scope"));
    for (let minute = 11; minute < 16; minute++) await pass(`2026-12-08T08:${minute}:00Z`);
    expect(posts("deadline")).toHaveLength(0);
    const row = await prisma().delivery.findUniqueOrThrow({ where: { key } });
    expect(row.state).toBe("UNDELIVERABLE");
    expect(row.error).toMatch(/gave_up.*missing_scope/);
  });
});

describe(`two schedulers on one database (${testDatabaseKind() === "postgres" ? "two Prisma clients on PostgreSQL" : "PGlite: two schedulers over the same Database, passes run concurrently"})`, () => {
  let second: Database | undefined;
  afterAll(async () => {
    if (second && second !== t.db) await second.close();
  });

  it("send each delivery exactly once", async () => {
    const owners = Array.from({ length: 25 }, (_, i) => `U0OWN${String(i).padStart(3, "0")}`);
    for (const o of owners) await addCommitment(prisma(), { dueOn: "2026-12-15", owners: [o] });
    await addMeeting(prisma(), { startsAt: at("2026-12-15T09:00:00Z"), attendees: ["U0ATT1", "U0ATT2", "U0ATT3"] });
    second = t.config.database.url ? await openDatabase({ url: t.config.database.url, dataDir: "" }) : t.db;
    const depsB = { ...t.vigie.deps, db: second, store: createStore(second.prisma) };
    const b = createScheduler(depsB, createSlackSender(createSenderClient(TEST_BOT_TOKEN, t.slack.apiUrl)));
    const a = t.vigie.scheduler;
    const now = at("2026-12-08T08:00:00Z"); // J-7 of the deadlines and of the meeting, digest of the week due
    const [ra, rb] = await Promise.all([a.runPass(now), b.runPass(now)]);
    const expected = owners.length + 4 /* meeting: channel + 3 */ + 2; /* digest */
    const keys = posts().map(keyOf);
    expect(new Set(keys).size).toBe(expected);
    expect(keys).toHaveLength(expected);
    expect(ra.sent + rb.sent).toBe(expected);
    expect(await prisma().delivery.count({ where: { state: "SENT" } })).toBe(expected);
    await b.stop();
  });
});
