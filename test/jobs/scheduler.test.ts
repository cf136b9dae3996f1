import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeScheduleSettings } from "../../src/domain/due-instants.js";
import { createScheduler, TICK_ZONE } from "../../src/jobs/scheduler.js";
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
    // Tuesday 8 December 2026 (J-7), 08:59 Paris: J-7 not yet, and the J-30 of 16 November is not caught up
    // before 09:00 (quiet hours); at 09:00 only the latest reminder, J-7, is owed.
    await pass("2026-12-08T07:59:00Z");
    expect(posts("deadline")).toEqual([]);
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
    // Three meetings whose J-7 falls at the same instant: three messages to #copil (reminders to one person fold).
    for (let i = 0; i < 3; i++)
      await addMeeting(prisma(), { startsAt: at(`2026-12-15T${String(8 + i).padStart(2, "0")}:00:00Z`) });
    t.slack.perChannelIntervalMs = 1000;
    const report = await pass("2026-12-08T08:00:00Z");
    expect(report.failed).toBe(0);
    const sent = posts("meeting").filter((p) => p.params.channel === "C0COPIL");
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

describe("scheduled messages belong to their sending slots (issue 16)", () => {
  it("a pre-meeting check-in is decided at its slot: never sent when silence reaches 30 days, on a holiday", async () => {
    // Monday 10 May 2027 10:00; check-in Friday 30 April 09:00 (Ascension on 6 May is not counted).
    const m = await addMeeting(prisma(), { startsAt: at("2027-05-10T08:00:00Z"), channelId: null });
    // 28 days before the slot: not silent then; 30 days are reached on Sunday 2 May 09:00.
    await addCommitment(prisma(), { dueOn: null, owners: ["U0REPORTED"], lastUpdateAt: at("2027-04-02T07:00:00Z") });
    await addCommitment(prisma(), { dueOn: null, owners: ["U0SILENT"], lastUpdateAt: at("2027-02-01T10:00:00Z") });
    await pass("2027-04-30T07:00:00Z");
    expect(posts("checkin").map(keyOf)).toEqual([`checkin:${m}:U0SILENT`]);
    // Saturday 1 May (Fête du Travail) and Sunday 2 May, 10:01: nothing new.
    await pass("2027-05-01T08:01:00Z");
    await pass("2027-05-02T08:01:00Z");
    await pass("2027-05-03T07:00:00Z");
    expect(posts("checkin").map(keyOf)).toEqual([`checkin:${m}:U0SILENT`]);
  });

  it("a commitment created at 14:55 gets no reminder at 14:56 (its J-30 passed before it existed); J-7 at 09:00", async () => {
    // Wednesday 2 December 2026 14:55 Paris, due Sunday 20 December (18 days later).
    const id = await addCommitment(prisma(), {
      dueOn: "2026-12-20",
      owners: ["U0OWNER1"],
      lastUpdateAt: null,
      createdAt: at("2026-12-02T13:55:00Z"),
    });
    await pass("2026-12-02T13:56:00Z");
    await pass("2026-12-11T08:00:00Z");
    expect(posts("deadline")).toHaveLength(0);
    await pass("2026-12-14T08:00:00Z"); // J-7: Sunday 13 → Monday 14 December 09:00
    expect(posts("deadline").map(keyOf)).toEqual([`deadline-j7:${id}:U0OWNER1:2026-12-20`]);
  });

  it("a meeting scheduled after its J-7 and its check-in gets neither, only its J-1", async () => {
    // Tuesday 15 December 2026 10:00, scheduled on Wednesday 9 December 16:00.
    await addCommitment(prisma(), { dueOn: null, owners: ["U0SILENT"], lastUpdateAt: null });
    const m = await addMeeting(prisma(), {
      startsAt: at("2026-12-15T09:00:00Z"),
      createdAt: at("2026-12-09T15:00:00Z"),
    });
    await pass("2026-12-09T15:01:00Z");
    expect([...posts("meeting"), ...posts("checkin")]).toHaveLength(0);
    await pass("2026-12-14T08:00:00Z");
    expect(posts("meeting").map(keyOf)).toEqual([`meeting-j1:${m}:C0COPIL`]);
    expect(posts("checkin")).toHaveLength(0);
  });

  it("CSI_REMINDER_HOUR=02:30 sends at 02:30 Paris, on an ordinary day and after each clock change", async () => {
    const settings = makeScheduleSettings({ reminderHour: "02:30" });
    const deps = { ...t.vigie.deps, config: { ...t.vigie.deps.config, schedule: settings } };
    const early = createScheduler(deps, createSlackSender(createSenderClient(TEST_BOT_TOKEN, t.slack.apiUrl)));
    // J-7 on Tuesday 8 Dec 2026 (UTC+1), Monday 30 March 2026 (first day of summer time), Monday 26 Oct 2026 (first day after).
    const cases = [
      ["2026-12-15", "2026-12-08T01:30:00Z"],
      ["2026-04-06", "2026-03-30T00:30:00Z"],
      ["2026-11-02", "2026-10-26T01:30:00Z"],
    ] as const;
    for (const [dueOn, slot] of cases) {
      await clearScheduling(prisma());
      t.slack.reset();
      const id = await addCommitment(prisma(), { dueOn, owners: ["U0EARLY"] });
      await early.runPass(new Date(at(slot).getTime() - 60_000)); // 02:29 (J-30, earlier, may go: not the point)
      expect(posts("deadline-j7")).toHaveLength(0);
      await early.runPass(at(slot));
      expect(posts("deadline-j7").map(keyOf)).toEqual([`deadline-j7:${id}:U0EARLY:${dueOn}`]);
    }
    await early.stop();
  });

  it("the every-minute tick runs on UTC minutes: no repeated hour, no « missed execution » in autumn", () => {
    expect(TICK_ZONE).toBe("Etc/UTC");
  });
});

