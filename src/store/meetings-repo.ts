import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Meeting, MeetingKind } from "../domain/types.js";

const include = { attendees: true, decisions: { orderBy: { createdAt: "asc" } } } satisfies Prisma.MeetingInclude;
type MeetingRow = Prisma.MeetingGetPayload<{ include: typeof include }>;

export function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    contractId: row.contractId,
    kind: row.kind,
    title: row.title,
    startsAt: row.startsAt,
    place: row.place,
    channelId: row.channelId,
    agenda: row.agenda,
    attendees: row.attendees.map((a) => a.userId).sort(),
    decisions: row.decisions.map((d) => ({
      id: d.id,
      meetingId: d.meetingId,
      text: d.text,
      outcome: d.outcome === "MILESTONE" || d.outcome === "COMMITMENT" ? d.outcome : "NOTE",
      milestoneId: d.milestoneId,
      commitmentId: d.commitmentId,
      createdBy: d.createdBy,
      createdAt: d.createdAt,
    })),
  };
}

export function createMeetingsRepo(prisma: PrismaClient) {
  return {
    /** Meetings starting at or after `from`, soonest first. */
    async listUpcoming(contractId: string, from: Date, limit = 20): Promise<Meeting[]> {
      const rows = await prisma.meeting.findMany({
        where: { contractId, startsAt: { gte: from } },
        include,
        orderBy: { startsAt: "asc" },
        take: limit,
      });
      return rows.map(toMeeting);
    },
    /** Meetings in [from, to), every contract (the scheduler's view). */
    async listBetween(from: Date, to: Date): Promise<Meeting[]> {
      const rows = await prisma.meeting.findMany({ where: { startsAt: { gte: from, lt: to } }, include, orderBy: { startsAt: "asc" } });
      return rows.map(toMeeting);
    },
    async findById(id: string): Promise<Meeting | null> {
      const row = await prisma.meeting.findUnique({ where: { id }, include });
      return row ? toMeeting(row) : null;
    },
    /** The first meeting of `kind` starting at or after `from`, or null. */
    async findNextOfKind(contractId: string, kind: MeetingKind, from: Date): Promise<Meeting | null> {
      const row = await prisma.meeting.findFirst({ where: { contractId, kind, startsAt: { gte: from } }, include, orderBy: { startsAt: "asc" } });
      return row ? toMeeting(row) : null;
    },
    /** How many meetings start at or after `from` (to say « 20 of 34 » when a list is cut). */
    async countUpcoming(contractId: string, from: Date): Promise<number> {
      return prisma.meeting.count({ where: { contractId, startsAt: { gte: from } } });
    },
  };
}
export type MeetingsRepo = ReturnType<typeof createMeetingsRepo>;
