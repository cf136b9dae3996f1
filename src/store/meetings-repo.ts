import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { DecisionInput } from "../domain/decisions-input.js";
import { isUuid } from "../domain/ids.js";
import type { MeetingInput } from "../domain/meeting-input.js";
import type { Meeting, MeetingKind } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";
import { recordMeetingDecisions } from "./meeting-decisions.js";
import { meetingInclude as include, type NextMeetingRow, nextMeetingOf, toMeeting } from "./meeting-rows.js";
import { createMeetingScheduleReads } from "./meeting-schedule-reads.js";
import { findSubmission, lockKey } from "./submissions.js";
import { seesContract } from "./workspace-scope.js";

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
    /** Meetings starting in [from, to), of one contract when named. */
    async listBetween(from: Date, to: Date, contractId?: string): Promise<Meeting[]> {
      const rows = await prisma.meeting.findMany({
        where: { startsAt: { gte: from, lt: to }, cancelledAt: null, ...(contractId ? { contractId } : {}) },
        include,
        orderBy: { startsAt: "asc" },
      });
      return rows.map(toMeeting);
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
    /** Records a meeting's decisions, with the milestones and commitments they make (see recordMeetingDecisions). */
    addDecisions: (meetingId: string, decisions: DecisionInput[], actorId: string, submissionKey?: string) =>
      recordMeetingDecisions(prisma, meetingId, decisions, actorId, submissionKey),
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
    /** How many meetings start at or after `from` (to say « 20 of 34 » when a list is cut). */
    async countUpcoming(contractId: string, from: Date): Promise<number> {
      return prisma.meeting.count({ where: { contractId, startsAt: { gte: from }, cancelledAt: null } });
    },
    ...createMeetingScheduleReads(prisma),
  };
}
