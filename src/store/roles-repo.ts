import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { Role, RoleAssignment } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";
import { type Clock, KEEP_READS_MS, keptReads } from "./kept-reads.js";
import { withinSlackRequest } from "./workspace-scope.js";

/**
 * Roles are per contract: every read and write names the contract. The role every command and button reads first
 * is kept a few seconds within Slack requests (kept-reads.ts), forgotten on every role written through the store.
 */
export function createRolesRepo(prisma: PrismaClient, options: { keepForMs?: number; clock?: Clock } = {}) {
  const kept = keptReads<RoleAssignment | null>(
    options.keepForMs ?? KEEP_READS_MS,
    options.clock ?? (() => performance.now()),
  );
  const forgetAfter = <T>(write: Promise<T>): Promise<T> => write.finally(() => kept.forget());
  return {
    async find(userId: string, contractId: string): Promise<RoleAssignment | null> {
      const read = () => prisma.roleAssignment.findUnique({ where: { contractId_userId: { contractId, userId } } });
      if (!withinSlackRequest()) return read();
      const found = await kept.get(`${contractId} ${userId}`, read);
      return found && { ...found };
    },
    /** A role was written elsewhere in the store (a new contract, a renewal, `/csi role`): read again. */
    forget(): void {
      kept.forget();
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
      const written = prisma.$transaction(async (tx) => {
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
      return forgetAfter(written);
    },
    /** First coordinators of `contractId` come from CSI_COORDINATORS; a role someone was given there is left as it is. */
    async ensureCoordinators(userIds: string[], contractId: string): Promise<string[]> {
      const added: string[] = [];
      for (const userId of userIds) {
        const existing = await prisma.roleAssignment.findUnique({
          where: { contractId_userId: { contractId, userId } },
        });
        if (existing) continue;
        const written = prisma.$transaction(async (tx) => {
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
        await forgetAfter(written);
        added.push(userId);
      }
      return added;
    },
  };
}
