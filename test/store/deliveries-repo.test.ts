import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDeliveriesRepo, type DeliveriesRepo } from "../../src/store/deliveries-repo.js";
import { useTestStore } from "../support/use-test-store.js";

const t = useTestStore("migrated");
let repo: DeliveriesRepo;
const now = new Date("2026-12-08T08:00:00Z");
const input = (key: string) => ({
  key,
  kind: "deadline-j7",
  target: "U0OWNER1",
  occurrence: "c1:2026-12-15",
  dueAt: now,
});

beforeAll(() => {
  repo = createDeliveriesRepo(t.prisma);
});
beforeEach(async () => {
  await t.prisma.delivery.deleteMany();
});

describe("claims", () => {
  it("one key, twenty concurrent claimers: exactly one wins", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => repo.claim(input("k1"), now, `p${i}`)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const row = await repo.find("k1");
    expect([row?.state, row?.attempts]).toEqual(["CLAIMED", 1]);
  });

  it("a stale claim is taken over by one of several racing processes, with attempts bumped", async () => {
    const claim = await repo.claim(input("k2"), now, "dead");
    expect(claim).not.toBeNull();
    const later = new Date(now.getTime() + 11 * 60_000);
    const staleBefore = new Date(later.getTime() - 10 * 60_000);
    // Not stale yet for a cutoff before the claim.
    expect(await repo.reclaim({ key: "k2", attempts: 1 }, new Date(now.getTime() - 1), later, "p1")).toBeNull();
    const racers = await Promise.all(
      ["a", "b", "c"].map((by) => repo.reclaim({ key: "k2", attempts: 1 }, staleBefore, later, by)),
    );
    expect(racers.filter(Boolean)).toHaveLength(1);
    expect((await repo.find("k2"))?.attempts).toBe(2);
    // The dead process's late write does not land over the new claim.
    expect(await repo.markSent(claim!, { channel: "D1", ts: "1.1", at: later })).toBe(false);
    const winner = racers.find(Boolean)!;
    expect(await repo.markSent(winner, { channel: "D1", ts: "1.2", at: later })).toBe(true);
    expect((await repo.find("k2"))?.ts).toBe("1.2");
  });

  it("undeliverable rows are listed for the digest of their window, then marked reported", async () => {
    const c = await repo.claim(input("k3"), now, "p");
    await repo.markUndeliverable(c!, "user_not_found", now);
    const since = new Date("2026-12-07T07:30:00Z");
    const until = new Date("2026-12-14T07:30:00Z");
    expect((await repo.listUndeliverableForDigest(since, until)).map((r) => [r.key, r.error])).toEqual([
      ["k3", "user_not_found"],
    ]);
    await repo.markReported(["k3"]);
    // Still in this week's window (every recipient of the digest gets the same list)…
    expect(await repo.listUndeliverableForDigest(since, until)).toHaveLength(1);
    // …but not in next week's.
    expect(await repo.listUndeliverableForDigest(until, new Date("2026-12-21T07:30:00Z"))).toHaveLength(0);
  });

  it("missingKeys tells which keys have no row, over tens of thousands of keys and odd characters alike", async () => {
    for (const key of ["k6", "odd'key\\n,{x}", "k8"]) await repo.claim(input(key), now, "p");
    const many = Array.from({ length: 25_000 }, (_, i) => `bulk:${i}`);
    const asked = ["k6", "k7", "odd'key\\n,{x}", "k8", 'q"uote', ...many];
    expect([...(await repo.missingKeys(asked))].sort()).toEqual(['q"uote', "k7", ...many].sort());
    // A key holding a newline goes through the array parameter, with the same answer.
    await repo.claim(input("line\nbreak"), now, "p");
    expect([...(await repo.missingKeys(["line\nbreak", "k6", "k9", "other\nline"]))].sort()).toEqual([
      "k9",
      "other\nline",
    ]);
    expect((await repo.missingKeys([])).size).toBe(0);
  });
});
