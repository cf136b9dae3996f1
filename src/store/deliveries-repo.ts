import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { createDeliveryOutcomes } from "./delivery-outcomes.js";
import {
  type Claim,
  type ClaimInput,
  type DeliveryRecord,
  type DeliveryScope,
  HANDED_TO_SMTP,
  inContracts,
  OBSOLETE,
  type Scope,
  scoped,
} from "./delivery-rows.js";

/** Keys sent per query as one text[] parameter (a pass plans tens of thousands). */
const KEYS_PER_QUERY = 20_000;

export function createDeliveriesRepo(prisma: PrismaClient) {
  return {
    /**
     * Claims a new key: INSERT … ON CONFLICT (key) DO NOTHING. Exactly one caller gets the claim, whatever
     * the number of processes; the others get null.
     */
    async claim(input: ClaimInput, now: Date, by: string): Promise<Claim | null> {
      const { count } = await prisma.delivery.createMany({
        data: [
          {
            key: input.key,
            kind: input.kind,
            target: input.target,
            occurrence: input.occurrence,
            dueAt: input.dueAt,
            contractId: input.contractId ?? null,
            state: "CLAIMED",
            claimedAt: now,
            claimedBy: by,
            attempts: 1,
          },
        ],
        skipDuplicates: true,
      });
      return count === 1 ? { key: input.key, attempts: 1, claimedBy: by } : null;
    },

    /**
     * Takes over a claim left by a crash (CLAIMED since before `staleBefore`) or a failed attempt, with one
     * conditional UPDATE on the attempts counter seen: of two processes racing, only one matches.
     */
    async reclaim(
      row: Pick<DeliveryRecord, "key" | "attempts">,
      staleBefore: Date,
      now: Date,
      by: string,
    ): Promise<Claim | null> {
      const { count } = await prisma.delivery.updateMany({
        where: {
          key: row.key,
          attempts: row.attempts,
          OR: [
            { state: "CLAIMED", claimedAt: { lt: staleBefore } },
            { state: "FAILED", NOT: { error: OBSOLETE } },
          ],
        },
        data: { state: "CLAIMED", attempts: { increment: 1 }, claimedAt: now, claimedBy: by, channel: null },
      });
      return count === 1 ? { key: row.key, attempts: row.attempts + 1, claimedBy: by } : null;
    },

    /** Claims abandoned by a crash, and failed attempts still worth retrying, oldest first. */
    async listRetryable(
      staleBefore: Date,
      maxAttempts: number,
      limit = 500,
      scope: Scope = "slack",
      contracts?: DeliveryScope,
    ): Promise<DeliveryRecord[]> {
      return prisma.delivery.findMany({
        where: {
          ...scoped(scope),
          ...inContracts(contracts),
          attempts: { lt: maxAttempts },
          OR: [
            { state: "CLAIMED", claimedAt: { lt: staleBefore } },
            { state: "FAILED", NOT: { error: OBSOLETE } },
          ],
        },
        orderBy: { dueAt: "asc" },
        take: limit,
      });
    },

    /** Rows at their last attempt that cannot be retried any more (still CLAIMED or FAILED). */
    async listExhausted(
      staleBefore: Date,
      maxAttempts: number,
      scope: Scope = "slack",
      contracts?: DeliveryScope,
    ): Promise<DeliveryRecord[]> {
      return prisma.delivery.findMany({
        where: {
          ...scoped(scope),
          ...inContracts(contracts),
          attempts: { gte: maxAttempts },
          OR: [
            { state: "CLAIMED", claimedAt: { lt: staleBefore } },
            { state: "FAILED", NOT: { error: OBSOLETE } },
          ],
        },
      });
    },

    /** E-mails whose process stopped after handing them to SMTP and before recording the answer. */
    async listInterruptedMail(staleBefore: Date, contracts?: DeliveryScope): Promise<DeliveryRecord[]> {
      return prisma.delivery.findMany({
        where: {
          ...scoped("mail"),
          ...inContracts(contracts),
          state: "CLAIMED",
          claimedAt: { lt: staleBefore },
          channel: HANDED_TO_SMTP,
        },
      });
    },

    /**
     * Records reminders closed without a message, one row per key, in one INSERT … ON CONFLICT DO NOTHING (a
     * key already recorded, by this pass or another process, is left as it is): `obsolete` when their purpose
     * passed before they could be sent (caught up after a stop), `skipped` when their recipient is away with
     * no stand-in (`why` says so). Returns how many were new.
     */
    async recordUnsent(
      rows: readonly ClaimInput[],
      outcome: { kind: "obsolete" } | { kind: "skipped"; why: string },
      now: Date,
      by: string,
    ): Promise<number> {
      if (rows.length === 0) return 0;
      const { count } = await prisma.delivery.createMany({
        data: rows.map((r) => ({
          key: r.key,
          kind: r.kind,
          target: r.target,
          occurrence: r.occurrence,
          dueAt: r.dueAt,
          contractId: r.contractId ?? null,
          state: outcome.kind === "obsolete" ? ("FAILED" as const) : ("SKIPPED" as const),
          error: outcome.kind === "obsolete" ? OBSOLETE : outcome.why.slice(0, 500),
          reported: true,
          claimedAt: now,
          claimedBy: by,
          attempts: 1,
        })),
        skipDuplicates: true,
      });
      return count;
    },

    /**
     * Which of `keys` have no row yet (in any state). The database does the anti-join, so
     * a pass where everything planned was already claimed gets an empty answer instead of every key back.
     */
    async missingKeys(keys: readonly string[]): Promise<Set<string>> {
      const missing = new Set<string>();
      for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
        const chunk = keys.slice(i, i + KEYS_PER_QUERY);
        // Sent as one newline-separated text (half the cost of a text[] parameter of 38,000 keys); our
        // keys never hold a newline, but should one ever, the array parameter is used instead.
        const rows = chunk.some((k) => k.includes("\n"))
          ? await prisma.$queryRaw<{ key: string }[]>`
              SELECT k."key" FROM unnest(${chunk}::text[]) AS k("key")
              WHERE NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."key" = k."key")`
          : await prisma.$queryRaw<{ key: string }[]>`
              SELECT k."key" FROM unnest(string_to_array(${chunk.join("\n")}::text, chr(10))) AS k("key")
              WHERE NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."key" = k."key")`;
        for (const r of rows) missing.add(r.key);
      }
      return missing;
    },

    async find(key: string): Promise<DeliveryRecord | null> {
      return prisma.delivery.findUnique({ where: { key } });
    },

    /**
     * Undeliverable messages for the digest of a week: those not yet reported, and those that failed
     * since the previous digest (already reported to another recipient of this same digest), up to `until`.
     */
    async listUndeliverableForDigest(since: Date, until: Date, scope?: DeliveryScope): Promise<DeliveryRecord[]> {
      return prisma.delivery.findMany({
        where: {
          ...inContracts(scope),
          state: "UNDELIVERABLE",
          claimedAt: { lt: until },
          OR: [{ reported: false }, { claimedAt: { gte: since } }],
        },
        orderBy: { claimedAt: "asc" },
        take: 200,
      });
    },

    async markReported(keys: readonly string[]): Promise<void> {
      if (keys.length)
        await prisma.delivery.updateMany({ where: { key: { in: [...keys] } }, data: { reported: true } });
    },

    async countByState(): Promise<Record<string, number>> {
      const rows = await prisma.delivery.groupBy({ by: ["state"], _count: { _all: true } });
      return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
    },
    ...createDeliveryOutcomes(prisma),
  };
}
export type DeliveriesRepo = ReturnType<typeof createDeliveriesRepo>;
