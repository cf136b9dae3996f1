import type { Prisma, PrismaClient } from "../../prisma/generated/client/client.js";
import { type PartyFigures, partyFiguresFromTallies } from "../domain/dashboard.js";
import { isUuid } from "../domain/ids.js";
import { CLOSED_STATUSES } from "../domain/status.js";
import { normalizeText } from "../domain/text.js";
import type { Commitment, IsoDate, Status } from "../domain/types.js";
import { type CommitmentJson, commitmentFromJson, commitmentJson, parsedJson } from "./commitment-read.js";
import { fromIsoDate, toIsoDateOrNull } from "./mappers.js";
import { toPending, toRequest } from "./requests-repo.js";
import { tallyCommitments } from "./tally-queries.js";
import { seesContract, visibleContractIds } from "./workspace-scope.js";

export const commitmentInclude = {
  owners: true,
  followers: true,
  indicators: { orderBy: { position: "asc" } },
  milestones: { orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }] },
  requests: { where: { decision: null }, orderBy: { requestedAt: "asc" } },
} satisfies Prisma.CommitmentInclude;

type CommitmentRow = Prisma.CommitmentGetPayload<{ include: typeof commitmentInclude }>;

export function toCommitment(row: CommitmentRow): Commitment {
  return {
    id: row.id,
    contractId: row.contractId,
    ref: row.ref,
    ...(row.carriedFromId ? { carriedFromId: row.carriedFromId } : {}),
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
    pending: row.requests.map((r) => toPending(toRequest(r))),
    channelId: row.channelId,
    threadTs: row.threadTs,
    lastUpdateAt: row.lastUpdateAt,
    createdAt: row.createdAt,
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
      const rows = await prisma.commitment.findMany({
        where: { contractId },
        include: commitmentInclude,
        orderBy: { ref: "asc" },
      });
      return rows.map(toCommitment);
    },
    async findByRef(contractId: string, ref: string): Promise<Commitment | null> {
      if (!isUuid(contractId)) return null;
      // One statement (commitment-read.ts) rather than one per relation: `/csi voir REF` and the others read this first.
      const [row] = await prisma.$queryRaw<{ commitment: unknown }[]>`
        SELECT ${commitmentJson} AS commitment FROM "Commitment" c
        WHERE c."contractId" = ${contractId}::uuid AND c.ref = ${ref}`;
      return row ? commitmentFromJson(parsedJson<CommitmentJson>(row.commitment)) : null;
    },
    async findById(id: string): Promise<Commitment | null> {
      if (!isUuid(id)) return null; // PostgreSQL would refuse the query: a forged id names nothing
      // One statement (commitment-read.ts) rather than one per relation: buttons and forms read this first.
      const [row] = await prisma.$queryRaw<{ commitment: unknown }[]>`
        SELECT ${commitmentJson} AS commitment FROM "Commitment" c WHERE c.id = ${id}::uuid`;
      const found = row ? commitmentFromJson(parsedJson<CommitmentJson>(row.commitment)) : null;
      // Within a request, another workspace's commitment is not found (a forged button names nothing).
      return found && (await seesContract(prisma, found.contractId)) ? found : null;
    },
    async listRefs(contractId: string): Promise<string[]> {
      const rows = await prisma.commitment.findMany({
        where: { contractId },
        select: { ref: true },
        orderBy: { ref: "asc" },
      });
      return rows.map((r) => r.ref);
    },
    /** The contracts (seen by the request) where `userId` owns at least one commitment: ids only, no commitment read. */
    async contractIdsOwnedBy(userId: string): Promise<string[]> {
      const rows = await prisma.commitment.findMany({
        where: { owners: { some: { userId } } },
        select: { contractId: true },
        distinct: ["contractId"],
      });
      const seen = visibleContractIds(prisma);
      const ids = seen ? await seen : null;
      return rows.map((r) => r.contractId).filter((id) => !ids || ids.has(id));
    },
    async listOwnedBy(userId: string): Promise<Commitment[]> {
      const rows = await prisma.commitment.findMany({
        where: { owners: { some: { userId } } },
        include: commitmentInclude,
        orderBy: { ref: "asc" },
      });
      const seen = visibleContractIds(prisma);
      const ids = seen ? await seen : null;
      return rows.filter((r) => !ids || ids.has(r.contractId)).map(toCommitment);
    },
    listFiltered: (contractId: string, filter: CommitmentFilter = {}) =>
      listCommitmentsFiltered(prisma, contractId, filter),
    search: (contractId: string, query: string) => searchCommitments(prisma, contractId, query),
    countByParty: (contractId: string, parties: readonly string[], today: IsoDate) =>
      countCommitmentsByParty(prisma, contractId, parties, today),
  };
}

