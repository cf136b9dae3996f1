import type { Prisma, PrismaClient } from "../../prisma/generated/client/client.js";
import { nextFreeRef } from "../domain/commitment-input.js";
import type { DecisionInput } from "../domain/decisions-input.js";
import { isUuid } from "../domain/ids.js";
import type { MeetingForInvitation } from "../domain/invitation-plan.js";
import type { MeetingForMail } from "../domain/mail-plan.js";
import type { MeetingInput } from "../domain/meeting-input.js";
import type { MeetingForPlan } from "../domain/reminders.js";
import type { IsoDate, Meeting, MeetingKind } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";
import { fromIsoDate } from "./mappers.js";
import { findSubmission, lockKey } from "./submissions.js";
import { seesContract } from "./workspace-scope.js";

const include = { attendees: true, decisions: { orderBy: { createdAt: "asc" } } } satisfies Prisma.MeetingInclude;
type MeetingRow = Prisma.MeetingGetPayload<{ include: typeof include }>;
/** What a meeting is read with (attendees, decisions in order), for other queries that map rows with toMeeting. */
export const meetingInclude = include;

/** A decision as both reads give it: Prisma's row (dates as Date) or the JSON of the raw query (as text). */
interface DecisionFields {
  id: string;
  text: string;
  outcome: string;
  milestoneId: string | null;
  commitmentId: string | null;
  createdBy: string;
  createdAt: Date | string;
}

interface MeetingFields {
  id: string;
  contractId: string;
  kind: MeetingKind;
  title: string | null;
  startsAt: Date | string;
  place: string | null;
  channelId: string | null;
  agenda: string | null;
}

function meetingFrom(m: MeetingFields, attendees: readonly string[], decisions: readonly DecisionFields[]): Meeting {
  return {
    id: m.id,
    contractId: m.contractId,
    kind: m.kind,
    title: m.title,
    startsAt: new Date(m.startsAt),
    place: m.place,
    channelId: m.channelId,
    agenda: m.agenda,
    attendees: [...attendees].sort(),
    decisions: decisions.map((d) => ({
      id: d.id,
      meetingId: m.id,
      text: d.text,
      outcome: d.outcome === "MILESTONE" || d.outcome === "COMMITMENT" ? d.outcome : "NOTE",
      milestoneId: d.milestoneId,
      commitmentId: d.commitmentId,
      createdBy: d.createdBy,
      createdAt: new Date(d.createdAt),
    })),
  };
}

export const toMeeting = (row: MeetingRow): Meeting =>
  meetingFrom(
    row,
    row.attendees.map((a) => a.userId),
    row.decisions,
  );

/** A row of the « next meeting of each kind » query: attendees and decisions come as JSON arrays. */
interface NextMeetingRow extends MeetingFields {
  attendees: string[];
  decisions: DecisionFields[];
}

const nextMeetingOf = (r: NextMeetingRow): Meeting => meetingFrom(r, r.attendees, r.decisions);

