import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { Role, RoleAssignment } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";

export function createRolesRepo(prisma: PrismaClient) {
  return {
    async find(userId: string): Promise<RoleAssignment | null> {
      return prisma.roleAssignment.findUnique({ where: { userId } });
    },
    async listByRole(role: Role): Promise<string[]> {
      const rows = await prisma.roleAssignment.findMany({ where: { role }, orderBy: { grantedAt: "asc" } });
      return rows.map((r) => r.userId);
    },
    /** `now`: the instant of the request that grants the role (the store reads no clock). */
    async assign(userId: string, role: Role, grantedBy: string, now: Date): Promise<RoleAssignment> {
      return prisma.$transaction(async (tx) => {
        const before = await tx.roleAssignment.findUnique({ where: { userId } });
        const after = await tx.roleAssignment.upsert({
          where: { userId },
          create: { userId, role, grantedBy, grantedAt: now },
          update: { role, grantedBy, grantedAt: now },
        });
        await recordAudit(tx, {
          actorId: grantedBy,
          action: "role.assign",
          entity: "role",
          entityId: userId,
          details: { from: before?.role ?? null, to: role },
        });
        return after;
      });
    },
    /** First coordinators come from CSI_COORDINATORS; an existing role someone was given is left as it is. */
    async ensureCoordinators(userIds: string[]): Promise<string[]> {
      const added: string[] = [];
      for (const userId of userIds) {
        const existing = await prisma.roleAssignment.findUnique({ where: { userId } });
        if (existing) continue;
        await prisma.$transaction(async (tx) => {
          await tx.roleAssignment.create({ data: { userId, role: "COORDINATOR", grantedBy: "system:env" } });
          await recordAudit(tx, {
            actorId: "system:env",
            action: "role.assign",
            entity: "role",
            entityId: userId,
            details: { to: "COORDINATOR", from: null },
          });
        });
        added.push(userId);
      }
      return added;
    },
  };
}
