// findByRef reads a commitment and its relations in one statement (commitment-read.ts): the same commitment as the
// relation-by-relation read, for every commitment of the seeded contract and for one with every kind of relation.
import { beforeAll, describe, expect, it } from "vitest";
import { commitmentInclude, toCommitment } from "../../src/store/commitments-repo.js";
import { defaultContractId } from "../support/fixtures.js";
import { useTestStore } from "../support/use-test-store.js";

const t = useTestStore("seeded");
let contractId = "";
let richId = "";

beforeAll(async () => {
  contractId = await defaultContractId(t.prisma);
  const rich = await t.prisma.commitment.findFirstOrThrow({ where: { contractId }, orderBy: { ref: "asc" } });
  richId = rich.id;
  await t.prisma.commitmentOwner.createMany({
    data: [
      { commitmentId: rich.id, userId: "U0ZOWNER" },
      { commitmentId: rich.id, userId: "U0AOWNER" },
    ],
    skipDuplicates: true,
  });
  await t.prisma.follower.create({ data: { commitmentId: rich.id, userId: "U0FOLLOW" } });
  await t.prisma.indicator.createMany({
    data: [
      { commitmentId: rich.id, position: 9, label: "Caméras posées", unit: "caméras", target: 40, current: 12.5 },
      { commitmentId: rich.id, position: 8, label: "Réunions", baseline: 0, baselineOn: new Date("2026-01-05") },
    ],
  });
  await t.prisma.milestone.createMany({
    data: [
      { commitmentId: rich.id, title: "Sans date" },
      { commitmentId: rich.id, title: "Étude", dueOn: new Date("2026-12-01"), doneOn: new Date("2026-11-20") },
    ],
  });
  const asked = {
    commitmentId: rich.id,
    requestedBy: "U0AOWNER",
    statusBefore: "ON_TRACK" as const,
    progressBefore: 30,
  };
  await t.prisma.commitmentRequest.createMany({
    data: [
      {
        ...asked,
        kind: "DUE_DATE",
        requestedAt: new Date("2026-11-01T10:00:00.123Z"),
        reason: "Retard du marché",
        proposedDueOn: new Date("2027-03-31"),
      },
      { ...asked, kind: "DONE", requestedAt: new Date("2026-10-01T10:00:00Z"), decision: "REFUSED", decidedBy: "U0C" },
    ],
  });
});

describe("findByRef in one statement", () => {
  it("gives every commitment as the relation-by-relation read does", async () => {
    const rows = await t.prisma.commitment.findMany({ where: { contractId }, include: commitmentInclude });
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows)
      expect(await t.store.commitments.findByRef(contractId, row.ref), row.ref).toEqual(toCommitment(row));
    // The one given every kind of relation (a decided request is not pending).
    const rich = rows.find((r) => r.id === richId);
    expect([rich?.milestones.length, rich?.requests.length, rich?.followers.length]).toEqual([2, 1, 1]);
    expect(rich?.indicators.length).toBeGreaterThanOrEqual(2);
  });

  it("finds nothing for a ref of no commitment, another contract's id or a forged one", async () => {
    const [row] = await t.prisma.commitment.findMany({ where: { contractId }, take: 1 });
    expect(await t.store.commitments.findByRef(contractId, "NOPE-99")).toBeNull();
    expect(await t.store.commitments.findByRef("00000000-0000-4000-8000-000000000000", row?.ref ?? "")).toBeNull();
    expect(await t.store.commitments.findByRef("pas-un-uuid", row?.ref ?? "")).toBeNull();
  });
});
