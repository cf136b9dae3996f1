// Coordinators' writes on commitments: create and edit, each in one transaction with its audit entries
// (import-repo.ts applies an import with the same helpers).
// Editing never drops data silently: an indicator that already has values is kept even when its line
// was removed from the form, and the audit entry records the state before and after.
import { Prisma, type PrismaClient } from "../../prisma/generated/client/client.js";
import type { CommitmentInput } from "../domain/commitment-input.js";
import { editFingerprint, commitmentSnapshot as snapshot } from "../domain/commitment-snapshot.js";
import { matchIndicators } from "../domain/indicator-match.js";
import type { Commitment } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";
import { commitmentInclude, toCommitment } from "./commitments-repo.js";
import { fromIsoDateOrNull } from "./mappers.js";
import { findSubmission, lockKey } from "./submissions.js";

/** The ref was taken by someone else between validation and writing. */
export class RefTakenError extends Error {
  constructor(readonly ref: string) {
    super(`Ref already used: ${ref}`);
    this.name = "RefTakenError";
  }
}

/** The commitment changed since the edit modal was opened. */
export class StaleEditError extends Error {
  constructor() {
    super("Commitment changed since the form was opened");
    this.name = "StaleEditError";
  }
}

/** The commitment's own columns, as a coordinator types them (owners and indicators are rows of their own). */
const sheetColumns = (input: CommitmentInput) => ({
  ref: input.ref,
  partyCode: input.party,
  title: input.title,
  description: input.description,
  leadService: input.leadService,
  dueOn: fromIsoDateOrNull(input.dueOn),
});

export const isUniqueViolation = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

interface EditResult {
  commitment: Commitment;
  /** Labels of indicators removed from the form but kept because they already have values. */
  keptIndicators: string[];
  addedOwners: string[];
}

type Tx = Prisma.TransactionClient;

/** Inserts new commitments with their owners and indicators (no audit: the caller records it); in input order. */
export async function insertCommitments(
  tx: Tx,
  contractId: string,
  inputs: readonly CommitmentInput[],
): Promise<Commitment[]> {
  const rows = await tx.commitment.createManyAndReturn({
    data: inputs.map((input) => ({ contractId, ...sheetColumns(input) })),
    select: { id: true, ref: true },
  });
  const idOf = new Map(rows.map((r) => [r.ref, r.id]));
  const idFor = (ref: string): string => {
    const id = idOf.get(ref);
    if (!id) throw new Error(`Commitment ${ref} was not returned by its insert`);
    return id;
  };
  const owned = inputs.flatMap((input) => input.owners.map((userId) => ({ commitmentId: idFor(input.ref), userId })));
  if (owned.length) await tx.commitmentOwner.createMany({ data: owned });
  const measured = inputs.flatMap((input) =>
    input.indicators.map((i, position) => ({ ...i, position, commitmentId: idFor(input.ref) })),
  );
  if (measured.length) await tx.indicator.createMany({ data: measured });
  const stored = await tx.commitment.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    include: commitmentInclude,
  });
  const byRef = new Map(stored.map((row) => [row.ref, toCommitment(row)]));
  return inputs.flatMap((input) => byRef.get(input.ref) ?? []);
}

/**
 * Writes a coordinator's edit of `before` (no audit: the caller records it). The indicators are matched by label
 * then position and take the order typed; one removed from the list but already measured is kept, after them.
 */
