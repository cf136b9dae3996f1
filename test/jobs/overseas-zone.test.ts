// An overseas contract (Cayenne, UTC−3) beside Chambéry (Paris): a retry waits for a decent hour in its own
// contract's zone, not the configuration's, and one person's reminders of both contracts are folded per zone.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertContract, insertStateCommitment } from "../support/fixtures.js";
import { blocksText, startTestApp, type TestApp } from "../support/test-app.js";
import { clearScheduling, keysOf, postsOf } from "./fixtures.js";

let t: TestApp;
let cayenne = "";
let chambery = "";
const OWNER = "U0GUYOWNER";
const pass = (iso: string) => t.vigie.scheduler.runPass(new Date(iso));

const commitment = (contractId: string, ref: string, title: string) =>
  insertStateCommitment(t.db.prisma, contractId, ref, title, [OWNER], {
    dueOn: new Date("2026-12-09T00:00:00Z"),
    lastUpdateAt: new Date("2026-11-25T10:00:00Z"),
  });

beforeAll(async () => {
  t = await startTestApp();
  chambery = (await t.vigie.deps.store.contracts.findDefault())?.id ?? "";
  cayenne = (
    await insertContract(
      t.db.prisma,
      {
        ref: "CSI-CAYENNE",
        title: "CSI de Cayenne",
        signedOn: new Date("2025-03-01T00:00:00Z"),
        endsOn: new Date("2028-12-31T00:00:00Z"),
        timezone: "America/Cayenne",
        // 05:00 in Cayenne is 08:00 UTC, 09:00 in Paris: both contracts' reminders fall in the same pass.
        reminderHour: "05:00",
      },
      "Préfet de la Guyane",
    )
  ).id;
});
afterAll(() => t.stop());
beforeEach(async () => {
  await clearScheduling(t.db.prisma);
  await t.db.prisma.commitment.deleteMany({ where: { ref: { startsWith: "Z-" } } });
  t.slack.reset();
});

describe("each contract's own time zone", () => {
  it("a failed reminder of the Cayenne contract is retried at a decent hour in Cayenne, not in Paris", async () => {
    await commitment(cayenne, "Z-GUY", "Médiation au marché de Cayenne");
    t.slack.on("chat.postMessage", () => ({ status: 500, text: "boom" }), { once: true });
    // Wednesday 2 December 2026, 08:00 UTC: 05:00 in Cayenne, its reminder hour (J-7 of the 9th).
    expect((await pass("2026-12-02T08:00:00Z")).failed).toBe(1);
    // 10:30 UTC: 11:30 in Paris but 07:30 in Cayenne, within the quiet hours (19:00–09:00): the retry waits.
    expect((await pass("2026-12-02T10:30:00Z")).retried).toBe(0);
    const waiting = await t.db.prisma.delivery.findFirstOrThrow({ where: { kind: "deadline-j7" } });
    expect([waiting.state, waiting.attempts, waiting.contractId]).toEqual(["FAILED", 1, cayenne]);
    // 12:30 UTC: 09:30 in Cayenne: it goes.
    expect((await pass("2026-12-02T12:30:00Z")).retried).toBe(1);
    const row = await t.db.prisma.delivery.findFirstOrThrow({ where: { kind: "deadline-j7" } });
    expect([row.state, row.attempts]).toEqual(["SENT", 2]);
  });

  it("one person's reminders of a Paris and a Cayenne contract: one message per zone, each with its own items", async () => {
    const paris = await commitment(chambery, "Z-PAR", "Vidéoprotection du centre de Chambéry");
    const guyane = await commitment(cayenne, "Z-GUY", "Médiation au marché de Cayenne");
    await pass("2026-12-02T08:00:00Z");
    const posts = postsOf(t.slack.calls, "deadline-j7").filter((c) => c.params.channel === OWNER);
    expect(posts).toHaveLength(2);
    const parisPost = posts.find((p) => keysOf(p).some((k) => k.includes(paris)));
    const guyanePost = posts.find((p) => keysOf(p).some((k) => k.includes(guyane)));
    expect(blocksText(parisPost?.params ?? {})).toContain("Vidéoprotection du centre de Chambéry");
    expect(blocksText(parisPost?.params ?? {})).not.toContain("Médiation au marché de Cayenne");
    expect(blocksText(guyanePost?.params ?? {})).toContain("Médiation au marché de Cayenne");
    expect(blocksText(guyanePost?.params ?? {})).not.toContain("Vidéoprotection du centre de Chambéry");
    const rows = await t.db.prisma.delivery.findMany({ where: { kind: "deadline-j7" }, orderBy: { key: "asc" } });
    expect(rows.map((r) => r.state)).toEqual(["SENT", "SENT"]);
  });
});