// ---- Read-only queries for /csi (lists, filters, counts, search) ----

/** What `/csi liste`, `retards`, `echeances` and `mes` filter on; every criterion is optional. */
interface CommitmentFilter {
  party?: string;
  statuses?: readonly Status[];
  /** Only commitments overdue on this date (due before it and neither done nor dropped). */
  overdueOn?: IsoDate;
  /** `statuses` also matches commitments overdue on this date (« en retard » typed by a user). */
  statusesOrOverdueOn?: IsoDate;
  /** Due on or after / on or before these dates (inclusive). */
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  /** Leave out DONE and DROPPED. */
  openOnly?: boolean;
  ownerId?: string;
}

/** Per party: how many commitments in each status, how many overdue, and average progress. */
type PartyCounts = PartyFigures;

/** Prisma wants a mutable list for `notIn`. */
export const CLOSED: Status[] = [...CLOSED_STATUSES];

function filterWhere(contractId: string, f: CommitmentFilter): Prisma.CommitmentWhereInput {
  const and: Prisma.CommitmentWhereInput[] = [{ contractId }];
  if (f.party) and.push({ partyCode: f.party });
  if (f.openOnly) and.push({ status: { notIn: CLOSED } });
  if (f.ownerId) and.push({ owners: { some: { userId: f.ownerId } } });
  if (f.overdueOn) and.push({ dueOn: { lt: fromIsoDate(f.overdueOn) }, status: { notIn: CLOSED } });
  if (f.dueFrom) and.push({ dueOn: { gte: fromIsoDate(f.dueFrom) } });
  if (f.dueTo) and.push({ dueOn: { lte: fromIsoDate(f.dueTo) } });
  if (f.statuses && f.statuses.length > 0) {
    const byStatus: Prisma.CommitmentWhereInput = { status: { in: [...f.statuses] } };
    and.push(
      f.statusesOrOverdueOn
        ? { OR: [byStatus, { dueOn: { lt: fromIsoDate(f.statusesOrOverdueOn) }, status: { notIn: CLOSED } }] }
        : byStatus,
    );
  }
  return { AND: and };
}

/** Commitments matching every given criterion, by ref. */
async function listCommitmentsFiltered(
  prisma: PrismaClient,
  contractId: string,
  filter: CommitmentFilter = {},
): Promise<Commitment[]> {
  const rows = await prisma.commitment.findMany({
    where: filterWhere(contractId, filter),
    include: commitmentInclude,
    orderBy: { ref: "asc" },
  });
  return rows.map(toCommitment);
}

/**
 * Accent- and case-insensitive search over refs, titles and descriptions: every word typed must appear
 * (`video chambery` finds « vidéo … Chambéry »). Folding is done here rather than in SQL so that PGlite and
 * PostgreSQL (with or without the unaccent extension) give the same answers.
 */
export async function searchCommitments(
  prisma: PrismaClient,
  contractId: string,
  query: string,
): Promise<Commitment[]> {
  const words = normalizeText(query).split(" ").filter(Boolean);
  if (words.length === 0) return [];
  const candidates = await prisma.commitment.findMany({
    where: { contractId },
    select: { id: true, ref: true, title: true, description: true, strand: true },
    orderBy: { ref: "asc" },
  });
  const ids = candidates
    .filter((c) => {
      const hay = normalizeText(
        [c.ref, c.ref.replace(/-/g, ""), c.title, c.description ?? "", c.strand ?? ""].join(" "),
      );
      return words.every((w) => hay.includes(w));
    })
    .map((c) => c.id);
  if (ids.length === 0) return [];
  const rows = await prisma.commitment.findMany({
    where: { id: { in: ids } },
    include: commitmentInclude,
    orderBy: { ref: "asc" },
  });
  return rows.map(toCommitment);
}

/**
 * Counts per party and status, overdue counts on `today`, and average progress; parties in `parties` order.
 * One aggregate query (tallyCommitments): nothing is loaded per commitment.
 */
async function countCommitmentsByParty(
  prisma: PrismaClient,
  contractId: string,
  parties: readonly string[],
  today: IsoDate,
): Promise<PartyCounts[]> {
  const tallies = await tallyCommitments(prisma, contractId, today);
  // Parties of the contract first, in their order; then any code met only on commitments (imported data).
  // /csi etat shows the raw mean of the progress recorded.
  return partyFiguresFromTallies(
    parties.map((code) => ({ code })),
    tallies,
    (t) => t.progressSum,
  );
}
