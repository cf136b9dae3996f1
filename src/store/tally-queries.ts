// Counts per party and status computed by the database: what `/csi etat`, the App Home and the weekly
// digest derive their per-party figures from, without loading every commitment. Runs on PGlite and PostgreSQL.
import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { StatusTally } from "../domain/dashboard.js";
import { type IsoDate, isStatus } from "../domain/types.js";

interface TallyRow {
  party: string;
  status: string;
  count: number;
  progressSum: number;
  clampedProgressSum: number;
  dueBeforeToday: number;
}

/**
 * One row per party and status of a contract (or of every contract when `contractId` is null): how many,
 * their progress summed (raw, and held within 0–100), and how many are due before `today`. Parties come in
 * the order of their first ref, as a list by ref would meet them.
 */
export async function tallyCommitments(
  prisma: PrismaClient,
  contractId: string | null,
  today: IsoDate,
): Promise<StatusTally[]> {
  const rows = await prisma.$queryRaw<TallyRow[]>`
    SELECT "partyCode" AS party, status::text AS status, COUNT(*)::int AS count,
      COALESCE(SUM(progress), 0)::float8 AS "progressSum",
      COALESCE(SUM(LEAST(100, GREATEST(0, progress))), 0)::float8 AS "clampedProgressSum",
      (COUNT(*) FILTER (WHERE "dueOn" < ${today}::date))::int AS "dueBeforeToday",
      MIN(MIN(ref)) OVER (PARTITION BY "partyCode") AS "firstRef"
    FROM "Commitment"
    WHERE (${contractId}::uuid IS NULL OR "contractId" = ${contractId}::uuid)
    GROUP BY "partyCode", status
    ORDER BY "firstRef", "partyCode", status`;
  return rows.flatMap((r) =>
    isStatus(r.status)
      ? [
          {
            party: r.party,
            status: r.status,
            count: Number(r.count),
            progressSum: Number(r.progressSum),
            clampedProgressSum: Number(r.clampedProgressSum),
            dueBeforeToday: Number(r.dueBeforeToday),
          },
        ]
      : [],
  );
}
