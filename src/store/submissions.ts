import type { Prisma, PrismaClient } from "../../prisma/generated/client/client.js";

type Tx = Prisma.TransactionClient;

/**
 * A modal submitted twice (Slack retries, a double click) carries the same view id: the audit entry of
 * the first one holds it as `submissionKey`, so the second finds it and stores nothing.
 */
export async function findSubmission(
  tx: Tx | PrismaClient,
  action: string,
  submissionKey: string | undefined,
): Promise<{ entityId: string } | null> {
  if (!submissionKey) return null;
  const hit = await tx.auditEntry.findFirst({
    where: { action, details: { path: ["submissionKey"], equals: submissionKey } },
    select: { entityId: true },
  });
  return hit;
}

/** Serialises submissions that compete for the same thing (the next free ref, the same view id). */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
