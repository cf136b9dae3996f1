import type {
  Prisma,
  PrismaClient,
  ProgressUpdate as ProgressUpdateRow,
} from "../../prisma/generated/client/client.js";
import { isUuid } from "../domain/ids.js";
import { changedIndicators, type DueDateProposal, type ProgressDraft } from "../domain/progress-update.js";
import { type CommitmentRequest, type ProgressState, stepForUpdate } from "../domain/requests.js";
import type { IndicatorValue, IsoDate, ProgressUpdate, Status } from "../domain/types.js";
import { type CorrectionRefusal, placeUpdate } from "../domain/update-versions.js";
import { recordAudit } from "./audit-repo.js";
import { fromIsoDate, fromIsoDateOrNull, toIsoDateOrNull } from "./mappers.js";
import { openDueDateRequestInTx, toRequest } from "./requests-repo.js";

function toProgressUpdate(row: ProgressUpdateRow): ProgressUpdate {
  return {
    id: row.id,
    commitmentId: row.commitmentId,
    version: row.version,
    supersedesId: row.supersedesId,
    authorId: row.authorId,
    createdAt: row.createdAt,
    status: row.status,
    progress: row.progress,
    indicatorValues: Array.isArray(row.indicatorValues) ? (row.indicatorValues as unknown as IndicatorValue[]) : [],
    comment: row.comment,
    nextStep: row.nextStep,
    nextStepOn: toIsoDateOrNull(row.nextStepOn),
    blockers: row.blockers,
    evidenceUrl: row.evidenceUrl,
    evidence: row.evidence,
  };
}

export function createUpdatesRepo(prisma: PrismaClient) {
  return {
    /** Every row ever written for a commitment, oldest first: versions that were corrected stay visible. */
    async listHistory(commitmentId: string): Promise<ProgressUpdate[]> {
      const rows = await prisma.progressUpdate.findMany({
        where: { commitmentId },
        orderBy: [{ createdAt: "asc" }, { version: "asc" }],
      });
      return rows.map(toProgressUpdate);
    },
    /** The latest updates still in force (a corrected one is replaced by its newer version), newest first. */
    async listLatest(commitmentId: string, limit: number): Promise<ProgressUpdate[]> {
      const rows = await prisma.progressUpdate.findMany({
        where: { commitmentId, NOT: { id: { in: await supersededIds(prisma, commitmentId) } } },
        orderBy: { createdAt: "desc" },
        take: limit,
      });
      return rows.map(toProgressUpdate);
    },
    async findById(id: string): Promise<ProgressUpdate | null> {
      if (!isUuid(id)) return null;
      const row = await prisma.progressUpdate.findUnique({ where: { id } });
      return row ? toProgressUpdate(row) : null;
    },
    /** The author's latest update still in force on a commitment: the one « corriger » replaces. */
    async findLastByAuthor(commitmentId: string, authorId: string): Promise<ProgressUpdate | null> {
      const row = await prisma.progressUpdate.findFirst({
        where: { commitmentId, authorId, NOT: { id: { in: await supersededIds(prisma, commitmentId) } } },
        orderBy: [{ createdAt: "desc" }, { version: "desc" }],
      });
      return row ? toProgressUpdate(row) : null;
    },
    async findBySubmissionKey(submissionKey: string): Promise<ProgressUpdate | null> {
      const row = await prisma.progressUpdate.findUnique({ where: { submissionKey } });
      return row ? toProgressUpdate(row) : null;
    },
    /**
     * Stores an update and moves the commitment's current state, with the audit entry, in one
     * transaction. The same submission key twice (a double submit) is stored once.
     */
    async append(input: AppendUpdateInput): Promise<AppendResult> {
      try {
        return await prisma.$transaction((tx) => appendInTx(tx, input));
      } catch (error) {
        // Two submissions racing past the first check: the unique key let one through; answer the other.
        const existing = await prisma.progressUpdate.findUnique({ where: { submissionKey: input.submissionKey } });
        if (existing) return { kind: "duplicate", update: toProgressUpdate(existing) };
        throw error;
      }
    },
  };
}

interface AppendUpdateInput {
  commitmentId: string;
  authorId: string;
  /** The Slack view id of the submission. */
  submissionKey: string;
  draft: ProgressDraft;
  /** A new due date proposed in the same form: a request, stored with the update. */
  dueProposal?: DueDateProposal | null;
  /** When set, this update corrects that one (which must be the author's, and still in force). */
  supersedesId?: string | null;
  at: Date;
  /** Today in the contract's time zone: the date indicator values were measured. */
  today: IsoDate;
}

type AppendResult =
  | {
      kind: "created";
      update: ProgressUpdate;
      /** The « Réalisé » request this update opened: the status waits for a coordinator. */
      doneRequest: CommitmentRequest | null;
      /** The new due date this update proposed. */
      dueDateRequest: CommitmentRequest | null;
      /** False when an older update was corrected after a newer one: the current state did not move. */
      currentStateChanged: boolean;
      previousStatus: Status;
    }
  | { kind: "duplicate"; update: ProgressUpdate }
  | { kind: "commitment_missing" }
  | { kind: "cannot_correct"; reason: CorrectionRefusal };

