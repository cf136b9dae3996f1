// Each contract's jobs run on its own schedule: its time zone, digest day and hour, reminder hour, its
// coordinators and digest channel; its digest tells only its own commitments; its deliveries carry it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertContract, insertStateCommitment } from "../support/fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../support/test-app.js";
import { clearScheduling, keyOf, postsOf } from "./fixtures.js";

let t: TestApp;
let noumea = "";
const NOUMEA_COORD = "U0NOUCOORD";
const at = (iso: string) => new Date(iso);
const pass = (iso: string) => t.vigie.scheduler.runPass(at(iso));

const commitment = (contractId: string, ref: string, title: string, owner: string) =>
  insertStateCommitment(t.db.prisma, contractId, ref, title, [owner]);

beforeAll(async () => {
  t = await startTestApp({ env: { CSI_DIGEST_CHANNEL: "C0DIGEST" } });
  const row = await insertContract(
    t.db.prisma,
    {
      ref: "CSI-NOUMEA",
      title: "CSI de Nouméa",
      signedOn: new Date("2025-03-01T00:00:00Z"),
      timezone: "Pacific/Noumea",
      digestChannelId: "C0NOUMEA",
      digestWeekday: 2,
      digestTime: "07:00",
      reminderHour: "08:00",
      roles: { create: [{ userId: NOUMEA_COORD, role: "COORDINATOR", grantedBy: NOUMEA_COORD }] },
    },
    "Haut-commissaire",
  );
  noumea = row.id;
});
afterAll(() => t.stop());
beforeEach(async () => {
  await clearScheduling(t.db.prisma);
  await t.db.prisma.commitment.deleteMany({ where: { ref: { startsWith: "P-" } } });
  t.slack.reset();
});

describe("per-contract jobs", () => {
  it("deadline reminders at each contract's own hour, in its own zone; each delivery records its contract", async () => {
    const chambery = (await t.db.prisma.contract.findFirstOrThrow({ where: { ref: { not: "CSI-NOUMEA" } } })).id;
    const paris = await commitment(chambery, "P-PARIS", "Vidéoprotection du centre", "U0OWNERP");
    const pacific = await commitment(noumea, "P-PACIF", "Médiation de nuit à Nouméa", "U0OWNERN");
    // 8 December, 08:00 in Nouméa (UTC+11) = 7 December 21:00 UTC: Nouméa's J-7 only.
    await pass("2026-12-07T21:00:00Z");
    expect(postsOf(t.slack.calls, "deadline").map(keyOf)).toEqual([`deadline-j7:${pacific}:U0OWNERN:2026-12-15`]);
    // 8 December, 09:00 in Paris: Chambéry's.
    await pass("2026-12-08T08:00:00Z");
    expect(postsOf(t.slack.calls, "deadline").map(keyOf)).toEqual([
      `deadline-j7:${pacific}:U0OWNERN:2026-12-15`,
      `deadline-j7:${paris}:U0OWNERP:2026-12-15`,
    ]);
    const rows = await t.db.prisma.delivery.findMany({ where: { kind: "deadline-j7" }, orderBy: { dueAt: "asc" } });
    expect(rows.map((r) => r.contractId)).toEqual([noumea, chambery]);
  });

  it("each contract's digest on its own day and hour, to its own coordinators and channel, about its own commitments only", async () => {
    const chambery = (await t.db.prisma.contract.findFirstOrThrow({ where: { ref: { not: "CSI-NOUMEA" } } })).id;
    await commitment(chambery, "P-PARIS", "Vidéoprotection du centre", "U0OWNERP");
    await commitment(noumea, "P-PACIF", "Médiation de nuit à Nouméa", "U0OWNERN");
    // Monday 7 December 08:30 Paris: Chambéry's digest, its keys as before contracts had their own.
    await pass("2026-12-07T07:30:00Z");
    const first = postsOf(t.slack.calls, "digest");
    expect(first.map((c) => c.params.channel).sort()).toEqual(["C0DIGEST", COORDINATOR]);
    expect(first.map(keyOf).sort()).toEqual([`digest:2026-W50:C0DIGEST`, `digest:2026-W50:${COORDINATOR}`]);
    for (const post of first) expect(blocksText(post.params)).not.toContain("Nouméa");
    // Tuesday 8 December 07:00 in Nouméa = Monday 20:00 UTC: Nouméa's digest, keyed with its contract.
    await pass("2026-12-07T20:00:00Z");
    const second = postsOf(t.slack.calls, "digest").slice(first.length);
    expect(second.map((c) => c.params.channel).sort()).toEqual(["C0NOUMEA", NOUMEA_COORD]);
    expect(second.map(keyOf).sort()).toEqual([
      `digest:2026-W50:C0NOUMEA:${noumea}`,
      `digest:2026-W50:${NOUMEA_COORD}:${noumea}`,
    ]);
    for (const post of second) {
      const text = blocksText(post.params);
      expect(text).toContain("Nouméa");
      expect(text).not.toContain("Vidéoprotection du centre");
    }
    // Nothing is sent twice.
    await pass("2026-12-07T20:01:00Z");
    expect(postsOf(t.slack.calls, "digest")).toHaveLength(4);
  });
});
