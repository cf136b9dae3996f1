// A new contract (`/csi contrat nouveau`): the contract, its parties and its first coordinator (who created it),
// with the audit entry, in one transaction.
import type { Prisma, PrismaClient } from "../../prisma/generated/client/client.js";
import type { ContractInput } from "../domain/contract-input.js";
import type { ContractSettings } from "../domain/contract-settings.js";
import { recordAudit } from "./audit-repo.js";
import { fromIsoDate } from "./mappers.js";
import { lockKey } from "./submissions.js";
import { seesTeam } from "./workspace-scope.js";

/** The ref was taken by someone else between validation and writing. */
export class ContractRefTakenError extends Error {
  constructor(readonly ref: string) {
    super(`Contract ref already used: ${ref}`);
    this.name = "ContractRefTakenError";
  }
}

/**
 * Whether `ref` is used by a contract of workspace `teamId` or of one the current request sees (the refs a person
 * could mean by `/csi contrat REF`); another workspace's contract of that ref is not counted, so never revealed.
 * Serialised per ref until the transaction ends.
 */
export async function contractRefTaken(
  tx: Prisma.TransactionClient,
  ref: string,
  teamId: string | null,
): Promise<boolean> {
  await lockKey(tx, `contract-ref:${ref}`);
  const rows = await tx.contract.findMany({ where: { ref }, select: { teamId: true } });
  return rows.some((r) => r.teamId === teamId || seesTeam(r.teamId));
}

/** `changed`: called once a contract is created or its settings written (the contracts repository forgets what it kept). */
export function createContractAdminRepo(prisma: PrismaClient, changed: () => void = () => {}) {
  return {
    /** A contract's own settings (`/csi contrat reglages`), with the audit entry (before and after), in one transaction. */
    async updateSettings(contractId: string, settings: ContractSettings, actorId: string, at: Date): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const columns = {
          digestWeekday: true,
          digestTime: true,
          reminderHour: true,
          quietHours: true,
          timezone: true,
          channelId: true,
          digestChannelId: true,
        } as const;
        const before = await tx.contract.findUniqueOrThrow({ where: { id: contractId }, select: columns });
        const after = await tx.contract.update({ where: { id: contractId }, data: settings, select: columns });
        await recordAudit(tx, {
          actorId,
          action: "contract.settings",
          entity: "contract",
          entityId: contractId,
          at,
          details: { before, after },
        });
      });
      changed();
    },

    /** `teamId`: the workspace the contract belongs to (null: the single-token installation's). */
    async create(input: ContractInput, actorId: string, teamId: string | null = null): Promise<{ id: string }> {
      const created = prisma.$transaction(async (tx) => {
        if (await contractRefTaken(tx, input.ref, teamId)) throw new ContractRefTakenError(input.ref);
        const row = await tx.contract.create({
          data: {
            ref: input.ref,
            teamId,
            title: input.title,
            signedOn: fromIsoDate(input.signedOn),
            endsOn: fromIsoDate(input.endsOn),
            timezone: input.timezone,
            channelId: input.channelId,
            digestChannelId: input.digestChannelId,
            parties: { create: input.parties.map((p, position) => ({ ...p, position })) },
            roles: { create: [{ userId: actorId, role: "COORDINATOR", grantedBy: actorId }] },
          },
          select: { id: true },
        });
        await recordAudit(tx, {
          actorId,
          action: "contract.create",
          entity: "contract",
          entityId: row.id,
          details: { ref: input.ref, title: input.title, parties: input.parties.map((p) => p.code) },
        });
        return row;
      });
      const { id } = await created;
      changed();
      return { id };
    },
  };
}
