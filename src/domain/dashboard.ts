// The contract's progress as data, for the App Home. Pure: no Slack, no Prisma, no clock.
import type { Absence } from "./absence.js";
import type { PendingRequest } from "./requests.js";
import { isClosed, isOverdue, sortByUrgency } from "./status.js";
import type { MissingField } from "./to-complete.js";
import { type Commitment, type IsoDate, type Meeting, type Party, STATUSES, type Status } from "./types.js";

export interface PartyProgress {
  party: string;
  label: string;
  total: number;
  byStatus: Record<Status, number>;
  /** Mean progress of the commitments still counted (dropped ones are left out); DONE counts as 100. */
  averageProgress: number;
  overdue: number;
}

type Counted = Pick<Commitment, "party" | "status" | "progress" | "dueOn">;

const emptyCounts = (): Record<Status, number> =>
  Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

/** One line per party of the contract (in the contract's order), then any party found only in the data. */
export function progressByParty(
  parties: readonly Party[],
  commitments: readonly Counted[],
  today: IsoDate,
): PartyProgress[] {
  return progressFromTallies(parties, talliesOf(commitments, today));
}

/**
 * What the database counts per party and status (one row per pair), so that figures need not load every
 * commitment: how many, the sum of their progress, that sum with each progress held within 0–100, and how
 * many are due before the day asked (overdue when the status is not closed).
 */
export interface StatusTally {
  party: string;
  status: Status;
  count: number;
  progressSum: number;
  clampedProgressSum: number;
  dueBeforeToday: number;
}

/** Party codes: the contract's first, in its order, then those met only in the tallies, in their order. */
function partyCodesOf(
  parties: readonly Pick<Party, "code">[],
  tallies: readonly Pick<StatusTally, "party">[],
): string[] {
  const codes = parties.map((p) => p.code);
  for (const t of tallies) if (!codes.includes(t.party)) codes.push(t.party);
  return codes;
}

/** A party's figures without its label: what `/csi etat` and the App Home both count. */
export type PartyFigures = Omit<PartyProgress, "label">;

/**
 * Per party (the contract's order, then others): how many by status, how many overdue, and the mean progress
 * of those not dropped, whose sum per tally `progressSumOf` gives (raw, or held within 0–100 with DONE as 100).
 */
export function partyFiguresFromTallies(
  parties: readonly Pick<Party, "code">[],
  tallies: readonly StatusTally[],
  progressSumOf: (t: StatusTally) => number,
): PartyFigures[] {
  return partyCodesOf(parties, tallies).map((code) => {
    const mine = tallies.filter((t) => t.party === code);
    const byStatus = emptyCounts();
    for (const t of mine) byStatus[t.status] += t.count;
    const counted = mine.filter((t) => t.status !== "DROPPED");
    const n = counted.reduce((s, t) => s + t.count, 0);
    const sum = counted.reduce((s, t) => s + progressSumOf(t), 0);
    return {
      party: code,
      total: mine.reduce((s, t) => s + t.count, 0),
      byStatus,
      averageProgress: n === 0 ? 0 : Math.round(sum / n),
      overdue: mine.filter((t) => !isClosed(t.status)).reduce((s, t) => s + t.dueBeforeToday, 0),
    };
  });
}

/** The whole contract (or a selection of parties) at once, from the per-party figures. */
export interface OverallFigures {
  total: number;
  done: number;
  overdue: number;
  /** Mean of the parties' means weighted by the commitments they count (dropped ones left out). */
  averageProgress: number;
}

/** What `/csi etat` shows for the whole contract, and the report's « Ensemble » with it. */
export function overallFigures(parties: readonly PartyFigures[]): OverallFigures {
  const counted = parties.reduce((a, p) => a + (p.total - p.byStatus.DROPPED), 0);
  return {
    total: parties.reduce((a, p) => a + p.total, 0),
    done: parties.reduce((a, p) => a + p.byStatus.DONE, 0),
    overdue: parties.reduce((a, p) => a + p.overdue, 0),
    averageProgress:
      counted === 0
        ? 0
        : Math.round(parties.reduce((a, p) => a + p.averageProgress * (p.total - p.byStatus.DROPPED), 0) / counted),
  };
}

