import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { Contract } from "../domain/types.js";
import { type Clock, KEEP_READS_MS, keptReads } from "./kept-reads.js";
import { toIsoDate } from "./mappers.js";
import { noteContractsRead, seenContractsFilter, seesTeam } from "./workspace-scope.js";

const include = { parties: { orderBy: { position: "asc" as const } } };

/** A copy the caller may change without changing what is kept. */
const copyOf = (c: Contract): Contract => ({ ...c, parties: c.parties.map((p) => ({ ...p })) });

/**
 * The default (first) contract is read once per repository (so per app instance, and per test app) and kept until
 * its settings change or it is renewed (`forget`). An absence is not kept, so a contract seeded later is found.
 * Within a request, the contracts of its workspace (with their parties) are kept a few seconds per workspace
 * (kept-reads.ts): every contract or party written through the store forgets them (`forget`).
 */
export function createContractsRepo(prisma: PrismaClient, options: { keepForMs?: number; clock?: Clock } = {}) {
  let defaultContract: Promise<Contract | null> | undefined;
  const ofWorkspace = keptReads<Contract[]>(
    options.keepForMs ?? KEEP_READS_MS,
    options.clock ?? (() => performance.now()),
  );
  const toContract = (
    row: NonNullable<Awaited<ReturnType<typeof prisma.contract.findFirst<{ include: typeof include }>>>>,
  ): Contract => ({
    id: row.id,
    ref: row.ref,
    title: row.title,
    signedOn: toIsoDate(row.signedOn),
    endsOn: toIsoDate(row.endsOn),
    timezone: row.timezone,
    channelId: row.channelId,
    digestChannelId: row.digestChannelId,
    teamId: row.teamId,
    digestWeekday: row.digestWeekday,
    digestTime: row.digestTime,
    reminderHour: row.reminderHour,
    quietHours: row.quietHours,
    closedAt: row.closedAt,
    successorId: row.successorId,
    parties: row.parties.map((p) => ({ code: p.code, label: p.label, signatory: p.signatory })),
  });
  return {
    /** Every contract; within a Slack request, those of its workspace only (workspace-scope.ts). */
    async list(): Promise<Contract[]> {
      const seen = seenContractsFilter();
      const read = async () => {
        const rows = await prisma.contract.findMany({
          where: seen?.where ?? {},
          include,
          orderBy: { createdAt: "asc" },
        });
        return rows.map(toContract);
      };
      // Every contract (jobs, scripts) is read afresh; a request's workspace's are kept a few seconds.
      const all = seen ? await ofWorkspace.get(seen.key, read) : await read();
      noteContractsRead(all.map((c) => ({ id: c.id, teamId: c.teamId ?? null })));
      return all.filter((c) => seesTeam(c.teamId ?? null)).map(copyOf);
    },
    /** The contract of this ref the current request sees (refs are unique within a workspace). */
    async findByRef(ref: string): Promise<Contract | null> {
      const where = { ref, ...(seenContractsFilter()?.where ?? {}) };
      const rows = await prisma.contract.findMany({ where, include, orderBy: { createdAt: "asc" } });
      const row = rows.find((r) => seesTeam(r.teamId));
      return row ? toContract(row) : null;
    },
    /** The contract `userId` chose with `/csi contrat REF`, if any. */
    async choiceOf(userId: string): Promise<string | null> {
      return (await prisma.contractChoice.findUnique({ where: { userId } }))?.contractId ?? null;
    },
    async choose(userId: string, contractId: string): Promise<void> {
      await prisma.contractChoice.upsert({
        where: { userId },
        create: { userId, contractId },
        update: { contractId, chosenAt: new Date() },
      });
    },
    /** The contract a workspace follows by default: the first one seeded (within a request, its workspace's first). */
    async findDefault(): Promise<Contract | null> {
      const first = await (defaultContract ?? this.findFirstEver());
      if (first === null || (seesTeam(first.teamId ?? null) && !first.closedAt)) return first;
      // Renewed (closed): the workspace follows its open contracts first.
      const all = await this.list();
      return all.find((c) => !c.closedAt) ?? all[0] ?? null;
    },
    /** Forgets what is kept (the first contract, the workspaces' contracts): a contract was written (read again at the next call). */
    forget(): void {
      defaultContract = undefined;
      ofWorkspace.forget();
    },
    /** The first contract ever recorded, kept once found. */
    findFirstEver(): Promise<Contract | null> {
      if (defaultContract) return defaultContract;
      const found = prisma.contract
        .findFirst({ include, orderBy: { createdAt: "asc" } })
        .then((row) => (row ? toContract(row) : null));
      defaultContract = found;
      // Neither a missing contract nor a failed read is kept: the next call asks the database again.
      found.then(
        (c) => {
          if (c === null && defaultContract === found) defaultContract = undefined;
        },
        () => {
          if (defaultContract === found) defaultContract = undefined;
        },
      );
      return found;
    },
  };
}