export function createMeetingsRepo(prisma: PrismaClient) {
  return {
    /** Meetings starting at or after `from`, soonest first. */
    async listUpcoming(contractId: string, from: Date, limit = 20): Promise<Meeting[]> {
      const rows = await prisma.meeting.findMany({
        where: { contractId, startsAt: { gte: from }, cancelledAt: null },
        include,
        orderBy: { startsAt: "asc" },
        take: limit,
      });
      return rows.map(toMeeting);
    },
    /** Meetings in [from, to), every contract (the scheduler's view). */
    /** Meetings starting in [from, to), of one contract when named. */
    async listBetween(from: Date, to: Date, contractId?: string): Promise<Meeting[]> {
      const rows = await prisma.meeting.findMany({
        where: { startsAt: { gte: from, lt: to }, cancelledAt: null, ...(contractId ? { contractId } : {}) },
        include,
        orderBy: { startsAt: "asc" },
      });
      return rows.map(toMeeting);
    },
    /** Meetings starting in [from, to), light: what the scheduler plans meeting reminders and check-ins from. */
    async listForPlan(from: Date, to: Date, contractIds?: readonly string[]): Promise<MeetingForPlan[]> {
      const rows = await prisma.meeting.findMany({
        where: {
          startsAt: { gte: from, lt: to },
          cancelledAt: null,
          ...(contractIds ? { contractId: { in: [...contractIds] } } : {}),
        },
        select: {
          id: true,
          contractId: true,
          startsAt: true,
          channelId: true,
          createdAt: true,
          attendees: { select: { userId: true } },
        },
        orderBy: { startsAt: "asc" },
      });
      return rows.map((r) => ({ ...r, attendees: r.attendees.map((a) => a.userId) }));
    },
    async findById(id: string): Promise<Meeting | null> {
      if (!isUuid(id)) return null;
      const row = await prisma.meeting.findUnique({ where: { id }, include });
      return row && (await seesContract(prisma, row.contractId)) ? toMeeting(row) : null;
    },
    /** The latest meeting that started before `before` (the one whose decisions are recorded next). */
    async findLastBefore(contractId: string, before: Date): Promise<Meeting | null> {
      const row = await prisma.meeting.findFirst({
        where: { contractId, startsAt: { lt: before }, cancelledAt: null },
        include,
        orderBy: { startsAt: "desc" },
      });
      return row ? toMeeting(row) : null;
    },
    /** Schedules a meeting with its attendees; a submission already stored (same key) returns that meeting. */
    async create(
      contractId: string,
      input: MeetingInput,
      actorId: string,
      submissionKey?: string,
    ): Promise<{ meeting: Meeting; created: boolean }> {
      return prisma.$transaction(async (tx) => {
        if (submissionKey) await lockKey(tx, `submission:${submissionKey}`);
        const done = await findSubmission(tx, "meeting.create", submissionKey);
        if (done)
          return {
            meeting: toMeeting(await tx.meeting.findUniqueOrThrow({ where: { id: done.entityId }, include })),
            created: false,
          };
        const row = await tx.meeting.create({
          data: {
            contractId,
            kind: input.kind,
            title: input.title,
            startsAt: input.startsAt,
            place: input.place,
            channelId: input.channelId,
            agenda: input.agenda,
            createdBy: actorId,
            attendees: { create: input.attendees.map((userId) => ({ userId })) },
          },
          include,
        });
        await recordAudit(tx, {
          actorId,
          action: "meeting.create",
          entity: "meeting",
          entityId: row.id,
          details: {
            kind: input.kind,
            startsAt: input.startsAt.toISOString(),
            attendees: input.attendees.length,
            ...(submissionKey ? { submissionKey } : {}),
          },
        });
        return { meeting: toMeeting(row), created: true };
      });
    },
    /**
     * Records decisions; each MILESTONE one adds a milestone to its commitment, each COMMITMENT one creates
     * a commitment with the next free ref of its party. All in one transaction, each change audited.
     */
    async addDecisions(
      meetingId: string,
      decisions: DecisionInput[],
      actorId: string,
      submissionKey?: string,
    ): Promise<{
      meeting: Meeting;
      created: boolean;
      milestones: { ref: string; title: string; dueOn: IsoDate | null }[];
      commitments: { ref: string; title: string }[];
    }> {
      return prisma.$transaction(async (tx) => {
        const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { contractId: true } });
        await lockKey(tx, `commitment:${meeting.contractId}`);
        const done = await findSubmission(tx, "meeting.decisions", submissionKey);
        if (done)
          return {
            meeting: toMeeting(await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, include })),
            created: false,
            milestones: [],
            commitments: [],
          };
        const milestones: { ref: string; title: string; dueOn: IsoDate | null }[] = [];
        const commitments: { ref: string; title: string }[] = [];
        for (const d of decisions) {
          const decision = await tx.decision.create({
            data: { meetingId, text: d.text, outcome: d.outcome, createdBy: actorId },
          });
          if (d.outcome === "MILESTONE") {
            const target = await tx.commitment.findUniqueOrThrow({
              where: { contractId_ref: { contractId: meeting.contractId, ref: d.ref } },
              select: { id: true },
            });
            const milestone = await tx.milestone.create({
              data: {
                commitmentId: target.id,
                title: d.title,
                decisionId: decision.id,
                dueOn: d.dueOn ? fromIsoDate(d.dueOn) : null,
              },
            });
            await tx.decision.update({
              where: { id: decision.id },
              data: { milestoneId: milestone.id, commitmentId: target.id },
            });
            await recordAudit(tx, {
              actorId,
              action: "milestone.create",
              entity: "commitment",
              entityId: target.id,
              details: {
                milestoneId: milestone.id,
                title: d.title,
                dueOn: d.dueOn,
                decisionId: decision.id,
                meetingId,
              },
            });
            milestones.push({ ref: d.ref, title: d.title, dueOn: d.dueOn });
          } else if (d.outcome === "COMMITMENT") {
            const refs = await tx.commitment.findMany({
              where: { contractId: meeting.contractId },
              select: { ref: true },
            });
            const ref = nextFreeRef(
              d.party,
              refs.map((r) => r.ref),
            );
            const created = await tx.commitment.create({
              data: {
                contractId: meeting.contractId,
                ref,
                partyCode: d.party,
                title: d.title,
                note: `Décision de réunion ${meetingId}`,
              },
            });
            await tx.decision.update({ where: { id: decision.id }, data: { commitmentId: created.id } });
            await recordAudit(tx, {
              actorId,
              action: "commitment.create",
              entity: "commitment",
              entityId: created.id,
              details: { after: { ref, party: d.party, title: d.title }, decisionId: decision.id, meetingId },
            });
            commitments.push({ ref, title: d.title });
          }
        }
        await recordAudit(tx, {
          actorId,
          action: "meeting.decisions",
          entity: "meeting",
          entityId: meetingId,
          details: {
            count: decisions.length,
            texts: decisions.map((d) => d.text),
            ...(submissionKey ? { submissionKey } : {}),
          },
        });
        return {
          meeting: toMeeting(await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, include })),
          created: true,
          milestones,
          commitments,
        };
      });
    },
    /** The first meeting of `kind` starting at or after `from`, or null. */
    async findNextOfKind(contractId: string, kind: MeetingKind, from: Date): Promise<Meeting | null> {
      const row = await prisma.meeting.findFirst({
        where: { contractId, kind, startsAt: { gte: from }, cancelledAt: null },
        include,
        orderBy: { startsAt: "asc" },
      });
      return row ? toMeeting(row) : null;
    },
    /**
     * For each kind, the first meeting of that kind starting at or after `from` (null when none), in one query:
     * `/csi etat`'s next GLTD and COPIL.
     */
    async findNextOfKinds(
      contractId: string,
      kinds: readonly MeetingKind[],
      from: Date,
    ): Promise<Map<MeetingKind, Meeting | null>> {
      const rows =
        kinds.length === 0
          ? []
          : await prisma.$queryRaw<NextMeetingRow[]>`
        SELECT m.id::text AS id, m."contractId"::text AS "contractId", m.kind::text AS kind, m.title, m."startsAt", m.place, m."channelId", m.agenda,
          ARRAY(SELECT a."userId" FROM "MeetingAttendee" a WHERE a."meetingId" = m.id) AS attendees,
          COALESCE((SELECT json_agg(json_build_object('id', d.id, 'text', d.text, 'outcome', d.outcome, 'milestoneId', d."milestoneId",
              'commitmentId', d."commitmentId", 'createdBy', d."createdBy", 'createdAt', d."createdAt") ORDER BY d."createdAt")
            FROM "Decision" d WHERE d."meetingId" = m.id), '[]'::json) AS decisions
        FROM (
          SELECT DISTINCT ON (kind) * FROM "Meeting"
          WHERE "contractId" = ${contractId}::uuid AND kind::text = ANY(${[...kinds]}::text[]) AND "startsAt" >= ${from} AND "cancelledAt" IS NULL
          ORDER BY kind, "startsAt", id
        ) m`;
      const found = new Map<MeetingKind, Meeting | null>(kinds.map((k) => [k, null]));
      for (const r of rows) found.set(r.kind, nextMeetingOf(r));
      return found;
    },
    /**
     * Moves a meeting to `startsAt` (and, when given, another place): its calendar revision goes up by one, so
     * that e-mail recipients receive the update of the invitation they have. Audited with the old and new times.
     */
    async reschedule(
      meetingId: string,
      change: { startsAt: Date; place?: string | null },
      actorId: string,
      now: Date,
    ): Promise<Meeting | null> {
      if (!isUuid(meetingId)) return null;
      return prisma.$transaction(async (tx) => {
        const before = await tx.meeting.findUnique({ where: { id: meetingId } });
        if (!before || before.cancelledAt) return null;
        const row = await tx.meeting.update({
          where: { id: meetingId },
          data: {
            startsAt: change.startsAt,
            ...(change.place !== undefined ? { place: change.place } : {}),
            sequence: { increment: 1 },
            changedAt: now,
          },
          include,
        });
        await recordAudit(tx, {
          actorId,
          action: "meeting.reschedule",
          entity: "meeting",
          entityId: meetingId,
          at: now,
          details: {
            from: before.startsAt.toISOString(),
            to: change.startsAt.toISOString(),
            ...(change.place !== undefined ? { placeFrom: before.place, placeTo: change.place } : {}),
          },
        });
        return toMeeting(row);
      });
    },
    /** Cancels a meeting (kept, marked cancelled: recipients receive the cancellation). Null when already so. */
    async cancel(meetingId: string, actorId: string, now: Date): Promise<Meeting | null> {
      if (!isUuid(meetingId)) return null;
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.meeting.updateMany({
          where: { id: meetingId, cancelledAt: null },
          data: { cancelledAt: now, changedAt: now, sequence: { increment: 1 } },
        });
        if (count === 0) return null;
        const row = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, include });
        await recordAudit(tx, {
          actorId,
          action: "meeting.cancel",
          entity: "meeting",
          entityId: meetingId,
          at: now,
          details: { kind: row.kind, startsAt: row.startsAt.toISOString() },
        });
        return toMeeting(row);
      });
    },
    /** Meetings not started at `now`, cancelled ones included, with their calendar revision (e-mail planning). */
    async listForMail(now: Date, contractIds?: readonly string[]): Promise<MeetingForMail[]> {
      return prisma.meeting.findMany({
        where: { startsAt: { gt: now }, ...(contractIds ? { contractId: { in: [...contractIds] } } : {}) },
        select: {
          id: true,
          contractId: true,
          kind: true,
          startsAt: true,
          createdAt: true,
          sequence: true,
          changedAt: true,
          cancelledAt: true,
        },
      });
    },
    /** Meetings not started at `now`, cancelled ones included, with attendees and revision (Slack invitations). */
    async listForInvitations(now: Date, contractIds?: readonly string[]): Promise<MeetingForInvitation[]> {
      const rows = await prisma.meeting.findMany({
        where: { startsAt: { gt: now }, ...(contractIds ? { contractId: { in: [...contractIds] } } : {}) },
        select: {
          id: true,
          contractId: true,
          startsAt: true,
          createdAt: true,
          sequence: true,
          changedAt: true,
          cancelledAt: true,
          attendees: { select: { userId: true } },
        },
      });
      return rows.map((r) => ({ ...r, attendees: r.attendees.map((a) => a.userId) }));
    },
    /** A meeting with its calendar revision and cancellation, whatever its state (an e-mail describes it). */
    async findForMail(
      id: string,
    ): Promise<(Meeting & { sequence: number; changedAt: Date | null; cancelledAt: Date | null }) | null> {
      if (!isUuid(id)) return null;
      const row = await prisma.meeting.findUnique({ where: { id }, include });
      return row
        ? { ...toMeeting(row), sequence: row.sequence, changedAt: row.changedAt, cancelledAt: row.cancelledAt }
        : null;
    },
    /** How many meetings start at or after `from` (to say « 20 of 34 » when a list is cut). */
    async countUpcoming(contractId: string, from: Date): Promise<number> {
      return prisma.meeting.count({ where: { contractId, startsAt: { gte: from }, cancelledAt: null } });
    },
  };
}