/** The App Home's and the digest's figures: progress held within 0–100, DONE counting as 100. */
export function progressFromTallies(parties: readonly Party[], tallies: readonly StatusTally[]): PartyProgress[] {
  return partyFiguresFromTallies(parties, tallies, (t) =>
    t.status === "DONE" ? 100 * t.count : t.clampedProgressSum,
  ).map((f) => ({
    ...f,
    label: parties.find((p) => p.code === f.party)?.label ?? f.party,
  }));
}

/** What the database would tally, counted from loaded commitments (parties in order of first appearance). */
function talliesOf(commitments: readonly Counted[], today: IsoDate): StatusTally[] {
  const byKey = new Map<string, StatusTally>();
  for (const c of commitments) {
    const key = `${c.party}\u0000${c.status}`;
    let t = byKey.get(key);
    if (!t)
      byKey.set(
        key,
        (t = { party: c.party, status: c.status, count: 0, progressSum: 0, clampedProgressSum: 0, dueBeforeToday: 0 }),
      );
    t.count += 1;
    t.progressSum += c.progress;
    t.clampedProgressSum += Math.min(100, Math.max(0, c.progress));
    if (c.dueOn !== null && c.dueOn < today) t.dueBeforeToday += 1;
  }
  return [...byKey.values()];
}

/** Overdue commitments, most days late first. */
export function overdueCommitments<T extends Counted>(commitments: readonly T[], today: IsoDate): T[] {
  return sortByUrgency(
    commitments.filter((c) => isOverdue(c, today)),
    today,
  );
}

/** How many items of each list are read for the App Home (its HOME_LIMITS are taken from these). */
export const DASHBOARD_LIMITS = { mine: 20, overdue: 10, meetings: 6, editable: 100 } as const;

/** What the App Home shows one user, as data. */
export interface Dashboard {
  today: IsoDate;
  userId: string;
  isCoordinator: boolean;
  /** False when the contract is readable by committee members only and the user is not one. */
  canReadContract: boolean;
  contractTitle: string;
  /** The contract shown was renewed (`/csi contrat renouveler`): read-only, so the Home offers no write buttons. */
  closed?: boolean;
  /** The person's other contracts (a role, or commitments they own, there): the Home offers to switch to each. */
  otherContracts?: { id: string; ref: string; title: string }[];
  /** The zone of the contract shown: its dates are written in it. */
  timezone?: string;
  /** The user's commitments, most urgent first (the first ones only when `mineTotal` says there are more). */
  mine: Commitment[];
  /** How many commitments the user owns in all, when `mine` holds only the first ones. */
  mineTotal?: number;
  parties: PartyProgress[];
  /** Overdue commitments of the contract, most late first (the first ones only when `overdueTotal` says there are more). */
  overdue: Commitment[];
  /** How many commitments are overdue in all, when `overdue` holds only the first ones. */
  overdueTotal?: number;
  /** Next meetings, soonest first. */
  meetings: Meeting[];
  /** The last meeting that took place, whose decisions a coordinator records. */
  lastMeeting: Meeting | null;
  /** The commitments a coordinator may edit (ref order, the first DASHBOARD_LIMITS.editable); empty for others. */
  editable: Pick<Commitment, "id" | "ref" | "title">[];
  /** Coordinators: requests waiting for a decision, oldest first. */
  pendingRequests?: (PendingRequest & { ref: string; title: string })[];
  /** The user's absence in progress or to come (« /csi absence »), null when none. */
  absence?: Absence | null;
  /** Coordinators: open commitments nobody owns (« À attribuer »), by ref. */
  ownerless?: Pick<Commitment, "id" | "ref" | "title">[];
  /** Coordinators: commitments created from a meeting's decision that still lack owners or a due date, by ref. */
  toComplete?: (Pick<Commitment, "id" | "ref" | "title"> & { missing: MissingField[] })[];
}
