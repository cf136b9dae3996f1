import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Commitment } from "../domain/types.js";
import { toIsoDateOrNull } from "./mappers.js";

export const commitmentInclude = {
  owners: true,
  followers: true,
  indicators: { orderBy: { position: "asc" } },
  milestones: { orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.CommitmentInclude;

type CommitmentRow = Prisma.CommitmentGetPayload<{ include: typeof commitmentInclude }>;

export function toCommitment(row: CommitmentRow): Commitment {
  return {
    id: row.id,
    contractId: row.contractId,
    ref: row.ref,
    party: row.partyCode,
    title: row.title,
    description: row.description,
    strand: row.strand,
    leadService: row.leadService,
    partners: row.partners,
    territory: row.territory,
    funding: row.funding,
    note: row.note,
    startOn: toIsoDateOrNull(row.startOn),
    dueOn: toIsoDateOrNull(row.dueOn),
    status: row.status,
    progress: row.progress,
    doneRequestedAt: row.doneRequestedAt,
    doneRequestedBy: row.doneRequestedBy,
    channelId: row.channelId,
    threadTs: row.threadTs,
    lastUpdateAt: row.lastUpdateAt,
    owners: row.owners.map((o) => o.userId).sort(),
    followers: row.followers.map((f) => f.userId).sort(),
    indicators: row.indicators.map((i) => ({
      id: i.id,
      label: i.label,
      unit: i.unit,
      baseline: i.baseline,
      baselineOn: toIsoDateOrNull(i.baselineOn),
      target: i.target,
      current: i.current,
      measuredOn: toIsoDateOrNull(i.measuredOn),
      source: i.source,
    })),
    milestones: row.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: toIsoDateOrNull(m.dueOn),
      doneOn: toIsoDateOrNull(m.doneOn),
    })),
  };
}

export function createCommitmentsRepo(prisma: PrismaClient) {
  return {
    async listByContract(contractId: string): Promise<Commitment[]> {
      const rows = await prisma.commitment.findMany({ where: { contractId }, include: commitmentInclude, orderBy: { ref: "asc" } });
      return rows.map(toCommitment);
    },
    async findByRef(contractId: string, ref: string): Promise<Commitment | null> {
      const row = await prisma.commitment.findUnique({ where: { contractId_ref: { contractId, ref } }, include: commitmentInclude });
      return row ? toCommitment(row) : null;
    },
    async findById(id: string): Promise<Commitment | null> {
      const row = await prisma.commitment.findUnique({ where: { id }, include: commitmentInclude });
      return row ? toCommitment(row) : null;
    },
    async listRefs(contractId: string): Promise<string[]> {
      const rows = await prisma.commitment.findMany({ where: { contractId }, select: { ref: true }, orderBy: { ref: "asc" } });
      return rows.map((r) => r.ref);
    },
    async listOwnedBy(userId: string): Promise<Commitment[]> {
      const rows = await prisma.commitment.findMany({
        where: { owners: { some: { userId } } },
        include: commitmentInclude,
        orderBy: { ref: "asc" },
      });
      return rows.map(toCommitment);
    },
  };
}
export type CommitmentsRepo = ReturnType<typeof createCommitmentsRepo>;