export async function applyEdit(tx: Tx, before: Commitment, input: CommitmentInput): Promise<EditResult> {
  const id = before.id;
  const history = await tx.progressUpdate.findMany({
    where: { commitmentId: id },
    select: { indicatorValues: true },
  });
  const measured = new Set<string>(before.indicators.filter((i) => i.current !== null).map((i) => i.id));
  for (const h of history) {
    if (!Array.isArray(h.indicatorValues)) continue;
    for (const v of h.indicatorValues) {
      if (v && typeof v === "object" && !Array.isArray(v) && typeof v.indicatorId === "string")
        measured.add(v.indicatorId);
    }
  }
  const plan = matchIndicators(before.indicators, input.indicators);
  await tx.commitment.update({ where: { id }, data: sheetColumns(input) });
  await tx.commitmentOwner.deleteMany({ where: { commitmentId: id, userId: { notIn: input.owners } } });
  const addedOwners = input.owners.filter((u) => !before.owners.includes(u));
  if (addedOwners.length)
    await tx.commitmentOwner.createMany({
      data: addedOwners.map((userId) => ({ commitmentId: id, userId })),
      skipDuplicates: true,
    });
  let position = 0;
  for (const line of plan.lines) {
    const data = {
      label: line.input.label,
      unit: line.input.unit,
      baseline: line.input.baseline,
      target: line.input.target,
      position: position++,
    };
    if (line.existingId) await tx.indicator.update({ where: { id: line.existingId }, data });
    else await tx.indicator.create({ data: { ...data, commitmentId: id } });
  }
  const keptIndicators: string[] = [];
  for (const gone of plan.removed) {
    if (measured.has(gone.id)) {
      keptIndicators.push(gone.label);
      await tx.indicator.update({ where: { id: gone.id }, data: { position: position++ } });
    } else {
      await tx.indicator.delete({ where: { id: gone.id } });
    }
  }
  const afterRow = await tx.commitment.findUniqueOrThrow({ where: { id }, include: commitmentInclude });
  return { commitment: toCommitment(afterRow), keptIndicators, addedOwners };
}

export function createCommitmentAdminRepo(prisma: PrismaClient) {
  return {
    async create(
      contractId: string,
      input: CommitmentInput,
      actorId: string,
      submissionKey?: string,
    ): Promise<{ commitment: Commitment; created: boolean }> {
      try {
        return await prisma.$transaction(async (tx) => {
          await lockKey(tx, `commitment:${contractId}`);
          const done = await findSubmission(tx, "commitment.create", submissionKey);
          if (done) {
            const row = await tx.commitment.findUniqueOrThrow({
              where: { id: done.entityId },
              include: commitmentInclude,
            });
            return { commitment: toCommitment(row), created: false };
          }
          const taken = await tx.commitment.findUnique({
            where: { contractId_ref: { contractId, ref: input.ref } },
            select: { id: true },
          });
          if (taken) throw new RefTakenError(input.ref);
          const row = await tx.commitment.create({
            data: {
              contractId,
              ...sheetColumns(input),
              owners: { create: input.owners.map((userId) => ({ userId })) },
              indicators: { create: input.indicators.map((i, position) => ({ ...i, position })) },
            },
            include: commitmentInclude,
          });
          const commitment = toCommitment(row);
          await recordAudit(tx, {
            actorId,
            action: "commitment.create",
            entity: "commitment",
            entityId: row.id,
            details: { after: snapshot(commitment), ...(submissionKey ? { submissionKey } : {}) },
          });
          return { commitment, created: true };
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new RefTakenError(input.ref);
        throw e;
      }
    },

    /** `expectedFingerprint`: editFingerprint() when the form was opened; a change since then refuses the edit. */
    async edit(id: string, input: CommitmentInput, actorId: string, expectedFingerprint?: string): Promise<EditResult> {
      try {
        return await prisma.$transaction(async (tx) => {
          await lockKey(tx, `commitment-edit:${id}`);
          const beforeRow = await tx.commitment.findUniqueOrThrow({ where: { id }, include: commitmentInclude });
          const before = toCommitment(beforeRow);
          if (expectedFingerprint && editFingerprint(before) !== expectedFingerprint) throw new StaleEditError();
          if (beforeRow.ref !== input.ref) {
            const taken = await tx.commitment.findUnique({
              where: { contractId_ref: { contractId: beforeRow.contractId, ref: input.ref } },
              select: { id: true },
            });
            if (taken) throw new RefTakenError(input.ref);
          }
          const { commitment, keptIndicators, addedOwners } = await applyEdit(tx, before, input);
          await recordAudit(tx, {
            actorId,
            action: "commitment.edit",
            entity: "commitment",
            entityId: id,
            details: { before: snapshot(before), after: snapshot(commitment), keptIndicators },
          });
          return { commitment, keptIndicators, addedOwners };
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new RefTakenError(input.ref);
        throw e;
      }
    },
  };
}

export { matchIndicators };
