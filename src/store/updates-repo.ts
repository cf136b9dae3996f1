import type {
  Prisma,
  PrismaClient,
  ProgressUpdate as ProgressUpdateRow,
} from "../../prisma/generated/client/client.js";
import { isUuid } from "../domain/ids.js";
import { commitmentChangeFor, type ProgressDraft } from "../domain/progress-update.js";
import type { IndicatorValue, IsoDate, ProgressUpdate, Status } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";
import { fromIsoDate, fromIsoDateOrNull, toIsoDateOrNull } from "./mappers.js";

export function toProgressUpdate(row: ProgressUpdateRow): ProgressUpdate {
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

export interface AppendUpdateInput {
  commitmentId: string;
  authorId: string;
  /** The Slack view id of the submission. */
  submissionKey: string;
  draft: ProgressDraft;
  /** When set, this update corrects that one (which must be the author's, and still in force). */
  supersedesId?: string | null;
  at: Date;
  /** Today in the contract's time zone: the date indicator values were measured. */
  today: IsoDate;
}

export type AppendResult =
  | {
      kind: "created";
      update: ProgressUpdate;
      /** The owner asked for DONE: the status waits for a coordinator. */
      doneRequested: boolean;
      /** False when an older update was corrected after a newer one: the current state did not move. */
      currentStateChanged: boolean;
      previousStatus: Status;
    }
  | { kind: "duplicate"; update: ProgressUpdate }
  | { kind: "commitment_missing" }
  | { kind: "cannot_correct"; reason: "missing" | "not_author" | "already_corrected" };

async function appendInTx(tx: Prisma.TransactionClient, input: AppendUpdateInput): Promise<AppendResult> {
  // One writer per commitment at a time: the checks below (duplicate, latest version) stay true until commit.
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Commitment" WHERE id = ${input.commitmentId}::uuid FOR UPDATE`;
  if (locked.length === 0) return { kind: "commitment_missing" };
  const duplicate = await tx.progressUpdate.findUnique({ where: { submissionKey: input.submissionKey } });
  if (duplicate) return { kind: "duplicate", update: toProgressUpdate(duplicate) };

  const commitment = await tx.commitment.findUniqueOrThrow({
    where: { id: input.commitmentId },
    include: { indicators: true },
  });
  const superseded = new Set(
    (
      await tx.progressUpdate.findMany({
        where: { commitmentId: input.commitmentId, supersedesId: { not: null } },
        select: { supersedesId: true },
      })
    ).flatMap((r) => (r.supersedesId ? [r.supersedesId] : [])),
  );
  const latest = await tx.progressUpdate.findFirst({
    where: { commitmentId: input.commitmentId, NOT: { id: { in: [...superseded] } } },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
  });

  let version = 1;
  let currentStateChanged = true;
  if (input.supersedesId) {
    const target = await tx.progressUpdate.findUnique({ where: { id: input.supersedesId } });
    if (!target || target.commitmentId !== input.commitmentId) return { kind: "cannot_correct", reason: "missing" };
    if (target.authorId !== input.authorId) return { kind: "cannot_correct", reason: "not_author" };
    if (superseded.has(target.id)) return { kind: "cannot_correct", reason: "already_corrected" };
    version = target.version + 1;
    currentStateChanged = latest?.id === target.id;
  }

  const { draft } = input;
  const row = await tx.progressUpdate.create({
    data: {
      commitmentId: input.commitmentId,
      version,
      supersedesId: input.supersedesId ?? null,
      authorId: input.authorId,
      createdAt: input.at,
      status: draft.status,
      progress: draft.progress,
      indicatorValues: draft.indicatorValues as unknown as Prisma.InputJsonArray,
      comment: draft.comment,
      nextStep: draft.nextStep,
      nextStepOn: fromIsoDateOrNull(draft.nextStepOn),
      blockers: draft.blockers,
      evidenceUrl: draft.evidenceUrl,
      submissionKey: input.submissionKey,
    },
  });

  const change = commitmentChangeFor(
    { status: commitment.status, indicators: commitment.indicators.map((i) => ({ id: i.id, current: i.current })) },
    draft,
  );
  if (currentStateChanged) {
    await tx.commitment.update({
      where: { id: input.commitmentId },
      data: {
        status: change.status,
        progress: change.progress,
        lastUpdateAt: input.at,
        // A new update that is not DONE withdraws a pending request; a DONE one (re)opens it.
        ...(change.doneRequested
          ? { doneRequestedAt: input.at, doneRequestedBy: input.authorId }
          : { doneRequestedAt: null, doneRequestedBy: null }),
      },
    });
    for (const value of change.indicators) {
      await tx.indicator.update({
        where: { id: value.indicatorId },
        data: { current: value.value, measuredOn: fromIsoDate(input.today) },
      });
    }
  }
  await recordAudit(tx, {
    actorId: input.authorId,
    action: input.supersedesId ? "progress.correct" : "progress.update",
    entity: "commitment",
    entityId: input.commitmentId,
    details: {
      updateId: row.id,
      version,
      supersedesId: input.supersedesId ?? null,
      from: { status: commitment.status, progress: commitment.progress },
      to: currentStateChanged ? { status: change.status, progress: change.progress } : null,
      reportedStatus: draft.status,
      doneRequested: currentStateChanged && change.doneRequested,
      indicators: currentStateChanged ? change.indicators : [],
    },
  });
  return {
    kind: "created",
    update: toProgressUpdate(row),
    doneRequested: currentStateChanged && change.doneRequested,
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
export type UpdatesRepo = ReturnType<typeof createUpdatesRepo>;
