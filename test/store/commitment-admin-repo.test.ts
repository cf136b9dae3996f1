import { beforeAll, describe, expect, it } from "vitest";
import type { CommitmentInput } from "../../src/domain/commitment-input.js";
import { editFingerprint } from "../../src/domain/commitment-snapshot.js";
import { matchIndicators, RefTakenError, StaleEditError } from "../../src/store/commitment-admin-repo.js";
import { useTestStore } from "../support/use-test-store.js";

const t = useTestStore("seeded");
let contractId: string;
beforeAll(async () => {
  contractId = (await t.store.contracts.findDefault())!.id;
});

const input = (over: Partial<CommitmentInput> = {}): CommitmentInput => ({
  ref: "ETAT-50",
  party: "ETAT",
  title: "Brigade de nuit",
  description: null,
  leadService: null,
  owners: ["U1"],
  dueOn: "2027-03-31",
  indicators: [
    { label: "Patrouilles", unit: "nb", baseline: 0, target: 100 },
    { label: "Interpellations", unit: null, baseline: null, target: null },
  ],
  ...over,
});

describe("matchIndicators", () => {
  const existing = [
    { id: "a", label: "Patrouilles" },
    { id: "b", label: "Caméras" },
  ];
  it("matches by label first (accents and case aside), then renames by position", () => {
    const moved = matchIndicators(existing, [
      { label: "caméras", unit: null, baseline: null, target: null },
      { label: "Nouveau", unit: null, baseline: null, target: null },
    ]);
    // « Nouveau » sits where Caméras was, and Caméras is already taken: it is a new indicator.
    expect(moved.lines.map((l) => l.existingId)).toEqual(["b", null]);
    expect(moved.removed).toEqual([{ id: "a", label: "Patrouilles" }]);
    const renamed = matchIndicators(existing, [
      { label: "Patrouilles de nuit", unit: null, baseline: null, target: null },
      { label: "Caméras", unit: null, baseline: null, target: null },
    ]);
    expect(renamed.lines.map((l) => l.existingId)).toEqual(["a", "b"]);
    expect(renamed.removed).toEqual([]);
  });
  it("reports the ones left over", () => {
    expect(matchIndicators(existing, []).removed).toEqual(existing);
  });
});

describe("commitment admin repository", () => {
  it("creates with owners, indicators and an audit entry; the same submission key creates once", async () => {
    const first = await t.store.commitmentAdmin.create(contractId, input(), "U0COORD", "VKEY");
    const again = await t.store.commitmentAdmin.create(contractId, input(), "U0COORD", "VKEY");
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, commitment: { id: first.commitment.id } });
    expect(first.commitment).toMatchObject({
      ref: "ETAT-50",
      owners: ["U1"],
      dueOn: "2027-03-31",
      indicators: [{ label: "Patrouilles", target: 100 }, { label: "Interpellations" }],
    });
    expect(await t.store.audit.listFor("commitment", first.commitment.id)).toHaveLength(1);
  });

  it("refuses a ref already used", async () => {
    await expect(t.store.commitmentAdmin.create(contractId, input(), "U0COORD")).rejects.toBeInstanceOf(RefTakenError);
  });

  it("edits without dropping measured indicators, deletes unmeasured ones, audits before and after", async () => {
    const c = (await t.store.commitments.findByRef(contractId, "ETAT-50"))!;
    const [patrouilles, interpellations] = c.indicators;
    // A value recorded in a progress update (not in `current`) counts as history too.
    await t.prisma.progressUpdate.create({
      data: {
        commitmentId: c.id,
        authorId: "U1",
        status: "ON_TRACK",
        progress: 10,
        indicatorValues: [{ indicatorId: patrouilles!.id, value: 12 }],
      },
    });
    const r = await t.store.commitmentAdmin.edit(
      c.id,
      input({
        owners: ["U2"],
        indicators: [{ label: "Caméras", unit: null, baseline: null, target: 5 }],
        title: "Brigade de nuit renforcée",
      }),
      "U0COORD",
      editFingerprint(c),
    );
    // « Caméras » takes the first place (renaming Patrouilles, which keeps its id and history); Interpellations, never measured, goes.
    expect(r.commitment.indicators.map((i) => [i.id, i.label])).toEqual([[patrouilles!.id, "Caméras"]]);
    expect(r.keptIndicators).toEqual([]);
    expect(r.addedOwners).toEqual(["U2"]);
    expect(await t.prisma.indicator.count({ where: { id: interpellations!.id } })).toBe(0);

    const r2 = await t.store.commitmentAdmin.edit(
      c.id,
      input({
        indicators: [
          { label: "Autre", unit: null, baseline: null, target: null },
          { label: "Encore", unit: null, baseline: null, target: null },
        ],
      }),
      "U0COORD",
    );
    // Position 1 is now Caméras (measured through the update): renamed « Autre », kept.
    expect(r2.commitment.indicators.map((i) => i.label)).toEqual(["Autre", "Encore"]);
    const r3 = await t.store.commitmentAdmin.edit(c.id, input({ indicators: [] }), "U0COORD");
    expect(r3.keptIndicators).toEqual(["Autre"]);
    expect(r3.commitment.indicators.map((i) => i.id)).toEqual([patrouilles!.id]);

    const trail = await t.store.audit.listFor("commitment", c.id);
    expect(trail.map((e) => e.action)).toEqual([
      "commitment.create",
      "commitment.edit",
      "commitment.edit",
      "commitment.edit",
    ]);
    expect(trail[1]!.details).toMatchObject({
      before: { title: "Brigade de nuit", owners: ["U1"] },
      after: { title: "Brigade de nuit renforcée", owners: ["U2"] },
    });
    expect(trail[3]!.details).toMatchObject({ keptIndicators: ["Autre"] });
  });

  it("refuses an edit from an outdated form and a ref taken by another commitment, changing nothing", async () => {
    const c = (await t.store.commitments.findByRef(contractId, "ETAT-50"))!;
    await expect(
      t.store.commitmentAdmin.edit(c.id, input({ title: "Jamais" }), "U0COORD", "0000000000000000"),
    ).rejects.toBeInstanceOf(StaleEditError);
    await expect(t.store.commitmentAdmin.edit(c.id, input({ ref: "ETAT-01" }), "U0COORD")).rejects.toBeInstanceOf(
      RefTakenError,
    );
    expect((await t.store.commitments.findById(c.id))!.title).toBe("Brigade de nuit");
    expect((await t.store.audit.listFor("commitment", c.id)).length).toBe(4);
  });
});

