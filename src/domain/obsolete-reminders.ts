// Reminders that fell due while Vigie was down and whose purpose has passed: recorded, never sent.
// Pure: the caller passes `now` and the data.

import { deadlineReminderInstants, meetingReminderInstants, overdueReminderInstant } from "./due-instants.js";
import { type PlannedDelivery, planned, type ReminderRef } from "./reminder-keys.js";
import { dueDatePassed, latestOverdue, type PlanInput } from "./reminders.js";
import { isClosed } from "./status.js";
import type { IsoDate } from "./types.js";

/**
 * How far back a catch-up accounts for the reminders it does not send. Reminders of one subject that fell due
 * within it are 6 days apart at most (J-7 and J-1), so a pass in the normal course finds them already recorded.
 */
export const CATCH_UP_LOOKBACK_DAYS = 7;

/**
 * The reminders that fell due while Vigie was down and whose purpose has passed, to be recorded as obsolete
 * (never sent): a meeting's J-n when the meeting already took place, a J-7 when the J-1 is due too (meetings
 * and deadlines), a deadline or overdue reminder overtaken by a later one, a deadline reminder caught up after
 * the due date. Only instants within CATCH_UP_LOOKBACK_DAYS of `now`; the caller drops keys already recorded.
 * `meetings` may include those that started within the lookback.
 */
export function planObsoleteDeliveries(input: PlanInput): PlannedDelivery[] {
  const { now, settings: s } = input;
  const since = new Date(now.getTime() - CATCH_UP_LOOKBACK_DAYS * 86_400_000);
  const out: PlannedDelivery[] = [];
  const push = (ref: ReminderRef, dueAt: Date, why: string) =>
    out.push({ ...planned({ ref, snoozedUntil: [] }, dueAt), obsolete: why });
  const inWindow = (dueAt: Date, createdAt: Date) => dueAt <= now && dueAt > since && dueAt >= createdAt;

  type Slot = { dueAt: Date } & ({ kind: "deadline"; daysBefore: number } | { kind: "overdue"; n: number });
  const byDueOn = new Map<IsoDate, Slot[]>();
  const slotsOf = (dueOn: IsoDate): Slot[] => {
    let got = byDueOn.get(dueOn);
    if (got) return got;
    got = deadlineReminderInstants(dueOn, s)
      .filter((d) => d.dueAt <= now)
      .map((d): Slot => ({ kind: "deadline", daysBefore: d.daysBefore, dueAt: d.dueAt }));
    for (let n = latestOverdue(dueOn, now, s)?.n ?? 0; n >= 1; n--) {
      const dueAt = overdueReminderInstant(dueOn, n, s);
      if (dueAt <= since) break;
      got.push({ kind: "overdue", n, dueAt });
    }
    got.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    byDueOn.set(dueOn, got);
    return got;
  };
  for (const c of input.commitments) {
    if (isClosed(c.status) || c.dueOn === null || c.owners.length === 0 || c.awaitingSignOff) continue;
    const dueOn = c.dueOn;
    const slots = slotsOf(dueOn);
    const last = slots.at(-1);
    for (const slot of slots) {
      if (!inWindow(slot.dueAt, c.createdAt)) continue;
      const isLast = slot === last;
      if (isLast && (slot.kind === "overdue" || !dueDatePassed(dueOn, now, s))) continue; // the one that is sent
      const why = isLast ? "due date passed before it could be sent" : "a later reminder is due";
      for (const ownerId of c.owners)
        push(
          slot.kind === "deadline"
            ? { kind: "deadline", daysBefore: slot.daysBefore, commitmentId: c.id, ownerId, dueOn }
            : { kind: "overdue", commitmentId: c.id, ownerId, n: slot.n },
          slot.dueAt,
          why,
        );
    }
  }
  for (const m of input.meetings) {
    const started = m.startsAt <= now;
    const due = meetingReminderInstants(m.startsAt, s).filter((r) => r.dueAt <= now);
    const latestDue = due.at(-1);
    const targets = new Set([...(m.channelId ? [m.channelId] : []), ...m.attendees]);
    for (const r of due) {
      if (!inWindow(r.dueAt, m.createdAt) || (!started && r === latestDue)) continue;
      for (const target of targets)
        push(
          { kind: "meeting", daysBefore: r.daysBefore, meetingId: m.id, target },
          r.dueAt,
          started ? "meeting already held" : "a later reminder is due",
        );
    }
  }
  return out;
}
