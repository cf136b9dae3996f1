// Which scheduled messages are due (their keys: reminder-keys.ts; those obsolete after downtime: obsolete-reminders.ts).
// Pure: the caller passes `now` and the data; nothing here reads the clock, Slack or the database.

import { addDays, nextWorkingDay } from "./calendar.js";
import {
  atLocalTime,
  checkInInstant,
  deadlineReminderInstants,
  isoWeekOf,
  localDateOf,
  mayGoOutAt,
  meetingReminderInstants,
  type OffsetInstant,
  overdueReminderInstant,
  type ScheduleSettings,
  weeklyDigestInstant,
} from "./due-instants.js";
import { compactInstant, type PlannedDelivery, parseDeliveryKey, planned, type ReminderRef } from "./reminder-keys.js";
import { isSilent } from "./silence.js";
import { daysUntil, isClosed } from "./status.js";
import type { Commitment, IsoDate, Meeting } from "./types.js";

/** « Rappeler demain » = the next working day, « dans une semaine » = 7 days later (next working day), at the reminder hour. */
export function snoozeUntil(now: Date, span: "day" | "week", s: ScheduleSettings): Date {
  const today = localDateOf(now, s.timezone);
  return atLocalTime(nextWorkingDay(addDays(today, span === "day" ? 1 : 7)), s.reminderHour, s.timezone);
}

/** `createdAt`: a reminder whose instant passed before its subject existed is not owed. */
export type CommitmentForPlan = Pick<
  Commitment,
  "id" | "contractId" | "dueOn" | "status" | "owners" | "lastUpdateAt"
> & {
  createdAt: Date;
  /** A « Réalisé » waits for a coordinator: deadline and overdue reminders pause meanwhile. */
  awaitingSignOff?: boolean;
};
export type MeetingForPlan = Pick<Meeting, "id" | "contractId" | "startsAt" | "channelId" | "attendees"> & {
  createdAt: Date;
};

export interface PlanInput {
  now: Date;
  settings: ScheduleSettings;
  commitments: readonly CommitmentForPlan[];
  /** Meetings that have not started yet (the caller reads a window ahead: see planningHorizonDays). */
  meetings: readonly MeetingForPlan[];
  coordinators: readonly string[];
  digestChannel?: string;
  /** The contract whose digest this is, when it is not the first one (its keys then name it). */
  digestContractId?: string;
  /** Snoozes whose time has come. */
  snoozes: readonly { key: string; until: Date }[];
}

/** How many days ahead meetings must be read so that every J-n reminder and check-in is seen. */
export function planningHorizonDays(s: ScheduleSettings): number {
  // Working days become calendar days: at most 2 weekend days per 5, plus a holiday cluster.
  return Math.max(...s.meetingReminderDays, 0) + Math.ceil(s.checkInWorkingDays * 1.5) + 10;
}

/** The most recent of `items` due by `now`, unless its instant came before `since` (its subject did not exist yet). */
const latest = <T extends { dueAt: Date }>(items: T[], now: Date, since: Date): T | undefined => {
  const last = items.filter((i) => i.dueAt <= now).sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime())[0];
  return last && last.dueAt >= since ? last : undefined;
};

/** The most recent overdue reminder that fell due by `now`, if the commitment is overdue. */
export function latestOverdue(dueOn: IsoDate, now: Date, s: ScheduleSettings): { n: number; dueAt: Date } | undefined {
  const today = localDateOf(now, s.timezone);
  // Reminder n falls on or after dueOn + n·every: n above this bound cannot be due yet.
  let n = Math.floor(daysUntil(dueOn, today) / s.overdueEveryDays);
  while (n >= 1) {
    const dueAt = overdueReminderInstant(dueOn, n, s);
    if (dueAt <= now) return { n, dueAt };
    n -= 1;
  }
  return undefined;
}

const NEVER = new Date(0);

/**
 * Every delivery due at `now`. On a regular pass and on a catch-up after downtime alike, each
 * commitment owner gets at most the MOST RECENT deadline or overdue reminder that fell due (never a
 * burst of J-30, J-7, J-1), each meeting only its most recent J-n while it is still ahead, the digest
 * only for the current ISO week. The caller drops the keys already in the Delivery table.
 */
