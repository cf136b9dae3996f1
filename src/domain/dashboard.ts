// The contract's progress as data, for the App Home. Pure: no Slack, no Prisma, no clock.
import { isOverdue, sortByUrgency } from "./status.js";
import { STATUSES, type Commitment, type IsoDate, type Meeting, type Party, type Status } from "./types.js";

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

const emptyCounts = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

/** One line per party of the contract (in the contract's order), then any party found only in the data. */
export function progressByParty(parties: readonly Party[], commitments: readonly Counted[], today: IsoDate): PartyProgress[] {
  const codes = [...parties.map((p) => p.code)];
  for (const c of commitments) if (!codes.includes(c.party)) codes.push(c.party);
  return codes.map((code) => {
    const mine = commitments.filter((c) => c.party === code);
    const byStatus = emptyCounts();
    for (const c of mine) byStatus[c.status] += 1;
    const counted = mine.filter((c) => c.status !== "DROPPED");
    const sum = counted.reduce((s, c) => s + (c.status === "DONE" ? 100 : Math.min(100, Math.max(0, c.progress))), 0);
    return {
      party: code,
      label: parties.find((p) => p.code === code)?.label ?? code,
      total: mine.length,
      byStatus,
      averageProgress: counted.length === 0 ? 0 : Math.round(sum / counted.length),
      overdue: mine.filter((c) => isOverdue(c, today)).length,
    };
  });
}

/** Overdue commitments, most days late first. */
export function overdueCommitments<T extends Counted>(commitments: readonly T[], today: IsoDate): T[] {
  return sortByUrgency(
    commitments.filter((c) => isOverdue(c, today)),
    today,
  );
}

/** What the App Home shows one user, as data. */
export interface Dashboard {
  today: IsoDate;
  userId: string;
  isCoordinator: boolean;
  /** False when the contract is readable by committee members only and the user is not one. */
  canReadContract: boolean;
  contractTitle: string;
  /** The user's commitments, most urgent first. */
  mine: Commitment[];
  parties: PartyProgress[];
  /** Overdue commitments of the contract, most late first. */
  overdue: Commitment[];
  /** Next meetings, soonest first. */
  meetings: Meeting[];
  /** The last meeting that took place, whose decisions a coordinator records. */
  lastMeeting: Meeting | null;
  /** Every commitment a coordinator may edit (ref order); empty for others. */
  editable: Pick<Commitment, "id" | "ref" | "title">[];
}
