import { Prisma, type PrismaClient } from "../../prisma/generated/client/client.js";
import type { JournalEntry, JournalFilter } from "../domain/journal.js";
import type { AuditEntry } from "../domain/types.js";

type Tx = Pick<PrismaClient, "auditEntry"> | Prisma.TransactionClient;

interface AuditInput {
  actorId: string;
  action: string;
  entity: string;
  entityId: string;
  details?: Record<string, unknown>;
  /** When the change happened (the request's clock); the database's clock otherwise. */
  at?: Date;
}

/** Called inside the transaction that makes the change, so the trail and the change land together. */
export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: { ...entry, details: (entry.details ?? {}) as Prisma.InputJsonObject },
  });
}

/** Several entries in one INSERT, in the order given (an import's hundred rows are one round trip). */
export async function recordAudits(tx: Tx, entries: readonly AuditInput[]): Promise<void> {
  await tx.auditEntry.createMany({
    data: entries.map((entry) => ({ ...entry, details: (entry.details ?? {}) as Prisma.InputJsonObject })),
  });
}

export function createAuditRepo(prisma: PrismaClient) {
  return {
    /** An entry that goes with no other write (a file handed out). */
    async record(entry: AuditInput): Promise<void> {
      await recordAudit(prisma, entry);
    },
    async listFor(entity: string, entityId: string): Promise<AuditEntry[]> {
      const rows = await prisma.auditEntry.findMany({ where: { entity, entityId }, orderBy: { id: "asc" } });
      return rows.map((r) => ({ ...r, id: r.id.toString(), details: r.details as Record<string, unknown> }));
    },
    /** Entries with one of `actions` written in (from, to], oldest first: what happened in a digest's window. */
    async listBetween(from: Date, to: Date, actions: readonly string[]): Promise<AuditEntry[]> {
      const rows = await prisma.auditEntry.findMany({
        where: { at: { gt: from, lte: to }, action: { in: [...actions] } },
        orderBy: { id: "asc" },
      });
      return rows.map((r) => ({ ...r, id: r.id.toString(), details: r.details as Record<string, unknown> }));
    },
    /**
     * `/csi journal`: the entries of one contract (its commitments, meetings, the contract itself, entries naming
     * it — roles, e-mail recipients — and entries tied to no contract), narrowed by `filter`, newest first, one page of them and how many in all.
     */
    async listJournal(
      contractId: string,
      filter: JournalFilter,
      page: { offset: number; limit: number },
    ): Promise<{ entries: JournalEntry[]; total: number }> {
      const where = Prisma.sql`
        ((a.entity = 'commitment' AND c."contractId" = ${contractId}::uuid)
          OR (a.entity = 'meeting' AND m."contractId" = ${contractId}::uuid)
          OR (a.entity = 'contract' AND a."entityId" = ${contractId})
          OR (a.entity NOT IN ('commitment', 'meeting', 'contract')
              AND COALESCE(a.details->>'contractId', ${contractId}) = ${contractId}))
        AND ${journalCondition(filter)}`;
      const from = Prisma.sql`FROM "AuditEntry" a
        LEFT JOIN "Commitment" c ON a.entity = 'commitment' AND c.id::text = a."entityId"
        LEFT JOIN "Meeting" m ON a.entity = 'meeting' AND m.id::text = a."entityId"`;
      const [rows, counted] = await Promise.all([
        prisma.$queryRaw<JournalRow[]>`
          SELECT a.id::text AS id, a.at, a."actorId", a.action, a.entity, a."entityId", a.details, c.ref
          ${from} WHERE ${where}
          ORDER BY a.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        prisma.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n ${from} WHERE ${where}`,
      ]);
      return {
        entries: rows.map((r) => ({
          id: r.id,
          at: new Date(r.at),
          actorId: r.actorId,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          details: r.details && typeof r.details === "object" ? (r.details as Record<string, unknown>) : {},
          ref: r.ref,
        })),
        total: Number(counted[0]?.n ?? 0),
      };
    },
    async count(): Promise<number> {
      return prisma.auditEntry.count();
    },
  };
}

interface JournalRow {
  id: string;
  at: Date;
  actorId: string;
  action: string;
  entity: string;
  entityId: string;
  details: unknown;
  ref: string | null;
}

function journalCondition(filter: JournalFilter): Prisma.Sql {
  switch (filter.kind) {
    case "all":
      return Prisma.sql`TRUE`;
    case "commitment":
      return Prisma.sql`c.ref = ${filter.ref}`;
    case "roles":
      return Prisma.sql`a.entity = 'role'`;
    case "meetings":
      // The meetings, and what their decisions created (milestones, commitments).
      return Prisma.sql`(a.entity = 'meeting' OR a.details->>'meetingId' IS NOT NULL)`;
    case "imports":
      return Prisma.sql`a.action IN ('commitment.import', 'contract.export')`;
  }
}