export function planDueDeliveries(input: PlanInput): PlannedDelivery[] {
  const { now, settings: s } = input;
  const out: PlannedDelivery[] = [];
  const push = (ref: ReminderRef, dueAt: Date) => out.push(planned({ ref, snoozedUntil: [] }, dueAt));

  // Many commitments share a due date: its instants are computed once per pass, not once per commitment.
  const byDueOn = new Map<
    IsoDate,
    { before: OffsetInstant | undefined; overdue: { n: number; dueAt: Date } | undefined }
  >();
  const instantsOf = (dueOn: IsoDate) => {
    let got = byDueOn.get(dueOn);
    if (!got)
      byDueOn.set(
        dueOn,
        (got = {
          before: latest(deadlineReminderInstants(dueOn, s), now, NEVER),
          overdue: latestOverdue(dueOn, now, s),
        }),
      );
    return got;
  };

  for (const c of input.commitments) {
    if (isClosed(c.status) || c.dueOn === null || c.owners.length === 0 || c.awaitingSignOff) continue;
    const { before, overdue } = instantsOf(c.dueOn);
    const dueOn = c.dueOn;
    const overdueIsLatest = overdue && (!before || overdue.dueAt >= before.dueAt);
    // Only the latest reminder is ever owed; if its instant came before the commitment existed, none is.
    if ((overdueIsLatest ? overdue.dueAt : (before?.dueAt ?? NEVER)) < c.createdAt) continue;
    if (overdueIsLatest) {
      for (const ownerId of c.owners)
        push({ kind: "overdue", commitmentId: c.id, ownerId, n: overdue.n }, overdue.dueAt);
      // The coordinators are copied from the second week overdue.
      if (overdue.n >= 2) {
        for (const coordinatorId of input.coordinators)
          push({ kind: "overdue-cc", commitmentId: c.id, coordinatorId, n: overdue.n }, overdue.dueAt);
      }
    } else if (before && !dueDatePassed(dueOn, now, s)) {
      for (const ownerId of c.owners)
        push({ kind: "deadline", daysBefore: before.daysBefore, commitmentId: c.id, ownerId, dueOn }, before.dueAt);
    }
  }

  // Owners of commitments silent at a check-in slot, per contract and slot: computed once per pass,
  // whatever the number of meetings. Silence is judged AT the slot: an owner who reported 28 days before
  // it is not asked, not even when those 28 days become 30 later on (the check-in belongs to its slot).
  // Silent at the slot and no update since is one condition: the last update is older than the slot's bound.
  const silentOwners = new Map<string, string[]>();
  const silentOwnersOf = (contractId: string, slot: Date): string[] => {
    const cacheKey = `${contractId}@${slot.getTime()}`;
    let list = silentOwners.get(cacheKey);
    if (!list) {
      const owners = new Set<string>();
      for (const c of input.commitments) {
        // A commitment never updated has been silent since it was created, not forever.
        if (c.contractId !== contractId || !isSilent(c, slot)) continue;
        for (const o of c.owners) owners.add(o);
      }
      silentOwners.set(cacheKey, (list = [...owners].sort()));
    }
    return list;
  };
  for (const m of input.meetings) {
    if (m.startsAt <= now) continue; // only while the meeting is still ahead
    const reminder = latest(meetingReminderInstants(m.startsAt, s), now, m.createdAt);
    if (reminder) {
      const targets = new Set([...(m.channelId ? [m.channelId] : []), ...m.attendees]);
      for (const target of targets)
        push({ kind: "meeting", daysBefore: reminder.daysBefore, meetingId: m.id, target }, reminder.dueAt);
    }
    const checkIn = checkInInstant(m.startsAt, s);
    if (checkIn <= now && checkIn >= m.createdAt) {
      for (const ownerId of silentOwnersOf(m.contractId, checkIn))
        push({ kind: "checkin", meetingId: m.id, ownerId }, checkIn);
    }
  }

  const week = isoWeekOf(now, s.timezone);
  const digestAt = weeklyDigestInstant(week, s);
  if (digestAt <= now) {
    const targets = new Set([...input.coordinators, ...(input.digestChannel ? [input.digestChannel] : [])]);
    const contract = input.digestContractId ? { contractId: input.digestContractId } : {};
    for (const target of targets) push({ kind: "digest", isoWeek: week, target, ...contract }, digestAt);
  }

  for (const z of input.snoozes) {
    if (z.until > now) continue;
    const parsed = parseDeliveryKey(z.key);
    if (!parsed) continue;
    out.push(planned({ ref: parsed.ref, snoozedUntil: [...parsed.snoozedUntil, compactInstant(z.until)] }, z.until));
  }
  // What fell due while Vigie was down waits for a decent hour on a working day (planned again then).
  return out.filter((d) => mayGoOutAt(d.dueAt, now, s));
}

/** A deadline reminder caught up after its due date has lost its purpose (the overdue reminders take over). */
export const dueDatePassed = (dueOn: IsoDate, now: Date, s: ScheduleSettings): boolean =>
  localDateOf(now, s.timezone) > dueOn;
