// Set-based reads for `/csi etat`, the App Home and the weekly digest: counts computed by the database and
// lists cut to what is shown, instead of every commitment with every relation. Plain SQL that PGlite and
// PostgreSQL both run; rows are mapped to plain domain objects.
import { Prisma, type PrismaClient } from "../../prisma/generated/client/client.js";
import { sortByUrgency } from "../domain/status.js";
import type { Commitment, IsoDate } from "../domain/types.js";
import { CLOSED, commitmentInclude, toCommitment } from "./commitments-repo.js";
import { fromIsoDate, toIsoDateOrNull } from "./mappers.js";
import { tallyCommitments } from "./tally-queries.js";

/** Full commitments by id, in the order of `ids`. */
async function commitmentsInOrder(prisma: PrismaClient, ids: readonly string[]): Promise<Commitment[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.commitment.findMany({ where: { id: { in: [...ids] } }, include: commitmentInclude });
  const byId = new Map(rows.map((r) => [r.id, toCommitment(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

type ToCompleteRow = Pick<Commitment, "id" | "ref" | "title" | "dueOn" | "owners">;

/** « À compléter » (see listToCompleteIds) in one statement: the owners as an array, the due date as an ISO date. */
async function listToComplete(prisma: PrismaClient, contractId: string | null): Promise<ToCompleteRow[]> {
  const inContract = contractId === null ? Prisma.sql`TRUE` : Prisma.sql`c."contractId" = ${contractId}::uuid`;
  return prisma.$queryRaw<ToCompleteRow[]>`
    SELECT c.id::text AS id, c.ref, c.title, to_char(c."dueOn", 'YYYY-MM-DD') AS "dueOn",
      ARRAY(SELECT o."userId" FROM "CommitmentOwner" o WHERE o."commitmentId" = c.id ORDER BY o."userId") AS owners
    FROM "Commitment" c
    WHERE ${inContract}
      AND c.status::text NOT IN ('DONE', 'DROPPED')
      AND EXISTS (SELECT 1 FROM "Decision" d WHERE d."commitmentId" = c.id AND d.outcome = 'COMMITMENT')
      AND (c."dueOn" IS NULL OR NOT EXISTS (SELECT 1 FROM "CommitmentOwner" o WHERE o."commitmentId" = c.id))
    ORDER BY c.ref`;
}

export function createDashboardQueries(prisma: PrismaClient) {
  return {
    tally: (contractId: string | null, today: IsoDate) => tallyCommitments(prisma, contractId, today),

    /** Commitments overdue on `today` (due before it, neither done nor dropped), most days late first, then by ref. */
    async listOverdue(contractId: string, today: IsoDate, limit: number): Promise<Commitment[]> {
      const rows = await prisma.commitment.findMany({
        where: { contractId, dueOn: { lt: fromIsoDate(today) }, status: { notIn: CLOSED } },
        include: commitmentInclude,
        orderBy: [{ dueOn: "asc" }, { ref: "asc" }],
        take: limit,
      });
      return rows.map(toCommitment);
    },

    /**
     * The first `limit` commitments of the contract that `userId` owns, most urgent first (sortByUrgency over
     * them in ref order), and how many they own in all. Only the ones returned are read with their relations.
     */
    async listOwnedByUrgency(
      contractId: string,
      userId: string,
      today: IsoDate,
      limit: number,
    ): Promise<{ items: Commitment[]; total: number }> {
      const light = await prisma.commitment.findMany({
        where: { contractId, owners: { some: { userId } } },
        select: { id: true, dueOn: true, status: true },
        orderBy: { ref: "asc" },
      });
      const urgent = sortByUrgency(
        light.map((c) => ({ id: c.id, status: c.status, dueOn: toIsoDateOrNull(c.dueOn) })),
        today,
      ).slice(0, limit);
      return {
        items: await commitmentsInOrder(
          prisma,
          urgent.map((c) => c.id),
        ),
        total: light.length,
      };
    },

    /**
     * Open commitments created from a meeting's decision that still lack an owner or a due date (« à compléter »),
     * by ref: of one contract, or of every contract when `contractId` is null (the weekly digest).
     */
    async listToCompleteIds(contractId: string | null): Promise<string[]> {
      return (await listToComplete(prisma, contractId)).map((r) => r.id);
    },

    /** The same « à compléter » commitments of one contract, with what the App Home shows of each (no other relation read). */
    listToComplete: (contractId: string) => listToComplete(prisma, contractId),

    /** Open commitments of the contract that nobody owns (« À attribuer »), by ref: id, ref and title only. */
    async listOwnerless(contractId: string): Promise<Pick<Commitment, "id" | "ref" | "title">[]> {
      return prisma.commitment.findMany({
        where: { contractId, status: { notIn: CLOSED }, owners: { none: {} } },
        select: { id: true, ref: true, title: true },
        orderBy: { ref: "asc" },
      });
    },

    /** The first `limit` commitments of the contract by ref: what a coordinator's « Modifier » menu offers. */
    async listEditable(contractId: string, limit: number): Promise<Pick<Commitment, "id" | "ref" | "title">[]> {
      return prisma.commitment.findMany({
        where: { contractId },
        select: { id: true, ref: true, title: true },
        orderBy: { ref: "asc" },
        take: limit,
      });
    },
  };
}
