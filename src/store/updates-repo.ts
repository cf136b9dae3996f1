import type { PrismaClient, ProgressUpdate as ProgressUpdateRow } from "../../prisma/generated/client/client.js";
import { isUuid } from "../domain/ids.js";
import type { Commitment, IndicatorValue, ProgressUpdate } from "../domain/types.js";
import {
  type AppendResult,
  type AppendUpdateInput,
  appendFactsSql,
  appendInOneSession,
  appendInTx,
  type SeenFacts,
  seenFacts,
} from "./append-update.js";
import { type CommitmentJson, commitmentFromJson, commitmentJson, parsedJson } from "./commitment-read.js";
import { toIsoDateOrNull } from "./mappers.js";
import { isOneSession } from "./one-session.js";
import { seesContract } from "./workspace-scope.js";

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

/** Names no row: a forged commitment id is read as this one, which is found nowhere. */
const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/** An update as `row_to_json` writes it (instants and dates as text). */
type UpdateJson = Omit<ProgressUpdateRow, "createdAt" | "nextStepOn"> & {
  createdAt: string;
  nextStepOn: string | null;
};

const updateFromJson = (j: UpdateJson): ProgressUpdate =>
  toProgressUpdate({
    ...j,
    createdAt: new Date(j.createdAt),
    nextStepOn: j.nextStepOn === null ? null : new Date(`${j.nextStepOn}T00:00:00.000Z`),
  });

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
     * What a progress form's submission reads before it is checked, in one statement: the update already stored
     * under its key (a second submission of the same form), the commitment (null when gone or another
     * workspace's), and the facts `append` needs (given back to it, it reads nothing more before writing).
     */
    async readForAppend(input: {
      commitmentId: string;
      submissionKey: string;
      supersedesId: string | null;
    }): Promise<{ already: ProgressUpdate | null; commitment: Commitment | null; facts: SeenFacts | null }> {
      const id = isUuid(input.commitmentId) ? input.commitmentId : null;
      const [row] = await prisma.$queryRaw<{ already: unknown; commitment: unknown; facts: unknown }[]>`
        SELECT (SELECT row_to_json(p) FROM "ProgressUpdate" p WHERE p."submissionKey" = ${input.submissionKey}) AS already,
          CASE WHEN c.id IS NULL THEN NULL ELSE ${commitmentJson} END AS commitment,
          CASE WHEN c.id IS NULL THEN NULL ELSE ${appendFactsSql(id ?? NIL_UUID, input.supersedesId)} END AS facts
        FROM (SELECT 1) AS one LEFT JOIN "Commitment" c ON c.id = ${id}::uuid`;
      const already = row?.already ? updateFromJson(parsedJson(row.already)) : null;
      const found = row?.commitment ? commitmentFromJson(parsedJson<CommitmentJson>(row.commitment)) : null;
      // Within a request, another workspace's commitment is not found (a forged form names nothing).
      const commitment = found && (await seesContract(prisma, found.contractId)) ? found : null;
      return { already, commitment, facts: commitment && row?.facts ? seenFacts(row.facts) : null };
    },
    /**
     * Stores an update and moves the commitment's current state, with the audit entry, in one
     * transaction. The same submission key twice (a double submit) is stored once. `seen`: the facts
     * readForAppend gave (the write checks they still hold), or nothing to read them in the transaction.
     */
    async append(input: AppendUpdateInput, seen: SeenFacts | null = null): Promise<AppendResult> {
      try {
        if (isOneSession(prisma)) {
          const alone = await appendInOneSession(prisma, input, seen);
          if (alone) return alone;
          // Others kept writing this commitment meanwhile: lock it, and read the facts under the lock.
          return await prisma.$transaction((tx) => appendInTx(tx, input, null));
        }
        return await prisma.$transaction((tx) => appendInTx(tx, input, seen));
      } catch (error) {
        // Two submissions racing past the first check: the unique key let one through; answer the other.
        const existing = await prisma.progressUpdate.findUnique({ where: { submissionKey: input.submissionKey } });
        if (existing) return { kind: "duplicate", update: toProgressUpdate(existing) };
        throw error;
      }
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