describe("importing commitments (a draft, then applied)", () => {
  const imports = () => t.prisma.auditEntry.findMany({ where: { action: "commitment.import" } });
  const many = [
    input({ ref: "VILLE-40", party: "VILLE", title: "Médiation de nuit", owners: [], indicators: [] }),
    input({
      ref: "ETAT-41",
      title: "Patrouilles pédestres",
      owners: ["U7"],
      indicators: [{ label: "Sorties", unit: null, baseline: 0, target: 50 }],
    }),
  ];
  const adds = (inputs: CommitmentInput[]) =>
    inputs.map((i) => ({ kind: "add" as const, input: i, currents: i.indicators.map(() => null) }));

  it("creates them all in the order given, each audited, with one import entry; a draft applies once", async () => {
    const draft = await t.store.imports.saveDraft(contractId, "U0COORD", { rows: adds(many), ignoredColumns: [] });
    const first = await t.store.imports.applyDraft(draft, "U0COORD", "2026-11-23");
    expect(first.applied).toBe(true);
    expect(first.added.map((c) => [c.ref, c.title, c.owners, c.indicators.map((i) => [i.label, i.target])])).toEqual([
      ["VILLE-40", "Médiation de nuit", [], []],
      ["ETAT-41", "Patrouilles pédestres", ["U7"], [["Sorties", 50]]],
    ]);
    for (const c of first.added) {
      expect(await t.store.audit.listFor("commitment", c.id)).toMatchObject([
        { action: "commitment.create", details: { submissionKey: draft, after: { ref: c.ref, title: c.title } } },
      ]);
    }
    expect(await imports()).toMatchObject([
      { entity: "contract", entityId: contractId, details: { submissionKey: draft, refs: ["VILLE-40", "ETAT-41"] } },
    ]);
    expect(await t.store.imports.applyDraft(draft, "U0COORD", "2026-11-23")).toEqual({
      applied: false,
      added: [],
      modified: [],
      newOwners: [],
    });
    expect(await imports()).toHaveLength(1);
  });

  it("stores none when one ref is already used", async () => {
    const before = await t.prisma.commitment.count();
    const draft = await t.store.imports.saveDraft(contractId, "U0COORD", {
      rows: adds([input({ ref: "VILLE-43", party: "VILLE" }), input({ ref: "ETAT-01" })]),
      ignoredColumns: [],
    });
    await expect(t.store.imports.applyDraft(draft, "U0COORD", "2026-11-23")).rejects.toMatchObject({
      name: "RefTakenError",
      ref: "ETAT-01",
    });
    expect(await t.prisma.commitment.count()).toBe(before);
    expect(await imports()).toHaveLength(1);
  });

  it("a forged draft id names nothing", async () => {
    expect(await t.store.imports.findDraft("not-a-uuid")).toBeNull();
    expect(await t.store.imports.findDraft("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("role admin repository", () => {
  it("keeps at least one coordinator, and audits each change", async () => {
    await t.store.roles.ensureCoordinators(["U0C1"], contractId);
    expect(await t.store.roleAdmin.change("U0C1", "MEMBER", "U0C1", contractId, new Date())).toEqual({
      ok: false,
      reason: "last_coordinator",
    });
    expect(await t.store.roleAdmin.change("U0C2", "COORDINATOR", "U0C1", contractId, new Date())).toEqual({
      ok: true,
      before: null,
      changed: true,
    });
    expect(await t.store.roleAdmin.change("U0C1", "READER", "U0C2", contractId, new Date())).toEqual({
      ok: true,
      before: "COORDINATOR",
      changed: true,
    });
    expect(await t.store.roleAdmin.change("U0C2", "MEMBER", "U0C2", contractId, new Date())).toEqual({
      ok: false,
      reason: "last_coordinator",
    });
    expect((await t.store.audit.listFor("role", "U0C1")).map((e) => e.details)).toEqual([
      { from: null, to: "COORDINATOR", contractId },
      { from: "COORDINATOR", to: "READER", contractId },
    ]);
  });
});
