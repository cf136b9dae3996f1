import {
  type CommitmentRequest as CommitmentRequestRow,
  Prisma,
  type PrismaClient,
} from "../../prisma/generated/client/client.js";
import { isUuid } from "../domain/ids.js";
import { type CommitmentRequest, type PendingRequest, stateAfterDecision } from "../domain/requests.js";
import type { IsoDate } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";
import { fromIsoDate, toIsoDateOrNull } from "./mappers.js";
import { seesContract, visibleContractIds } from "./workspace-scope.js";

export function toRequest(row: CommitmentRequestRow): CommitmentRequest {
  return {
    id: row.id,
    commitmentId: row.commitmentId,
    kind: row.kind,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt,
    updateId: row.updateId,
    evidenceUrl: row.evidenceUrl,
    evidence: row.evidence,
    reason: row.reason,
    proposedDueOn: toIsoDateOrNull(row.proposedDueOn),
    statusBefore: row.statusBefore,
    progressBefore: row.progressBefore,
    dueOnBefore: toIsoDateOrNull(row.dueOnBefore),
    decision: row.decision,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    refusalReason: row.refusalReason,
  };
}

export const toPending = (r: CommitmentRequest): PendingRequest => ({
  id: r.id,
  kind: r.kind,
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt,
  evidenceUrl: r.evidenceUrl,
  evidence: r.evidence,
  reason: r.reason,
  proposedDueOn: r.proposedDueOn,
  dueOnBefore: r.dueOnBefore,
  statusBefore: r.statusBefore,
});

/** A request with the commitment it is about, as the decision's messages need it. */
export interface RequestWithRef {
  request: CommitmentRequest;
  ref: string;
  title: string;
  contractId: string;
}

export type DecideOutcome =
  | { kind: "decided"; decided: RequestWithRef }
  /** Decided before (another coordinator, a double click) or replaced by a newer update. */
  | { kind: "already"; already: RequestWithRef }
  | { kind: "missing" };

export interface DecideInput {
  requestId: string;
  deciderId: string;
  decision: "CONFIRMED" | "REFUSED";
  refusalReason: string | null;
  at: Date;
  /** Checked inside the transaction, on the request as it is: who may decide it. */
  mayDecide: (r: CommitmentRequest) => boolean;
}

async function lockCommitment(tx: Prisma.TransactionClient, commitmentId: string): Promise<boolean> {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Commitment" WHERE id = ${commitmentId}::uuid FOR UPDATE`;
  return locked.length > 0;
}

async function withRef(tx: Prisma.TransactionClient, request: CommitmentRequest): Promise<RequestWithRef> {
  const c = await tx.commitment.findUniqueOrThrow({
    where: { id: request.commitmentId },
    select: { ref: true, title: true, contractId: true },
  });
  return { request, ref: c.ref, title: c.title, contractId: c.contractId };
}

/**
 * Decides once: the commitment is locked, the request read again; a request already decided answers
 * who decided it and when. A confirmed DONE sets DONE and 100 %, a refused one puts back the state
 * before the request; a confirmed new date moves the due date. With its audit entry, in one transaction.
 */
async function decideInTx(tx: Prisma.TransactionClient, input: DecideInput): Promise<DecideOutcome | "forbidden"> {
  const first = await tx.commitmentRequest.findUnique({ where: { id: input.requestId } });
  if (!first || !(await lockCommitment(tx, first.commitmentId))) return { kind: "missing" };
  const row = await tx.commitmentRequest.findUniqueOrThrow({ where: { id: input.requestId } });
  const request = toRequest(row);
  if (request.decision !== null) return { kind: "already", already: await withRef(tx, request) };
  if (!input.mayDecide(request)) return "forbidden";
  const decided = await tx.commitmentRequest.update({
    where: { id: request.id },
    data: {
      decision: input.decision,
      decidedBy: input.deciderId,
      decidedAt: input.at,
      refusalReason: input.decision === "REFUSED" ? input.refusalReason : null,
    },
  });
  const commitment = await tx.commitment.findUniqueOrThrow({ where: { id: request.commitmentId } });
  const state = stateAfterDecision(request, input.decision);
  if (state) await tx.commitment.update({ where: { id: commitment.id }, data: state });
  if (request.kind === "DUE_DATE" && input.decision === "CONFIRMED" && request.proposedDueOn)
    await tx.commitment.update({ where: { id: commitment.id }, data: { dueOn: fromIsoDate(request.proposedDueOn) } });
  const confirmed = input.decision === "CONFIRMED";
  await recordAudit(tx, {
    at: input.at,
    actorId: input.deciderId,
    action:
      request.kind === "DONE"
        ? confirmed
          ? "commitment.done_confirmed"
          : "commitment.done_rejected"
        : confirmed
          ? "commitment.due_date_confirmed"
          : "commitment.due_date_refused",
    entity: "commitment",
    entityId: commitment.id,
    details: {
      requestId: request.id,
      requestedBy: request.requestedBy,
      requestedAt: request.requestedAt.toISOString(),
      from: { status: commitment.status, progress: commitment.progress },
      to: state ?? { status: commitment.status, progress: commitment.progress },
      ...(request.kind === "DUE_DATE"
        ? { dueOnFrom: toIsoDateOrNull(commitment.dueOn), dueOnTo: confirmed ? request.proposedDueOn : null }
        : {}),
      ...(confirmed ? {} : { reason: input.refusalReason }),
    },
  });
  return { kind: "decided", decided: await withRef(tx, toRequest(decided)) };
}

