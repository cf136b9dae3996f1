import type { Prisma } from "../../prisma/generated/client/client.js";
import type { Meeting, MeetingKind } from "../domain/types.js";

const include = { attendees: true, decisions: { orderBy: { createdAt: "asc" } } } satisfies Prisma.MeetingInclude;
export type MeetingRow = Prisma.MeetingGetPayload<{ include: typeof include }>;
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
export interface NextMeetingRow extends MeetingFields {
  attendees: string[];
  decisions: DecisionFields[];
}

export const nextMeetingOf = (r: NextMeetingRow): Meeting => meetingFrom(r, r.attendees, r.decisions);
