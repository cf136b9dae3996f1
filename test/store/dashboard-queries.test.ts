// The set-based reads of /csi etat, the App Home and the weekly digest, on the real database (PGlite, or
// PostgreSQL in CI): each must give exactly what the former "load every commitment, filter in memory" gave.
import { beforeAll, describe, expect, it } from "vitest";
import { overdueCommitments, progressByParty, progressFromTallies } from "../../src/domain/dashboard.js";
import { computeDigest, digestCandidates } from "../../src/domain/digest.js";
import { commitmentWeeks, DIGEST_ACTIONS } from "../../src/domain/digest-events.js";
import { sortByUrgency } from "../../src/domain/status.js";
import type { Contract } from "../../src/domain/types.js";
import { readContractSeed, seedContract } from "../../src/store/seed.js";
import { createStore } from "../../src/store/store.js";
import {
  generateCommitmentSpecs,
  insertCommitments,
  insertMeeting,
  insertUpdate,
  setCommitment,
} from "../support/fixtures.js";
import { createTestDatabase } from "../support/test-database.js";
import { useTestStore } from "../support/use-test-store.js";

const TODAY = "2026-11-23";
const NOW = new Date("2026-11-23T08:00:00Z");
const DAY = 86_400_000;

const t = useTestStore("seeded");
let contract: Contract;
beforeAll(async () => {
  contract = (await t.store.contracts.findDefault())!;
  const prisma = t.prisma;
  // 60 generated commitments (every status, past and future due dates, some undated, a third owned by U0OWNER1),
  // a party found only in the data, and seeded ones moved around.
  await insertCommitments(prisma, generateCommitmentSpecs(60, { today: TODAY }));
  await insertCommitments(prisma, [
    {
      ref: "BAILLEUR-01",
      party: "BAILLEUR",
      title: "Partie importée",
      status: "LATE",
      progress: 30,
      dueOn: "2026-01-10",
      owners: ["U0OWNER1"],
    },
    {
      ref: "BAILLEUR-02",
      party: "BAILLEUR",
      title: "Partie importée, réalisée",
      status: "DONE",
      progress: 40,
      dueOn: "2026-01-10",
    },
  ]);
  await setCommitment(prisma, "VILLE-02", { status: "LATE", dueOn: "2026-11-01", owners: ["U0OWNER1"] });
  await setCommitment(prisma, "ETAT-01", { status: "DONE", dueOn: "2026-10-01", progress: 60 });
  await setCommitment(prisma, "PARQUET-02", { status: "DROPPED", progress: 10, dueOn: "2026-01-01" });
  const ville3 = await setCommitment(prisma, "VILLE-03", { status: "AT_RISK", dueOn: "2026-12-01", progress: 45 });
  await insertUpdate(prisma, ville3, {
    createdAt: new Date(NOW.getTime() - 20 * DAY),
    status: "ON_TRACK",
    progress: 30,
  });
  await insertUpdate(prisma, ville3, { createdAt: new Date(NOW.getTime() - 2 * DAY), status: "AT_RISK", progress: 45 });
  // Updated this week, and done since: only the week's changes can list it.
  const etat2 = await setCommitment(prisma, "ETAT-02", { status: "DONE", progress: 100 });
  await insertUpdate(prisma, etat2, { createdAt: new Date(NOW.getTime() - 1 * DAY), status: "DONE", progress: 100 });
  await prisma.commitment.updateMany({
    where: { ref: { in: ["ETAT-02", "VILLE-03"] } },
    data: { lastUpdateAt: new Date(NOW.getTime() - DAY) },
  });
});

const refs = (xs: readonly { ref: string }[]) => xs.map((x) => x.ref);

