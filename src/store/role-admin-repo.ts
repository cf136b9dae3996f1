import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { Role } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";

type RoleChange = { ok: true; before: Role | null; changed: boolean } | { ok: false; reason: "last_coordinator" };

/** `/csi role`: changes a role in one transaction with its audit entry, never leaving the contract without a coordinator. */
export function createRoleAdminRepo(prisma: PrismaClient, changed: () => void = () => {}) {
  return {
    /** `now`: the instant of the request (the store reads no clock); `changed` is called once it is written. */
    async change(userId: string, role: Role, actorId: string, contractId: string, now: Date): Promise<RoleChange> {
      const written = prisma.$transaction(async (tx): Promise<RoleChange> => {
        // Locks the coordinators' rows: two coordinators demoting each other at once cannot both succeed.
        const coordinators = await tx.$queryRaw<
          { userId: string }[]
        >`SELECT "userId" FROM "RoleAssignment" WHERE "role" = 'COORDINATOR' AND "contractId" = ${contractId}::uuid FOR UPDATE`;
        const where = { contractId_userId: { contractId, userId } };
        const before = (await tx.roleAssignment.findUnique({ where }))?.role ?? null;
        if (before === role) return { ok: true, before, changed: false };
        if (
          before === "COORDINATOR" &&
          role !== "COORDINATOR" &&
          coordinators.filter((c) => c.userId !== userId).length === 0
        ) {
          return { ok: false, reason: "last_coordinator" };
        }
        await tx.roleAssignment.upsert({
          where,
          create: { contractId, userId, role, grantedBy: actorId, grantedAt: now },
          update: { role, grantedBy: actorId, grantedAt: now },
        });
        await recordAudit(tx, {
          actorId,
          action: "role.assign",
          entity: "role",
          entityId: userId,
          details: { from: before, to: role, contractId },
        });
        return { ok: true, before, changed: true };
      });
      return written.finally(changed);
    },
  };
}
