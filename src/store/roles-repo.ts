import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { Role, RoleAssignment } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";

/** Roles are per contract: every read and write names the contract. */
export function createRolesRepo(prisma: PrismaClient) {
  return {
    async find(userId: string, contractId: string): Promise<RoleAssignment | null> {
      return prisma.roleAssignment.findUnique({ where: { contractId_userId: { contractId, userId } } });
    },
    async listByRole(role: Role, contractId: string): Promise<string[]> {
      const rows = await prisma.roleAssignment.findMany({
        where: { role, contractId },
        orderBy: { grantedAt: "asc" },
      });
      return rows.map((r) => r.userId);
    },
    /** The coordinators of every contract, oldest first, in one query (the scheduler plans each contract). */
    async coordinatorsByContract(): Promise<Map<string, string[]>> {
      const rows = await prisma.roleAssignment.findMany({
        where: { role: "COORDINATOR" },
        orderBy: { grantedAt: "asc" },
        select: { contractId: true, userId: true },
      });
      const out = new Map<string, string[]>();
      for (const r of rows) out.set(r.contractId, [...(out.get(r.contractId) ?? []), r.userId]);
      return out;
    },
    /** The contracts where `userId` has a role, with that role. */
    async contractsOf(userId: string): Promise<{ contractId: string; role: Role }[]> {
      const rows = await prisma.roleAssignment.findMany({ where: { userId }, orderBy: { grantedAt: "asc" } });
      return rows.map((r) => ({ contractId: r.contractId, role: r.role }));
    },
    /** `now`: the instant of the request that grants the role (the store reads no clock). */
    async assign(
      userId: string,
      role: Role,
      grantedBy: string,
      contractId: string,
      now: Date,
    ): Promise<RoleAssignment> {
      return prisma.$transaction(async (tx) => {
        const where = { contractId_userId: { contractId, userId } };
        const before = await tx.roleAssignment.findUnique({ where });
        const after = await tx.roleAssignment.upsert({
          where,
          create: { contractId, userId, role, grantedBy, grantedAt: now },
          update: { role, grantedBy, grantedAt: now },
        });
        await recordAudit(tx, {
          actorId: grantedBy,
          action: "role.assign",
          entity: "role",
          entityId: userId,
          details: { from: before?.role ?? null, to: role, contractId },
        });
        return after;
      });
    },
    /** First coordinators of `contractId` come from CSI_COORDINATORS; a role someone was given there is left as it is. */
    async ensureCoordinators(userIds: string[], contractId: string): Promise<string[]> {
      const added: string[] = [];
      for (const userId of userIds) {
        const existing = await prisma.roleAssignment.findUnique({
          where: { contractId_userId: { contractId, userId } },
        });
        if (existing) continue;
        await prisma.$transaction(async (tx) => {
          await tx.roleAssignment.create({
            data: { contractId, userId, role: "COORDINATOR", grantedBy: "system:env" },
          });
          await recordAudit(tx, {
            actorId: "system:env",
            action: "role.assign",
            entity: "role",
            entityId: userId,
            details: { to: "COORDINATOR", from: null, contractId },
          });
        });
        added.push(userId);
      }
      return added;
    },
  };
}
