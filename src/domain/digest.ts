// The weekly digest as data: what changed, what is late, what is next.
// Pure: the caller passes `now` and the rows; rendering lives in slack/views/digest-blocks.ts.

import { addDays } from "./calendar.js";
import { progressByParty, progressFromTallies, type StatusTally } from "./dashboard.js";
import type { CommitmentWeek, DigestEvent } from "./digest-events.js";
import { isoWeekOf, localDateOf } from "./due-instants.js";
import type { ProgressState, RequestKind } from "./requests.js";
import { isSilent, silentBefore } from "./silence.js";
import { daysUntil, isClosed, isOverdue, sortByUrgency } from "./status.js";
import type { Commitment, IsoDate, Meeting, Party, Status } from "./types.js";

export type DigestCommitment = Pick<
  Commitment,
  "id" | "ref" | "title" | "party" | "status" | "progress" | "dueOn" | "lastUpdateAt" | "createdAt" | "owners"
> & {
  /** The kinds of the requests waiting for a coordinator (« ⏳ Réalisé — en attente de validation »). */
  pending: { kind: RequestKind }[];
};
export type DigestMeeting = Pick<Meeting, "id" | "kind" | "title" | "startsAt" | "place">;

/** A request waiting for a coordinator, as the digest lists it. */
export interface DigestPending {
  commitmentId: string;
  ref: string;
  title: string;
  kind: RequestKind;
  requestedBy: string;
  requestedAt: Date;
  proposedDueOn: IsoDate | null;
}

export interface UndeliverableNotice {
  key: string;
  kind: string;
  target: string;
  reason: string;
}

export interface DigestInput {
  now: Date;
  timezone: string;
  parties: readonly Party[];
  commitments: readonly DigestCommitment[];
  /** What the audit trail recorded in the digest's window (since the previous digest), per commitment. */
  weeks: readonly CommitmentWeek[];
  /** Every request still waiting for a coordinator. */
  pending?: readonly DigestPending[];
  meetings: readonly DigestMeeting[];
  undeliverable: readonly UndeliverableNotice[];
  /** Commitments created from a meeting's decision still lacking owners or a due date (they must be in `commitments`). */
  toCompleteIds?: readonly string[];
  /** People away today with no stand-in (their reminders are held): the digest lists what waits for them. */
  absentOwners?: readonly AbsentOwner[];
  /**
   * Counts per party and status (due before today counted), for every commitment. When given, the per-party
   * figures come from them, and `commitments` need only hold those that can appear in a list: open ones
   * matching `digestCandidates`, and those updated during the week.
   */
  tallies?: readonly StatusTally[];
}

/** Someone away with no one receiving their reminders, back the day after `endsOn`. */
export interface AbsentOwner {
  userId: string;
  endsOn: IsoDate;
}

/** « En attente du retour de … »: the listed commitments of one absent owner that no present owner follows. */
export interface AwaitingReturn extends AbsentOwner {
  commitments: DigestCommitment[];
}

/** Which open commitments can appear in a digest's lists at `now`: due by `dueBy` (overdue or due soon), flagged, or silent. */
export interface DigestCandidates {
  dueBy: IsoDate;
  flagged: readonly Status[];
  /** Silent when never updated or last updated before this instant. */
  updatedBefore: Date;
}

export function digestCandidates(now: Date, timezone: string): DigestCandidates {
  return {
    dueBy: addDays(localDateOf(now, timezone), DIGEST_HORIZON_DAYS),
    flagged: ["AT_RISK", "LATE"],
    updatedBefore: silentBefore(now),
  };
}

/** One commitment's change in the window: its true state before → after, its updates, what was asked and decided. */
export interface DigestChange {
  commitment: DigestCommitment;
  updates: number;
  before: ProgressState | null;
  after: ProgressState | null;
  /** A « Réalisé » still waiting when the window closed. */
  pendingAtEnd: boolean;
  events: DigestEvent[];
}

export interface PartyProgress {
  party: string;
  label: string;
  total: number;
  done: number;
  overdue: number;
  /** Mean progress of the party's commitments that are not dropped, 0–100 (DONE counts as 100). */
  meanProgress: number;
}

export interface Digest {
  isoWeek: string;
  today: IsoDate;
  horizon: IsoDate;
  changes: DigestChange[];
  overdue: DigestCommitment[];
  atRisk: DigestCommitment[];
  dueSoon: DigestCommitment[];
  meetingsSoon: DigestMeeting[];
  silent: DigestCommitment[];
  /** Requests waiting for a coordinator. */
  pending: DigestPending[];
  /** Due dates moved in the window (new date confirmed by a coordinator). */
  postponed: { commitment: DigestCommitment; event: Extract<DigestEvent, { kind: "due_date_confirmed" }> }[];
  /** Open commitments nobody owns: nobody is reminded about them. */
  ownerless: DigestCommitment[];
  /** Commitments decided in a meeting that a coordinator has not completed yet (owners, due date). */
  toComplete: DigestCommitment[];
  /** Per owner away with no stand-in: what waits for their return (overdue, due soon, flagged or silent). */
  awaitingReturn: AwaitingReturn[];
  parties: PartyProgress[];
  undeliverable: UndeliverableNotice[];
}

