// The words of the domain. Plain data: no Slack, no Prisma.
import type { PendingRequest } from "./requests.js";

/** A calendar date, `YYYY-MM-DD`, with no time zone (due dates, signature dates). */
export type IsoDate = string;

export const STATUSES = ["NOT_STARTED", "ON_TRACK", "AT_RISK", "LATE", "DONE", "POSTPONED", "DROPPED"] as const;
export type Status = (typeof STATUSES)[number];
export const isStatus = (s: unknown): s is Status =>
  typeof s === "string" && (STATUSES as readonly string[]).includes(s);

export const MEETING_KINDS = ["GLTD", "COPIL", "CLSPD", "OTHER"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

const ROLES = ["COORDINATOR", "MEMBER", "READER"] as const;
export type Role = (typeof ROLES)[number];

export type Locale = "fr" | "en";

export interface Party {
  code: string; // ETAT, VILLE, PARQUET… (extensible)
  label: string;
  signatory: string;
}

export interface Contract {
  id: string;
  ref: string;
  title: string;
  signedOn: IsoDate;
  endsOn: IsoDate;
  timezone: string;
  parties: Party[];
  /** The contract's channel (`/csi` typed there answers about it) and its digest's channel. */
  channelId?: string | null;
  digestChannelId?: string | null;
  /** The Slack workspace it belongs to; null: the single-token installation's (tenancy.ts, HomeWorkspace). */
  teamId?: string | null;
  /** Its own digest day (1 = Monday … 7), digest time and reminder hour (HH:mm); null: the configuration's. */
  digestWeekday?: number | null;
  digestTime?: string | null;
  reminderHour?: string | null;
  /** Its quiet hours (HH:mm-HH:mm, in its zone); null: the configuration's. */
  quietHours?: string | null;
  /** Set when the contract was renewed (`/csi contrat renouveler`): read-only from then on, followed by `successorId`. */
  closedAt?: Date | null;
  successorId?: string | null;
}

export interface Indicator {
  id: string;
  label: string;
  unit: string | null;
  baseline: number | null;
  baselineOn: IsoDate | null;
  target: number | null;
  current: number | null;
  measuredOn: IsoDate | null;
  source: string | null;
}

export interface Milestone {
  id: string;
  title: string;
  dueOn: IsoDate | null;
  doneOn: IsoDate | null;
}

export interface Commitment {
  id: string;
  contractId: string;
  ref: string;
  party: string;
  title: string;
  description: string | null;
  strand: string | null;
  leadService: string | null;
  partners: string | null;
  territory: string | null;
  funding: string | null;
  note: string | null;
  startOn: IsoDate | null;
  dueOn: IsoDate | null;
  status: Status;
  progress: number; // 0–100
  /** Requests waiting for a coordinator's decision (« Réalisé », a new due date), oldest first. */
  pending: PendingRequest[];
  channelId: string | null;
  threadTs: string | null;
  lastUpdateAt: Date | null;
  createdAt: Date;
  owners: string[]; // Slack user ids
  followers: string[];
  indicators: Indicator[];
  milestones: Milestone[];
  /** The commitment of the previous contract it carries over (renewal), if any. */
  carriedFromId?: string | null;
}

export interface IndicatorValue {
  indicatorId: string;
  value: number;
}

export interface ProgressUpdate {
  id: string;
  commitmentId: string;
  version: number;
  supersedesId: string | null;
  authorId: string;
  createdAt: Date;
  status: Status;
  progress: number;
  indicatorValues: IndicatorValue[];
  comment: string | null;
  nextStep: string | null;
  nextStepOn: IsoDate | null;
  blockers: string | null;
  evidenceUrl: string | null;
  /** What proves a « Réalisé », in words. */
  evidence: string | null;
}

export interface Decision {
  id: string;
  meetingId: string;
  text: string;
  outcome: "NOTE" | "MILESTONE" | "COMMITMENT";
  milestoneId: string | null;
  commitmentId: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface Meeting {
  id: string;
  contractId: string;
  kind: MeetingKind;
  title: string | null;
  startsAt: Date; // UTC instant
  place: string | null;
  channelId: string | null;
  agenda: string | null;
  attendees: string[];
  decisions: Decision[];
}

export interface RoleAssignment {
  userId: string;
  role: Role;
  grantedBy: string;
  grantedAt: Date;
}

export interface AuditEntry {
  id: string;
  at: Date;
  actorId: string;
  action: string;
  entity: string;
  entityId: string;
  details: Record<string, unknown>;
}
