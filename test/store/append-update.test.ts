// The progress form's storage in few statements: the commitment read in one statement is the one read relation by
// relation; the earlier updates read for the correction rules are placementHistory's (the domain's); and facts read
// before the transaction that changed before the lock are noticed: the rules are applied again to what is stored.
import { beforeAll, describe, expect, it } from "vitest";
import type { ProgressDraft } from "../../src/domain/progress-update.js";
import { replayState } from "../../src/domain/requests.js";
import { placementHistory } from "../../src/domain/update-versions.js";
import { appendInTx } from "../../src/store/append-update.js";
import { commitmentInclude, toCommitment } from "../../src/store/commitments-repo.js";
import { useTestStore } from "../support/use-test-store.js";

const t = useTestStore("seeded");
const OWNER = "U0OWNERAP";
const OTHER = "U0OTHERAP";
let ids: string[];

const draft = (over: Partial<ProgressDraft> = {}): ProgressDraft => ({
  status: "ON_TRACK",
  progress: 40,
  indicatorValues: [],
  comment: "Point d'étape tenu avec les partenaires.",
  nextStep: null,
  nextStepOn: null,
  blockers: null,
  evidenceUrl: null,
  evidence: null,
  ...over,
});

let clock = Date.parse("2026-11-02T08:00:00Z");
const tick = () => new Date((clock += 60_000));
let keys = 0;
const append = (
  commitmentId: string,
  authorId: string,
  supersedesId: string | null,
  over: Partial<ProgressDraft> = {},
) =>
  t.store.updates.append({
    commitmentId,
    authorId,
    submissionKey: `AP${++keys}`,
    supersedesId,
    draft: draft(over),
    at: tick(),
    today: "2026-11-02",
  });

beforeAll(async () => {
  const rows = await t.prisma.commitment.findMany({ take: 5, orderBy: { ref: "asc" }, select: { id: true } });
  ids = rows.map((r) => r.id);
  // The first one has every relation the sheet shows: two owners, a follower, indicators, milestones, requests.
  const [rich] = ids;
  await t.prisma.commitmentOwner.createMany({
    data: [OWNER, OTHER].map((userId) => ({ commitmentId: rich!, userId })),
    skipDuplicates: true,
  });
  await t.prisma.follower.create({ data: { commitmentId: rich!, userId: "U0FOLLOWAP" } });
  await t.prisma.indicator.createMany({
    data: [
      { commitmentId: rich!, position: 9, label: "Caméras posées", unit: "caméras", target: 40, current: 12.5 },
      { commitmentId: rich!, position: 8, label: "Réunions", baseline: 0, baselineOn: new Date("2026-01-05") },
    ],
  });
  await t.prisma.milestone.createMany({
    data: [
      { commitmentId: rich!, title: "Sans date" },
      { commitmentId: rich!, title: "Étude", dueOn: new Date("2026-12-01"), doneOn: new Date("2026-11-20") },
    ],
  });
  await t.prisma.commitmentRequest.create({
    data: {
      commitmentId: rich!,
      kind: "DUE_DATE",
      requestedBy: OWNER,
      requestedAt: new Date("2026-11-01T10:00:00.123Z"),
      reason: "Retard du marché",
      proposedDueOn: new Date("2027-03-31"),
      statusBefore: "ON_TRACK",
      progressBefore: 30,
    },
  });
});

describe("one statement for the commitment", () => {
  it("findById and readForAppend give the commitment as the relation-by-relation read does", async () => {
    for (const id of ids) {
      const row = await t.prisma.commitment.findUniqueOrThrow({ where: { id }, include: commitmentInclude });
      const expected = toCommitment(row);
      expect(await t.store.commitments.findById(id)).toEqual(expected);
      const read = await t.store.updates.readForAppend({ commitmentId: id, submissionKey: "none", supersedesId: null });
      expect(read.commitment).toEqual(expected);
      expect(read.already).toBeNull();
    }
    // By position, whatever the order they were written in.
    const labels = ids[0] ? (await t.store.commitments.findById(ids[0]))?.indicators.map((i) => i.label) : [];
    expect(labels?.slice(-2)).toEqual(["Réunions", "Caméras posées"]);
  });

  it("finds the update a submission key already stored, and nothing for a forged id", async () => {
    const [, id] = ids;
    const stored = await append(id!, OWNER, null);
    if (stored.kind !== "created") throw new Error(stored.kind);
    const again = await t.store.updates.readForAppend({
      commitmentId: id!,
      submissionKey: `AP${keys}`,
      supersedesId: null,
    });
    expect(again.already).toEqual(stored.update);
    const forged = await t.store.updates.readForAppend({
      commitmentId: "not-a-uuid",
      submissionKey: "none",
      supersedesId: "nor-this",
    });
    expect(forged).toEqual({ already: null, commitment: null, facts: null });
  });
});

