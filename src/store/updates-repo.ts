import type { PrismaClient, ProgressUpdate as ProgressUpdateRow } from "../generated/prisma/client.js";
import type { IndicatorValue, ProgressUpdate } from "../domain/types.js";
import { toIsoDateOrNull } from "./mappers.js";

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
      const rows = await prisma.progressUpdate.findMany({ where: { commitmentId }, orderBy: [{ createdAt: "asc" }, { version: "asc" }] });
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
      const row = await prisma.progressUpdate.findUnique({ where: { id } });
      return row ? toProgressUpdate(row) : null;
    },
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