describe("tallies", () => {
  it("count per party and status, sum progress (raw and within 0–100) and count what is due before today", async () => {
    const tallies = await t.store.dashboard.tally(contract.id, TODAY);
    const all = await t.store.commitments.listByContract(contract.id);
    for (const tally of tallies) {
      const mine = all.filter((c) => c.party === tally.party && c.status === tally.status);
      expect(tally.count).toBe(mine.length);
      expect(tally.progressSum).toBe(mine.reduce((s, c) => s + c.progress, 0));
      expect(tally.clampedProgressSum).toBe(mine.reduce((s, c) => s + Math.min(100, Math.max(0, c.progress)), 0));
      expect(tally.dueBeforeToday).toBe(mine.filter((c) => c.dueOn !== null && c.dueOn < TODAY).length);
    }
    expect(tallies.reduce((s, tally) => s + tally.count, 0)).toBe(all.length);
    expect(tallies.find((tally) => tally.party === "BAILLEUR" && tally.status === "LATE")).toMatchObject({
      count: 1,
      progressSum: 30,
      dueBeforeToday: 1,
    });
  });

  it("give the App Home the same per-party figures as counting every commitment", async () => {
    const all = await t.store.commitments.listByContract(contract.id);
    const fromTallies = progressFromTallies(contract.parties, await t.store.dashboard.tally(contract.id, TODAY));
    expect(fromTallies).toEqual(progressByParty(contract.parties, all, TODAY));
    expect(fromTallies.map((p) => p.party)).toEqual(["ETAT", "VILLE", "PARQUET", "BAILLEUR"]);
  });

  it("cover every contract when no contract is named", async () => {
    const other = await t.prisma.contract.create({
      data: {
        ref: "CSI-AUTRE",
        title: "Autre contrat",
        signedOn: new Date("2026-01-01T00:00:00Z"),
        endsOn: new Date("2030-01-01T00:00:00Z"),
        timezone: "Europe/Paris",
      },
    });
    try {
      await insertCommitments(
        t.prisma,
        [{ ref: "ETAT-01", party: "ETAT", title: "Ailleurs", status: "LATE", dueOn: "2026-01-01" }],
        other.id,
      );
      const mine = await t.store.dashboard.tally(contract.id, TODAY);
      const every = await t.store.digest.tally(TODAY);
      const late = (ts: typeof mine) =>
        ts.find((tally) => tally.party === "ETAT" && tally.status === "LATE")?.count ?? 0;
      expect(late(every)).toBe(late(mine) + 1);
    } finally {
      await t.prisma.contract.delete({ where: { id: other.id } });
    }
  });
});

describe("countByParty (/csi etat)", () => {
  it("counts from the tallies what listing every commitment counted", async () => {
    const counts = await t.store.commitments.countByParty(contract.id, ["ETAT", "VILLE", "PARQUET"], TODAY);
    const all = await t.store.commitments.listByContract(contract.id);
    expect(counts.map((c) => c.party)).toEqual(["ETAT", "VILLE", "PARQUET", "BAILLEUR"]);
    for (const c of counts) {
      const mine = all.filter((x) => x.party === c.party);
      const kept = mine.filter((x) => x.status !== "DROPPED");
      expect(c.total).toBe(mine.length);
      expect(c.overdue).toBe(overdueCommitments(mine, TODAY).length);
      expect(c.averageProgress).toBe(
        kept.length ? Math.round(kept.reduce((s, x) => s + x.progress, 0) / kept.length) : 0,
      );
    }
  });
});

describe("App Home lists", () => {
  it("read the overdue commitments most late first, then by ref, cut to the limit", async () => {
    const all = await t.store.commitments.listByContract(contract.id);
    const expected = overdueCommitments(all, TODAY);
    expect(expected.length).toBeGreaterThan(5);
    expect(refs(await t.store.dashboard.listOverdue(contract.id, TODAY, 5))).toEqual(refs(expected.slice(0, 5)));
    expect(await t.store.dashboard.listOverdue(contract.id, TODAY, 500)).toEqual(expected);
  });

  it("read a user's commitments most urgent first, cut to the limit, with how many they own", async () => {
    const owned = await t.store.commitments.listOwnedBy("U0OWNER1");
    const expected = sortByUrgency(owned, TODAY);
    expect(expected.length).toBeGreaterThan(4);
    const cut = await t.store.dashboard.listOwnedByUrgency(contract.id, "U0OWNER1", TODAY, 4);
    expect(cut.total).toBe(owned.length);
    expect(cut.items).toEqual(expected.slice(0, 4));
    expect(await t.store.dashboard.listOwnedByUrgency(contract.id, "U0NOBODY", TODAY, 4)).toEqual({
      items: [],
      total: 0,
    });
  });

  it("offer coordinators the first commitments by ref to edit", async () => {
    const all = await t.store.commitments.listByContract(contract.id);
    expect(await t.store.dashboard.listEditable(contract.id, 7)).toEqual(
      all.slice(0, 7).map((c) => ({ id: c.id, ref: c.ref, title: c.title })),
    );
  });
});