describe("the earlier updates read for the correction rules", () => {
  it("are placementHistory's, for new updates and for corrections of any update", async () => {
    const [, , id] = ids;
    let seed = 7;
    const random = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < 14; i++) {
      const history = await t.store.updates.listHistory(id!);
      const open = history.filter((u) => !history.some((v) => v.supersedesId === u.id));
      const target = open.length > 0 && random() < 0.5 ? open[Math.floor(random() * open.length)] : undefined;
      for (const supersedesId of [null, "forged", ...history.map((u) => u.id)]) {
        const read = await t.store.updates.readForAppend({ commitmentId: id!, submissionKey: "none", supersedesId });
        const sqlIds = read.facts?.facts.updates.map((u) => u.id).sort();
        expect(sqlIds).toEqual(
          placementHistory(history, supersedesId)
            .map((u) => u.id)
            .sort(),
        );
      }
      const result = await append(id!, target?.authorId ?? (random() < 0.5 ? OWNER : OTHER), target?.id ?? null);
      expect(result.kind).toBe("created");
    }
  });
});

describe("facts that changed between the read and the lock", () => {
  it("an update stored meanwhile is seen: the new one goes after it and moves the state from it", async () => {
    const [, , , id] = ids;
    const initial = await t.prisma.commitment.findUniqueOrThrow({ where: { id: id! } });
    const before = await t.store.updates.readForAppend({
      commitmentId: id!,
      submissionKey: "AP-late",
      supersedesId: null,
    });
    const sameInstant = new Date(clock + 60_000);
    const meanwhile = await t.store.updates.append({
      commitmentId: id!,
      authorId: OTHER,
      submissionKey: "AP-meanwhile",
      supersedesId: null,
      draft: draft({ status: "AT_RISK", progress: 55 }),
      at: sameInstant,
      today: "2026-11-02",
    });
    const late = await t.store.updates.append(
      {
        commitmentId: id!,
        authorId: OWNER,
        submissionKey: "AP-late",
        supersedesId: null,
        draft: draft({ status: "LATE", progress: 60 }),
        at: sameInstant,
        today: "2026-11-02",
      },
      before.facts,
    );
    if (meanwhile.kind !== "created" || late.kind !== "created") throw new Error("both are stored");
    expect(late.update.createdAt.getTime()).toBe(sameInstant.getTime() + 1);
    expect(late.previousStatus).toBe("AT_RISK");
    const audit = (await t.store.audit.listFor("commitment", id!)).filter((e) => e.action === "progress.update");
    expect(audit.at(-1)?.details).toMatchObject({
      updateId: late.update.id,
      from: { status: "AT_RISK", progress: 55 },
      to: { status: "LATE", progress: 60 },
    });
    const row = await t.prisma.commitment.findUniqueOrThrow({ where: { id: id! } });
    const history = await t.store.updates.listHistory(id!);
    expect(replayState(initial, history, await t.store.requests.listFor(id!))).toEqual({
      status: row.status,
      progress: row.progress,
    });
    expect(row).toMatchObject({ status: "LATE", progress: 60 });
  });

  it("a correction stored meanwhile of the same update refuses the second one, which writes nothing", async () => {
    const [, , , , id] = ids;
    const first = await append(id!, OWNER, null);
    if (first.kind !== "created") throw new Error(first.kind);
    const before = await t.store.updates.readForAppend({
      commitmentId: id!,
      submissionKey: "AP-second",
      supersedesId: first.update.id,
    });
    expect((await append(id!, OWNER, first.update.id)).kind).toBe("created");
    const count = await t.prisma.progressUpdate.count({ where: { commitmentId: id! } });
    const second = await t.store.updates.append(
      {
        commitmentId: id!,
        authorId: OWNER,
        submissionKey: "AP-second",
        supersedesId: first.update.id,
        draft: draft({ progress: 45 }),
        at: tick(),
        today: "2026-11-02",
      },
      before.facts,
    );
    expect(second).toEqual({ kind: "cannot_correct", reason: "already_corrected" });
    expect(await t.prisma.progressUpdate.count({ where: { commitmentId: id! } })).toBe(count);
  });

  it("with the lock (as on PostgreSQL), facts read before it are checked as well", async () => {
    const [, , , id] = ids;
    const input = {
      commitmentId: id!,
      authorId: OWNER,
      submissionKey: "AP-locked",
      supersedesId: null,
      draft: draft({ status: "ON_TRACK", progress: 70 }),
      at: tick(),
      today: "2026-11-02",
    };
    const before = await t.store.updates.readForAppend({ ...input });
    const meanwhile = await append(id!, OTHER, null, { status: "AT_RISK", progress: 65 });
    if (meanwhile.kind !== "created") throw new Error(meanwhile.kind);
    const locked = await t.prisma.$transaction((tx) => appendInTx(tx, input, before.facts));
    if (locked.kind !== "created") throw new Error(locked.kind);
    expect(locked.update.createdAt.getTime()).toBeGreaterThan(meanwhile.update.createdAt.getTime());
    expect(locked.previousStatus).toBe("AT_RISK");
    expect(await t.prisma.commitment.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "ON_TRACK",
      progress: 70,
    });
  });
});