export interface ProposeDueDateInput {
  commitmentId: string;
  requestedBy: string;
  dueOn: IsoDate;
  reason: string;
  at: Date;
  submissionKey: string;
  updateId?: string | null;
}

/** Opens a DUE_DATE request inside the caller's transaction: a pending one is replaced (withdrawn). */
export async function openDueDateRequestInTx(
  tx: Prisma.TransactionClient,
  input: ProposeDueDateInput,
): Promise<CommitmentRequest> {
  const commitment = await tx.commitment.findUniqueOrThrow({ where: { id: input.commitmentId } });
  await tx.commitmentRequest.updateMany({
    where: { commitmentId: input.commitmentId, kind: "DUE_DATE", decision: null },
    data: { decision: "WITHDRAWN", decidedBy: input.requestedBy, decidedAt: input.at },
  });
  const row = await tx.commitmentRequest.create({
    data: {
      commitmentId: input.commitmentId,
      kind: "DUE_DATE",
      requestedBy: input.requestedBy,
      requestedAt: input.at,
      updateId: input.updateId ?? null,
      reason: input.reason,
      proposedDueOn: fromIsoDate(input.dueOn),
      statusBefore: commitment.status,
      progressBefore: commitment.progress,
      dueOnBefore: commitment.dueOn,
      submissionKey: input.submissionKey,
    },
  });
  await recordAudit(tx, {
    at: input.at,
    actorId: input.requestedBy,
    action: "commitment.due_date_requested",
    entity: "commitment",
    entityId: input.commitmentId,
    details: {
      requestId: row.id,
      dueOnFrom: toIsoDateOrNull(commitment.dueOn),
      dueOnTo: input.dueOn,
      reason: input.reason,
    },
  });
  return toRequest(row);
}

export type ProposeOutcome =
  | { kind: "created"; request: RequestWithRef }
  | { kind: "duplicate"; request: RequestWithRef }
  | { kind: "missing" };

/** A pending request as listPending reads it: the request's columns and its commitment's. */
type PendingRow = CommitmentRequestRow & {
  commitmentRef: string;
  commitmentTitle: string;
  commitmentContractId: string;
};

