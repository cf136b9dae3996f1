import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { recordAudit } from "./audit-repo.js";

/** Following a commitment: the follower is notified of its updates. Each change is audited. */
export function createFollowersRepo(prisma: PrismaClient) {
  return {
    /** Adds `userId` to the followers; returns false when they already followed it (nothing written). */
    async follow(commitmentId: string, userId: string): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.follower.findUnique({ where: { commitmentId_userId: { commitmentId, userId } } });
        if (existing) return false;
        await tx.follower.create({ data: { commitmentId, userId } });
        await recordAudit(tx, {
          actorId: userId,
          action: "commitment.follow",
          entity: "commitment",
          entityId: commitmentId,
          details: { userId },
        });
        return true;
      });
    },
    /** Removes `userId` from the followers; returns false when they did not follow it. */
    async unfollow(commitmentId: string, userId: string): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.follower.deleteMany({ where: { commitmentId, userId } });
        if (count === 0) return false;
        await recordAudit(tx, {
          actorId: userId,
          action: "commitment.unfollow",
          entity: "commitment",
          entityId: commitmentId,
          details: { userId },
        });
        return true;
      });
    },
    async listFollowers(commitmentId: string): Promise<string[]> {
      const rows = await prisma.follower.findMany({ where: { commitmentId }, orderBy: { userId: "asc" } });
      return rows.map((r) => r.userId);
    },
  };
}