describe("a crash in a busy conversation (issue 16)", () => {
  /** Vigie posts at `iso`, then the process dies before writing the ts: the row is left CLAIMED. */
  const crashAfterPosting = async (iso: string, key: string) => {
    t.slack.clock = () => at(iso).getTime() + 30_000; // the post reaches Slack 30 s after the claim
    await pass(iso);
    expect(posts(kindOf(key)).map(keyOf)).toEqual([key]);
    await prisma().delivery.update({
      where: { key },
      data: { state: "CLAIMED", ts: null, channel: null, sentAt: null, claimedBy: "dead-process" },
    });
  };
  const kindOf = (key: string) => key.split(":")[0] ?? key;
  /** `n` messages by people after Vigie's post, one every 2 seconds. */
  const chatter = (channel: string, fromIso: string, n: number) => {
    for (let i = 0; i < n; i++)
      t.slack.addMessage(channel, {
        text: `message ${i}`,
        user: "U0PERSON",
        ts: `${at(fromIso).getTime() / 1000 + 60 + 2 * i}.000100`,
      });
  };

  it("a meeting reminder followed by 250 messages in its channel is found again, not posted twice", async () => {
    const m = await addMeeting(prisma(), { startsAt: at("2026-12-15T09:00:00Z"), attendees: [] });
    const key = `meeting-j7:${m}:C0COPIL`;
    await crashAfterPosting("2026-12-08T08:00:00Z", key);
    chatter("C0COPIL", "2026-12-08T08:00:00Z", 250);
    const report = await pass("2026-12-08T08:11:00Z");
    expect(report.recovered).toBe(1);
    expect(posts("meeting")).toHaveLength(1);
    const row = await prisma().delivery.findUniqueOrThrow({ where: { key } });
    expect(row.state).toBe("SENT");
    expect(row.ts).toBe(t.slack.messagesIn("C0COPIL")[0]?.ts);
    // The newest 200 did not hold it: the retry read a second page.
    expect(t.slack.callsTo("conversations.history").length).toBeGreaterThanOrEqual(2);
  });

  it("a direct reminder followed by 600 messages is found again; one never posted is posted once", async () => {
    const posted = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0OWNER1"] });
    const key = `deadline-j7:${posted}:U0OWNER1:2026-12-15`;
    await crashAfterPosting("2026-12-08T08:00:00Z", key);
    chatter("U0OWNER1", "2026-12-08T08:00:00Z", 600);
    expect((await pass("2026-12-08T08:11:00Z")).recovered).toBe(1);
    expect(posts("deadline")).toHaveLength(1);

    // The same traffic, but the process died before posting: the retry reads every page, then posts once.
    t.slack.reset();
    await clearScheduling(prisma());
    const lost = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0OWNER2"] });
    const lostKey = `deadline-j7:${lost}:U0OWNER2:2026-12-15`;
    await prisma().delivery.create({
      data: {
        key: lostKey,
        kind: "deadline-j7",
        target: "U0OWNER2",
        occurrence: `${lost}:2026-12-15`,
        dueAt: at("2026-12-08T08:00:00Z"),
        state: "CLAIMED",
        claimedAt: at("2026-12-08T08:00:00Z"),
        claimedBy: "dead-process",
        attempts: 1,
      },
    });
    chatter("U0OWNER2", "2026-12-08T08:00:00Z", 600);
    const report = await pass("2026-12-08T08:11:00Z");
    expect(report.recovered).toBe(0);
    expect(posts("deadline").map(keyOf)).toEqual([lostKey]);
    expect(t.slack.callsTo("conversations.history")).toHaveLength(3);
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