export function createRequestsRepo(prisma: PrismaClient) {
  /** Within a request, another workspace's request is not found. */
  const seen = async <T extends { contractId: string }>(r: T): Promise<T | null> =>
    (await seesContract(prisma, r.contractId)) ? r : null;
  const withRefOf = (
    row: CommitmentRequestRow & { commitment: { ref: string; title: string; contractId: string } },
  ) => ({
    request: toRequest(row),
    ref: row.commitment.ref,
    title: row.commitment.title,
    contractId: row.commitment.contractId,
  });
  const refSelect = { commitment: { select: { ref: true, title: true, contractId: true } } } as const;
  return {
    async findById(id: string): Promise<RequestWithRef | null> {
      if (!isUuid(id)) return null;
      const row = await prisma.commitmentRequest.findUnique({ where: { id }, include: refSelect });
      return row ? seen(withRefOf(row)) : null;
    },
    /**
     * The request a button stands for: buttons carry the request id; those sent before requests had ids
     * carry the commitment id, which names its DONE request (pending, or else the latest).
     */
    async findForButton(value: string): Promise<RequestWithRef | null> {
      if (!isUuid(value)) return null;
      const row =
        (await prisma.commitmentRequest.findUnique({ where: { id: value }, include: refSelect })) ??
        (await prisma.commitmentRequest.findFirst({
          where: { commitmentId: value, kind: "DONE" },
          orderBy: [{ decidedAt: { sort: "desc", nulls: "first" } }, { requestedAt: "desc" }],
          include: refSelect,
        }));
      return row ? seen(withRefOf(row)) : null;
    },
    /**
     * Requests waiting for a decision, oldest first, with their commitment's ref and title: of one contract when
     * `contractId` is given, else of every contract seen (App Home of coordinators, /csi etat, digest). One
     * statement (the commitment joined), read on every Home and every /csi etat.
     */
    async listPending(contractId?: string): Promise<RequestWithRef[]> {
      const inContract = contractId ? Prisma.sql`c."contractId" = ${contractId}::uuid` : Prisma.sql`TRUE`;
      const rows = await prisma.$queryRaw<PendingRow[]>`
        SELECT r.id::text AS id, r."commitmentId"::text AS "commitmentId", r.kind::text AS kind,
          r."requestedBy", r."requestedAt", r."updateId"::text AS "updateId", r."evidenceUrl", r.evidence, r.reason,
          r."proposedDueOn", r."statusBefore"::text AS "statusBefore", r."progressBefore", r."dueOnBefore",
          r.decision::text AS decision, r."decidedBy", r."decidedAt", r."refusalReason", r."submissionKey",
          c.ref AS "commitmentRef", c.title AS "commitmentTitle", c."contractId"::text AS "commitmentContractId"
        FROM "CommitmentRequest" r JOIN "Commitment" c ON c.id = r."commitmentId"
        WHERE r.decision IS NULL AND ${inContract}
        ORDER BY r."requestedAt", r.id`;
      const visible = visibleContractIds(prisma);
      const ids = visible ? await visible : null;
      return rows
        .map(({ commitmentRef, commitmentTitle, commitmentContractId, ...row }) =>
          withRefOf({
            ...row,
            commitment: { ref: commitmentRef, title: commitmentTitle, contractId: commitmentContractId },
          }),
        )
        .filter((r) => !ids || ids.has(r.contractId));
    },
    /** Every request of a commitment, oldest first: its history. */
    async listFor(commitmentId: string): Promise<CommitmentRequest[]> {
      if (!isUuid(commitmentId)) return [];
      const rows = await prisma.commitmentRequest.findMany({
        where: { commitmentId },
        orderBy: { requestedAt: "asc" },
      });
      return rows.map(toRequest);
    },
    /** Requests asked or decided in (from, to]: what a digest tells. */
    async listActiveBetween(from: Date, to: Date): Promise<RequestWithRef[]> {
      const rows = await prisma.commitmentRequest.findMany({
        where: {
          OR: [{ requestedAt: { gt: from, lte: to } }, { decidedAt: { gt: from, lte: to } }],
        },
        include: refSelect,
        orderBy: { requestedAt: "asc" },
      });
      return rows.map(withRefOf);
    },
    async decide(input: DecideInput): Promise<DecideOutcome | "forbidden"> {
      if (!isUuid(input.requestId)) return { kind: "missing" };
      return prisma.$transaction((tx) => decideInTx(tx, input));
    },
    /** An owner proposes a new due date from the overdue reminder: the same form twice asks once. */
    async proposeDueDate(input: ProposeDueDateInput): Promise<ProposeOutcome> {
      const existing = async () =>
        prisma.commitmentRequest.findUnique({ where: { submissionKey: input.submissionKey }, include: refSelect });
      const before = await existing();
      if (before) return { kind: "duplicate", request: withRefOf(before) };
      if (!isUuid(input.commitmentId)) return { kind: "missing" };
      try {
        return await prisma.$transaction(async (tx) => {
          if (!(await lockCommitment(tx, input.commitmentId))) return { kind: "missing" as const };
          const request = await openDueDateRequestInTx(tx, input);
          return { kind: "created" as const, request: await withRef(tx, request) };
        });
      } catch (error) {
        const raced = await existing();
        if (raced) return { kind: "duplicate", request: withRefOf(raced) };
        throw error;
      }
    },
  };
}