export const DIGEST_HORIZON_DAYS = 14;
export const DIGEST_SECTIONS = [
  "changes",
  "pending",
  "postponed",
  "ownerless",
  "toComplete",
  "awaitingReturn",
  "overdue",
  "atRisk",
  "dueSoon",
  "meetingsSoon",
  "silent",
  "undeliverable",
] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

export function computeDigest(input: DigestInput): Digest {
  const { now, timezone } = input;
  const today = localDateOf(now, timezone);
  // The same bounds as the database's pre-selection of candidates.
  const { dueBy: horizon, flagged } = digestCandidates(now, timezone);
  const byId = new Map(input.commitments.map((c) => [c.id, c]));

  const changes: DigestChange[] = input.weeks.flatMap((w) => {
    const commitment = byId.get(w.commitmentId);
    if (!commitment) return [];
    return [
      {
        commitment,
        updates: w.updates,
        before: w.before,
        after: w.after,
        pendingAtEnd: w.pendingAtEnd,
        events: w.events,
      },
    ];
  });
  const moved = (c: DigestChange) =>
    c.before !== null &&
    c.after !== null &&
    (c.before.status !== c.after.status || c.before.progress !== c.after.progress);
  // Changes of state first, then those with requests or decisions, then most updated, then by ref.
  changes.sort(
    (a, b) =>
      Number(moved(b)) - Number(moved(a)) ||
      b.events.length - a.events.length ||
      b.updates - a.updates ||
      a.commitment.ref.localeCompare(b.commitment.ref),
  );
  const postponed = changes.flatMap((c) =>
    c.events.flatMap((event) => (event.kind === "due_date_confirmed" ? [{ commitment: c.commitment, event }] : [])),
  );

  const open = input.commitments.filter((c) => !isClosed(c.status));
  const overdue = sortByUrgency(
    open.filter((c) => isOverdue(c, today)),
    today,
  );
  const overdueIds = new Set(overdue.map((c) => c.id));
  const atRisk = sortByUrgency(
    open.filter((c) => !overdueIds.has(c.id) && flagged.includes(c.status)),
    today,
  );
  const dueSoon = sortByUrgency(
    open.filter((c) => c.dueOn !== null && daysUntil(today, c.dueOn) >= 0 && c.dueOn <= horizon),
    today,
  );
  const horizonEnd = now.getTime() + DIGEST_HORIZON_DAYS * 86_400_000;
  const meetingsSoon = input.meetings
    .filter((m) => m.startsAt >= now && m.startsAt.getTime() <= horizonEnd)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const ownerless = open.filter((c) => c.owners.length === 0).sort((a, b) => a.ref.localeCompare(b.ref));
  const toCompleteIds = new Set(input.toCompleteIds ?? []);
  const toComplete = open.filter((c) => toCompleteIds.has(c.id)).sort((a, b) => a.ref.localeCompare(b.ref));
  const silent = open
    .filter((c) => isSilent(c, now))
    .sort((a, b) => (a.lastUpdateAt?.getTime() ?? 0) - (b.lastUpdateAt?.getTime() ?? 0) || a.ref.localeCompare(b.ref));

  // The same per-party figures as the App Home's, from the tallies when the caller counted in the database.
  const parties = (
    input.tallies
      ? progressFromTallies(input.parties, input.tallies)
      : progressByParty(input.parties, input.commitments, today)
  )
    .filter((p) => p.total > 0)
    .map((p) => ({
      party: p.party,
      label: p.label,
      total: p.total,
      done: p.byStatus.DONE,
      overdue: p.overdue,
      meanProgress: p.averageProgress,
    }));

  return {
    isoWeek: isoWeekOf(now, timezone),
    today,
    horizon,
    changes,
    overdue,
    atRisk,
    dueSoon,
    meetingsSoon,
    silent,
    pending: [...(input.pending ?? [])].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime()),
    postponed,
    ownerless,
    toComplete,
    awaitingReturn: awaitingReturn(input.absentOwners ?? [], [...overdue, ...atRisk, ...dueSoon, ...silent]),
    parties,
    undeliverable: [...input.undeliverable],
  };
}

/** What the digest lists of each absent owner's commitments, when no other owner is there to follow them. */
function awaitingReturn(absent: readonly AbsentOwner[], listed: readonly DigestCommitment[]): AwaitingReturn[] {
  const away = new Set(absent.map((a) => a.userId));
  const unique = [...new Map(listed.map((c) => [c.id, c])).values()];
  return [...absent]
    .sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.userId.localeCompare(b.userId))
    .map((a) => ({
      ...a,
      commitments: unique.filter((c) => c.owners.includes(a.userId) && c.owners.every((o) => away.has(o))),
    }))
    .filter((a) => a.commitments.length > 0);
}
