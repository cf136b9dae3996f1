// One commitment with what its sheet, its forms and their checks read (owners, followers, indicators, milestones,
// pending requests) in ONE statement: a JSON object built by the database, instead of a statement per relation.
// The same answer as `toCommitment` over `commitmentInclude` (same orders), for reads on the path of an answer.
import { Prisma } from "../../prisma/generated/client/client.js";
import type { PendingRequest } from "../domain/requests.js";
import type { Commitment } from "../domain/types.js";

/** The JSON object of commitment `c` (an alias of "Commitment" in the enclosing query). */
export const commitmentJson = Prisma.sql`json_build_object(
  'id', c.id, 'contractId', c."contractId", 'ref', c.ref, 'carriedFromId', c."carriedFromId", 'party', c."partyCode",
  'title', c.title, 'description', c.description, 'strand', c.strand, 'leadService', c."leadService",
  'partners', c.partners, 'territory', c.territory, 'funding', c.funding, 'note', c.note,
  'startOn', c."startOn", 'dueOn', c."dueOn", 'status', c.status, 'progress', c.progress,
  'channelId', c."channelId", 'threadTs', c."threadTs", 'lastUpdateAt', c."lastUpdateAt", 'createdAt', c."createdAt",
  'owners', ARRAY(SELECT o."userId" FROM "CommitmentOwner" o WHERE o."commitmentId" = c.id),
  'followers', ARRAY(SELECT f."userId" FROM "Follower" f WHERE f."commitmentId" = c.id),
  'indicators', COALESCE((SELECT json_agg(json_build_object('id', i.id, 'label', i.label, 'unit', i.unit,
      'baseline', i.baseline, 'baselineOn', i."baselineOn", 'target', i.target, 'current', i.current,
      'measuredOn', i."measuredOn", 'source', i.source) ORDER BY i.position)
    FROM "Indicator" i WHERE i."commitmentId" = c.id), '[]'::json),
  'milestones', COALESCE((SELECT json_agg(json_build_object('id', m.id, 'title', m.title, 'dueOn', m."dueOn",
      'doneOn', m."doneOn") ORDER BY m."dueOn", m."createdAt")
    FROM "Milestone" m WHERE m."commitmentId" = c.id), '[]'::json),
  'pending', COALESCE((SELECT json_agg(json_build_object('id', r.id, 'kind', r.kind, 'requestedBy', r."requestedBy",
      'requestedAt', r."requestedAt", 'evidenceUrl', r."evidenceUrl", 'evidence', r.evidence, 'reason', r.reason,
      'proposedDueOn', r."proposedDueOn", 'dueOnBefore', r."dueOnBefore", 'statusBefore', r."statusBefore")
      ORDER BY r."requestedAt")
    FROM "CommitmentRequest" r WHERE r."commitmentId" = c.id AND r.decision IS NULL), '[]'::json)
)`;

/** The commitment as the database wrote it in JSON: dates are `YYYY-MM-DD`, instants ISO 8601 text with their offset. */
export type CommitmentJson = Omit<Commitment, "carriedFromId" | "lastUpdateAt" | "createdAt" | "pending"> & {
  carriedFromId: string | null;
  lastUpdateAt: string | null;
  createdAt: string;
  pending: (Omit<PendingRequest, "requestedAt"> & { requestedAt: string })[];
};

/** A JSON object arrives parsed through Prisma, or as its text through some drivers. */
export const parsedJson = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

export function commitmentFromJson(j: CommitmentJson): Commitment {
  const { carriedFromId, lastUpdateAt, createdAt, owners, followers, pending, ...rest } = j;
  return {
    ...rest,
    ...(carriedFromId ? { carriedFromId } : {}),
    pending: pending.map((p) => ({ ...p, requestedAt: new Date(p.requestedAt) })),
    lastUpdateAt: lastUpdateAt === null ? null : new Date(lastUpdateAt),
    createdAt: new Date(createdAt),
    owners: [...owners].sort(),
    followers: [...followers].sort(),
  };
}
