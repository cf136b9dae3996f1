import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { recordAudit } from "./audit-repo.js";

interface SnoozeRecord {
  key: string;
  userId: string;
  until: Date;
}

export function createSnoozesRepo(prisma: PrismaClient) {
  return {
    /**
     * Moves the one reminder `key` to `until` (a later click on the same message moves it again). The
     * re-send gets its own delivery key, so it too goes out once. Audited with the user who asked.
     */
    async snooze(key: string, userId: string, until: Date): Promise<SnoozeRecord> {
      return prisma.$transaction(async (tx) => {
        const before = await tx.snooze.findUnique({ where: { key } });
        const row = await tx.snooze.upsert({
          where: { key },
          create: { key, userId, until },
          update: { userId, until },
        });
        await recordAudit(tx, {
          actorId: userId,
          action: "reminder.snooze",
          entity: "delivery",
          entityId: key,
          details: { from: before?.until.toISOString() ?? null, to: until.toISOString() },
        });
        return { key: row.key, userId: row.userId, until: row.until };
      });
    },
    /** Snoozes whose time has come, within `lookbackDays` (older ones were sent, or are moot). */
    async listDue(now: Date, lookbackDays = 30): Promise<SnoozeRecord[]> {
      const rows = await prisma.snooze.findMany({
        where: { until: { lte: now, gte: new Date(now.getTime() - lookbackDays * 86_400_000) } },
        orderBy: { until: "asc" },
      });
      return rows.map((r) => ({ key: r.key, userId: r.userId, until: r.until }));
    },
    async find(key: string): Promise<SnoozeRecord | null> {
      const r = await prisma.snooze.findUnique({ where: { key } });
      return r ? { key: r.key, userId: r.userId, until: r.until } : null;
    },
  };
}
