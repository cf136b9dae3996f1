// One message per person per sending slot (issue 10): folding, its limits, and exactly-once per item.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/slack/ids.js";
import { blockLimitViolations } from "../support/block-limits.js";
import { slackError } from "../support/fake-slack.js";
import { blocksText, buttonsOf, COORDINATOR, startTestApp, type TestApp } from "../support/test-app.js";
import { addCommitment, clearScheduling, keysOf, postsOf } from "./fixtures.js";

let t: TestApp;
const at = (iso: string) => new Date(iso);
const pass = (iso: string) => t.vigie.scheduler.runPass(at(iso));
const prisma = () => t.db.prisma;
const postsTo = (channel: string) => postsOf(t.slack.calls).filter((c) => c.params.channel === channel);

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());
beforeEach(async () => {
  await clearScheduling(prisma());
  t.slack.reset();
});

/** `n` commitments of one owner, all due on 1 December 2026 (overdue #1 on Tuesday 8 December 09:00). */
const overdueFor = async (owner: string, n: number, dueOn = "2026-12-01") => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(await addCommitment(prisma(), { dueOn, owners: [owner], title: `Action numéro ${i + 1}` }));
  return ids;
};

describe("one message per person per sending slot", () => {
  it("an owner with 12 overdue commitments gets one message: a summary, 10 sections with their buttons, « … et 2 autres »", async () => {
    const ids = await overdueFor("U0MANY", 12);
    const report = await pass("2026-12-08T08:00:00Z");
    const mine = postsTo("U0MANY");
    expect(mine).toHaveLength(1);
    const message = mine[0]!;
    expect(keysOf(message).sort()).toEqual(ids.map((id) => `overdue:${id}:U0MANY:1`).sort());
    expect(report.sent).toBeGreaterThanOrEqual(12);
    expect(blockLimitViolations(message.params.blocks as unknown[], { text: String(message.params.text) })).toEqual([]);
    const text = blocksText(message.params);
    expect(text).toContain("12 engagements demandent votre attention : 12 en retard.");
    expect(text).toContain("… et 2 autres.");
    const buttons = buttonsOf(message.params);
    expect(buttons.filter((b) => b.action_id === ACTIONS.openUpdate)).toHaveLength(10);
    expect(buttons.filter((b) => b.action_id === ACTIONS.stillOnTrack)).toHaveLength(10);
    expect(buttons.filter((b) => b.action_id === ACTIONS.snoozeDay)).toHaveLength(10);
    expect(buttons.filter((b) => b.action_id === ACTIONS.snoozeWeek)).toHaveLength(10);
    expect(buttons.filter((b) => b.action_id === ACTIONS.proposeDueDate).map((b) => b.value)).toHaveLength(10);
    expect(text).toContain("Voir tous mes engagements");
    // Every item is recorded under its own key, with the one message's ts.
    const rows = await prisma().delivery.findMany({ where: { target: "U0MANY" } });
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => `${r.state}:${r.ts}`)).size).toBe(1);
    expect(rows[0]?.state).toBe("SENT");
  });

  it("deadline, overdue and check-in items of one person fold together; « Rappeler demain » moves that section's items", async () => {
    await overdueFor("U0MIX", 1);
    const soon = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0MIX"], title: "Bientôt" });
    await pass("2026-12-08T08:00:00Z");
    const [message] = postsTo("U0MIX");
    expect(postsTo("U0MIX")).toHaveLength(1);
    expect(blocksText(message!.params)).toContain(
      "2 engagements demandent votre attention : 1 en retard, 1 à échéance proche.",
    );
    const snooze = buttonsOf(message!.params).filter((b) => b.action_id === ACTIONS.snoozeDay);
    expect(snooze.map((b) => b.value)).toContain(`deadline-j7:${soon}:U0MIX:2026-12-15`);
  });

  it("a coordinator's overdue copies come as one message, listing each commitment with its owners", async () => {
    // Due 17 November: week 2 overdue on Tuesday 1 December → the coordinators are copied.
    await overdueFor("U0LATE1", 2, "2026-11-17");
    await overdueFor("U0LATE2", 1, "2026-11-17");
    await pass("2026-12-01T08:00:00Z");
    const copies = postsOf(t.slack.calls, "overdue-cc").filter((c) => c.params.channel === COORDINATOR);
    expect(copies).toHaveLength(1);
    expect(keysOf(copies[0]!).filter((k) => k.startsWith("overdue-cc:"))).toHaveLength(3);
    const text = blocksText(copies[0]!.params);
    expect(text).toContain("Pour information, 3 engagements sont en retard depuis plus d'une semaine.");
    expect(text).toContain("<@U0LATE2>");
    expect(postsTo("U0LATE1")).toHaveLength(1);
  });

  it("a crash after one folded message was posted: nothing twice, nothing lost", async () => {
    const a = await overdueFor("U0FIRST", 3);
    const b = await overdueFor("U0SECOND", 2);
    t.slack.clock = () => at("2026-12-08T08:00:30Z").getTime();
    // U0SECOND's message does not get through (the process dies while it is on its way: no answer).
    t.slack.on("chat.postMessage", (p) =>
      p.channel === "U0SECOND" ? { status: 500 } : { body: { channel: p.channel, ts: "1796716830.000100" } },
    );
    await pass("2026-12-08T08:00:00Z");
    // …and U0FIRST's rows were never marked sent: the process died right after Slack's answer.
    await prisma().delivery.updateMany({
      where: { target: "U0FIRST" },
      data: { state: "CLAIMED", ts: null, channel: null, sentAt: null, claimedBy: "dead-process" },
    });
    t.slack.reset();
    t.slack.addMessage("U0FIRST", {
      ts: "1796716830.000100",
      text: "…",
      bot_id: "B0VIGIE",
      metadata: {
        event_type: "vigie_delivery",
        event_payload: { key: `overdue:${a[0]}:U0FIRST:1`, keys: a.map((id) => `overdue:${id}:U0FIRST:1`).join(" ") },
      },
    });
    const report = await pass("2026-12-08T08:11:00Z");
    expect(report.recovered).toBe(3);
    expect(postsTo("U0FIRST")).toHaveLength(0);
    expect(postsTo("U0SECOND")).toHaveLength(1);
    expect(keysOf(postsTo("U0SECOND")[0]!).sort()).toEqual(b.map((id) => `overdue:${id}:U0SECOND:1`).sort());
    const rows = await prisma().delivery.findMany({ where: { target: { in: ["U0FIRST", "U0SECOND"] } } });
    expect(rows.map((r) => r.state)).toEqual(Array(5).fill("SENT"));
    expect(await pass("2026-12-08T08:30:00Z")).toMatchObject({ sent: 0, retried: 0 });
  });

  it("a recipient Slack cannot reach: every folded item is recorded undeliverable, once", async () => {
    await overdueFor("U0GONE", 2);
    t.slack.on("chat.postMessage", () => slackError("account_inactive"));
    await pass("2026-12-08T08:00:00Z");
    expect(postsTo("U0GONE")).toHaveLength(1);
    const rows = await prisma().delivery.findMany({ where: { target: "U0GONE" } });
    expect(rows.map((r) => [r.state, r.error])).toEqual([
      ["UNDELIVERABLE", "account_inactive"],
      ["UNDELIVERABLE", "account_inactive"],
    ]);
    await pass("2026-12-08T08:30:00Z");
    expect(postsTo("U0GONE")).toHaveLength(1);
  });

  it("is written in the recipient's Slack language", async () => {
    await overdueFor("U0ENGLISH", 2);
    t.slack.on("users.info", (p) => ({
      body: { user: { id: p.user, locale: p.user === "U0ENGLISH" ? "en-US" : "fr-FR" } },
    }));
    await pass("2026-12-08T08:00:00Z");
    const text = blocksText(postsTo("U0ENGLISH")[0]!.params);
    expect(text).toContain("2 commitments need your attention: 2 overdue.");
    expect(text).toContain("Past its due date: Tuesday 1 December 2026 (7 days ago).");
  });
});