describe("next meeting of each kind", () => {
  it("finds the next GLTD and COPIL in one query, as findNextOfKind does one by one, with attendees and decisions", async () => {
    const prisma = t.prisma;
    await insertMeeting(prisma, { kind: "GLTD", startsAt: new Date("2026-11-20T09:00:00Z"), title: "Passé" });
    const gltd = await insertMeeting(prisma, {
      kind: "GLTD",
      startsAt: new Date("2026-12-03T09:00:00Z"),
      title: "GLTD de décembre",
      place: "Mairie",
      attendees: ["U0B", "U0A"],
    });
    await insertMeeting(prisma, { kind: "GLTD", startsAt: new Date("2027-01-07T09:00:00Z") });
    await insertMeeting(prisma, { kind: "CLSPD", startsAt: new Date("2026-11-25T09:00:00Z") });
    await prisma.decision.create({
      data: {
        meetingId: gltd,
        text: "Relevé préparé à l'avance",
        createdBy: "U0COORD01",
        createdAt: new Date("2026-11-22T10:00:00Z"),
      },
    });
    const next = await t.store.meetings.findNextOfKinds(contract.id, ["GLTD", "COPIL"], NOW);
    expect(next.get("GLTD")).toEqual(await t.store.meetings.findNextOfKind(contract.id, "GLTD", NOW));
    expect(next.get("GLTD")).toMatchObject({
      id: gltd,
      attendees: ["U0A", "U0B"],
      decisions: [{ text: "Relevé préparé à l'avance", outcome: "NOTE", meetingId: gltd }],
    });
    expect(next.get("COPIL")).toBe(null);
    expect([...next.keys()]).toEqual(["GLTD", "COPIL"]);
  });
});

describe("weekly digest reads", () => {
  it("build the same digest from the candidates and tallies as from every commitment", async () => {
    const weeks = commitmentWeeks(
      await t.store.audit.listBetween(new Date(NOW.getTime() - 7 * DAY), NOW, DIGEST_ACTIONS),
    );
    const updatedIds = weeks.map((w) => w.commitmentId);
    const base = {
      now: NOW,
      timezone: "Europe/Paris",
      parties: contract.parties,
      weeks,
      meetings: [],
      undeliverable: [],
    };
    const everything = await t.store.schedule.listForDigest();
    const candidates = await t.store.digest.listCandidates(digestCandidates(NOW, "Europe/Paris"), updatedIds);
    expect(candidates.length).toBeLessThan(everything.length);
    expect(refs(candidates)).toContain("ETAT-02"); // done, but changed this week
    const full = computeDigest({ ...base, commitments: everything });
    expect(computeDigest({ ...base, commitments: candidates, tallies: await t.store.digest.tally(TODAY) })).toEqual(
      full,
    );
    expect(full.changes.map((c) => c.commitment.ref)).toEqual(["ETAT-02", "VILLE-03"]);
    expect(full.overdue.length).toBeGreaterThan(0);
    expect(full.parties.map((p) => p.party)).toEqual(["ETAT", "VILLE", "PARQUET", "BAILLEUR"]);
  });
});

describe("default contract", () => {
  it("is read once per store and kept, while an absence is not kept", async () => {
    const first = await t.store.contracts.findDefault();
    expect(await t.store.contracts.findDefault()).toBe(first);
    const empty = await createTestDatabase("migrated");
    try {
      const fresh = createStore(empty.db.prisma);
      expect(await fresh.contracts.findDefault()).toBe(null);
      await seedContract(empty.db.prisma, await readContractSeed());
      expect((await fresh.contracts.findDefault())?.ref).toBe(first?.ref);
    } finally {
      await empty.db.close();
      await empty.drop();
    }
  });
});
