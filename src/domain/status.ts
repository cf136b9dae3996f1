// Deadline rules: overdue is computed from the due date, never typed by hand.
import type { IsoDate, Status } from "./types.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a calendar date; throws RangeError on anything but a real `YYYY-MM-DD`. */
export function isoDateToDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // UTC arithmetic: calendar days have no time zone, so DST must not shift them.
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    // Date.UTC maps years 0–99 to 1900–1999 and rolls 2026-02-30 over to March: reject both.
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return Math.round(t / DAY_MS);
    }
  }
  throw new RangeError(`Invalid ISO date: ${JSON.stringify(date)}`);
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysUntil(from: IsoDate, to: IsoDate): number {
  return isoDateToDayNumber(to) - isoDateToDayNumber(from);
}

/** Statuses that end the follow-up: no deadline applies any more. */
export const CLOSED_STATUSES: readonly Status[] = ["DONE", "DROPPED"];

export function isClosed(status: Status): boolean {
  return CLOSED_STATUSES.includes(status);
}

export interface Deadline {
  dueOn: IsoDate | null;
  status: Status;
}

/** Due date strictly before `today` and not done or dropped. Due today is not yet overdue. */
export function isOverdue(c: Deadline, today: IsoDate): boolean {
  return c.dueOn !== null && !isClosed(c.status) && daysUntil(today, c.dueOn) < 0;
}

// Tiers, most urgent first. Each tier owns a band of BAND ranks; days are offset into it.
const TIER_OVERDUE = 0;
const TIER_FLAGGED = 1; // LATE or AT_RISK, not (yet) overdue
const TIER_DATED = 2;
const TIER_UNDATED = 3;
const TIER_CLOSED = 4;
const BAND = 1e9;
// ±1e8 days (±270,000 years) covers every IsoDate; the ×2 leaves room for one tie-break bit.
const DAY_SPAN = 1e8;

function inBand(tier: number, days: number | null, tieBreak: 0 | 1): number {
  const d = days === null ? DAY_SPAN : Math.max(-DAY_SPAN, Math.min(DAY_SPAN - 1, days));
  return tier * BAND + (d + DAY_SPAN) * 2 + tieBreak;
}

/**
 * Sort key, smaller = more urgent: overdue first (most days late first), then LATE/AT_RISK
 * (nearest due date first, LATE before AT_RISK on the same date, undated last), then other open
 * commitments by nearest due date, then open ones with no due date, then DONE/DROPPED.
 * Use `a - b` (or compareUrgency); equal ranks keep their order with a stable sort.
 */
export function urgencyRank(c: Deadline, today: IsoDate): number {
  const days = c.dueOn === null ? null : daysUntil(today, c.dueOn);
  if (isClosed(c.status)) return inBand(TIER_CLOSED, days, 0);
  if (days !== null && days < 0) return inBand(TIER_OVERDUE, days, 0);
  if (c.status === "LATE" || c.status === "AT_RISK") {
    return inBand(TIER_FLAGGED, days, c.status === "LATE" ? 0 : 1);
  }
  if (days === null) return inBand(TIER_UNDATED, null, 0);
  return inBand(TIER_DATED, days, 0);
}

export function compareUrgency(a: Deadline, b: Deadline, today: IsoDate): number {
  return urgencyRank(a, today) - urgencyRank(b, today);
}

/** A new array, most urgent first; equally urgent items keep their input order. */
export function sortByUrgency<T extends Deadline>(items: readonly T[], today: IsoDate): T[] {
  // Rank once per item rather than once per comparison.
  return items
    .map((item, i) => ({ item, i, rank: urgencyRank(item, today) }))
    .sort((p, q) => p.rank - q.rank || p.i - q.i)
    .map((r) => r.item);
}
