// The weekly digest's reads: per-party counts by the database and only the commitments a digest can list
// (instead of every commitment with its owners). Every contract, as the scheduler's digest covers them all.
import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { StatusTally } from "../domain/dashboard.js";
import type { DigestCandidates, DigestCommitment } from "../domain/digest.js";
import { type IsoDate, isStatus } from "../domain/types.js";
import { tallyCommitments } from "./tally-queries.js";

interface CandidateRow {
  id: string;
  contractId: string;
  ref: string;
  title: string;
  party: string;
  status: string;
  progress: number;
  dueOn: string | null;
  lastUpdateAt: Date | null;
  createdAt: Date;
  owners: string[];
  pending: string[];
}

export function createDigestQueries(prisma: PrismaClient) {
  return {
    /** Counts per party and status over one contract (every contract when none is named); due before `today` counted. */
    tally: (today: IsoDate, contractId: string | null = null): Promise<StatusTally[]> =>
      tallyCommitments(prisma, contractId, today),

    /**
     * By ref, with their owners: open commitments that are due by `c.dueBy`, flagged, silent or without an owner (not updated
     * since `c.updatedBefore`), and the commitments in `alsoIds` whatever their state (those updated this week).
     */
    async listCandidates(
      c: DigestCandidates,
      alsoIds: readonly string[],
      contractId: string | null = null,
    ): Promise<(DigestCommitment & { contractId: string })[]> {
      const rows = await prisma.$queryRaw<CandidateRow[]>`
        SELECT c.id::text AS id, c."contractId"::text AS "contractId", c.ref, c.title, c."partyCode" AS party, c.status::text AS status,
          c.progress, to_char(c."dueOn", 'YYYY-MM-DD') AS "dueOn", c."lastUpdateAt", c."createdAt",
          ARRAY(SELECT o."userId" FROM "CommitmentOwner" o WHERE o."commitmentId" = c.id) AS owners,
          ARRAY(SELECT q."kind"::text FROM "CommitmentRequest" q
                WHERE q."commitmentId" = c.id AND q."decision" IS NULL ORDER BY q."requestedAt") AS pending
        FROM "Commitment" c
        WHERE (${contractId}::uuid IS NULL OR c."contractId" = ${contractId}::uuid) AND ((c.status::text NOT IN ('DONE', 'DROPPED') AND (
                c."dueOn" <= ${c.dueBy}::date
                OR c.status::text = ANY(${[...c.flagged]}::text[])
                OR GREATEST(c."createdAt", COALESCE(c."lastUpdateAt", c."createdAt")) < ${c.updatedBefore}::timestamptz
                OR NOT EXISTS (SELECT 1 FROM "CommitmentOwner" o WHERE o."commitmentId" = c.id)))
           OR c.id::text = ANY(${[...alsoIds]}::text[]))
        ORDER BY c.ref`;
      return rows.flatMap((r) =>
        isStatus(r.status)
          ? [
              {
                id: r.id,
                contractId: r.contractId,
                ref: r.ref,
                title: r.title,
                party: r.party,
                status: r.status,
                progress: Number(r.progress),
                dueOn: r.dueOn,
                lastUpdateAt: r.lastUpdateAt === null ? null : new Date(r.lastUpdateAt),
                createdAt: new Date(r.createdAt),
                owners: [...r.owners].sort(),
                pending: r.pending.flatMap((kind) => (kind === "DONE" || kind === "DUE_DATE" ? [{ kind }] : [])),
              },
            ]
          : [],
      );
    },
  };
}