async function appendInTx(tx: Prisma.TransactionClient, input: AppendUpdateInput): Promise<AppendResult> {
  // One writer per commitment at a time: the checks below (duplicate, latest version) stay true until commit.
  // The row is read as it is locked: its state before this update.
  const [commitment] = await tx.$queryRaw<{ status: Status; progress: number; dueOn: Date | null }[]>`
    SELECT status::text AS status, progress, "dueOn" FROM "Commitment" WHERE id = ${input.commitmentId}::uuid FOR UPDATE`;
  if (!commitment) return { kind: "commitment_missing" };
  const duplicate = await tx.progressUpdate.findUnique({ where: { submissionKey: input.submissionKey } });
  if (duplicate) return { kind: "duplicate", update: toProgressUpdate(duplicate) };
  const history = await tx.progressUpdate.findMany({
    where: { commitmentId: input.commitmentId },
    select: {
      id: true,
      supersedesId: true,
      createdAt: true,
      version: true,
      status: true,
      progress: true,
      authorId: true,
    },
  });
  // The correction rules (whose update, which version, which instant, whether the state moves) are the domain's.
  const placement = placeUpdate(history, {
    authorId: input.authorId,
    supersedesId: input.supersedesId ?? null,
    at: input.at,
  });
  if (placement.kind === "cannot_correct") return placement;
  const { version, at, currentStateChanged } = placement;

  const { draft } = input;
  const row = await tx.progressUpdate.create({
    data: {
      commitmentId: input.commitmentId,
      version,
      supersedesId: input.supersedesId ?? null,
      authorId: input.authorId,
      createdAt: at,
      status: draft.status,
      progress: draft.progress,
      indicatorValues: draft.indicatorValues as unknown as Prisma.InputJsonArray,
      comment: draft.comment,
      nextStep: draft.nextStep,
      nextStepOn: fromIsoDateOrNull(draft.nextStepOn),
      blockers: draft.blockers,
      evidenceUrl: draft.evidenceUrl,
      evidence: draft.evidence,
      submissionKey: input.submissionKey,
    },
  });

  const from = { status: commitment.status, progress: commitment.progress };
  let to: ProgressState | null = null;
  let doneRequest: CommitmentRequest | null = null;
  // The indicators' current values are read (under the lock) only when the update gives values to compare.
  const indicators =
    currentStateChanged && draft.indicatorValues.length > 0
      ? changedIndicators(
          await tx.indicator.findMany({
            where: { commitmentId: input.commitmentId },
            select: { id: true, current: true },
          }),
          draft.indicatorValues,
        )
      : [];
  if (currentStateChanged) {
    const pending = await tx.commitmentRequest.findFirst({
      where: { commitmentId: input.commitmentId, kind: "DONE", decision: null },
    });
    const step = stepForUpdate(from, pending, draft);
    to = step.state;
    if (pending && step.withdrawPending)
      await tx.commitmentRequest.update({
        where: { id: pending.id },
        data: { decision: "WITHDRAWN", decidedBy: input.authorId, decidedAt: at },
      });
    if (step.openRequest) {
      const created = await tx.commitmentRequest.create({
        data: {
          commitmentId: input.commitmentId,
          kind: "DONE",
          requestedBy: input.authorId,
          requestedAt: at,
          updateId: row.id,
          evidenceUrl: draft.evidenceUrl,
          evidence: draft.evidence,
          statusBefore: step.openRequest.status,
          progressBefore: step.openRequest.progress,
          dueOnBefore: commitment.dueOn,
        },
      });
      doneRequest = toRequest(created);
    }
    await tx.commitment.update({
      where: { id: input.commitmentId },
      data: { status: to.status, progress: to.progress, lastUpdateAt: at },
    });
    for (const value of indicators) {
      await tx.indicator.update({
        where: { id: value.indicatorId },
        data: { current: value.value, measuredOn: fromIsoDate(input.today) },
      });
    }
  }
  await recordAudit(tx, {
    at,
    actorId: input.authorId,
    action: input.supersedesId ? "progress.correct" : "progress.update",
    entity: "commitment",
    entityId: input.commitmentId,
    details: {
      updateId: row.id,
      version,
      supersedesId: input.supersedesId ?? null,
      from,
      to,
      reportedStatus: draft.status,
      doneRequested: doneRequest !== null,
      indicators,
    },
  });
  const dueDateRequest = input.dueProposal
    ? await openDueDateRequestInTx(tx, {
        commitmentId: input.commitmentId,
        requestedBy: input.authorId,
        dueOn: input.dueProposal.dueOn,
        reason: input.dueProposal.reason,
        at,
        submissionKey: `${input.submissionKey}:due`,
        updateId: row.id,
      })
    : null;
  return {
    kind: "created",
    update: toProgressUpdate(row),
    doneRequest,
    dueDateRequest,
    currentStateChanged,
    previousStatus: commitment.status,
  };
}

async function supersededIds(prisma: PrismaClient, commitmentId: string): Promise<string[]> {
  const rows = await prisma.progressUpdate.findMany({
    where: { commitmentId, supersedesId: { not: null } },
    select: { supersedesId: true },
  });
  return rows.flatMap((r) => (r.supersedesId ? [r.supersedesId] : []));
}
