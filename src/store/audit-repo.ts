import type { Prisma, PrismaClient } from "../../prisma/generated/client/client.js";
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
    async count(): Promise<number> {
      return prisma.auditEntry.count();
    },
  };
}
