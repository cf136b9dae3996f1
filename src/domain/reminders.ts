// Which scheduled messages are due, and the unique key of each.
// Pure: the caller passes `now` and the data; nothing here reads the clock, Slack or the database.

import { DateTime } from "luxon";
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
import { daysUntil, isClosed } from "./status.js";
import type { Commitment, IsoDate, Meeting } from "./types.js";

/** What one delivery is about; the key is derived from it and parses back to it. */
export type ReminderRef =
  | { kind: "meeting"; daysBefore: number; meetingId: string; target: string }
  | { kind: "checkin"; meetingId: string; ownerId: string }
  | { kind: "deadline"; daysBefore: number; commitmentId: string; ownerId: string; dueOn: IsoDate }
  | { kind: "overdue"; commitmentId: string; ownerId: string; n: number }
  | { kind: "overdue-cc"; commitmentId: string; coordinatorId: string; n: number }
  /** `contractId`: the digest of that contract; absent in keys of the first contract (as before contracts had their own). */
  | { kind: "digest"; isoWeek: string; target: string; contractId?: string }
  /** A meeting in a Slack attendee's calendar: the invitation (sequence 0) or its update (1, 2…), with an .ics. */
  | { kind: "invite"; meetingId: string; sequence: number; attendeeId: string }
  /** The cancellation of a meeting, to a Slack attendee, with an .ics (METHOD:CANCEL). */
  | { kind: "invite-cancel"; meetingId: string; attendeeId: string };

/** A reminder, possibly re-sent after one or more « Rappeler … » (each adds `:snoozed-<until>`). */
export interface DeliveryRef {
  ref: ReminderRef;
  snoozedUntil: string[];
}

export interface PlannedDelivery {
  key: string;
  /** `meeting-j7`, `deadline-j30`, `overdue`, `checkin`, `digest`… (+ `:snoozed` for re-sends). */
  kind: string;
  /** The Slack user or channel the message goes to. */
  target: string;
  /** The rest of the key: which meeting, commitment, week or occurrence. */
  occurrence: string;
  dueAt: Date;
  ref: ReminderRef;
  snoozedUntil: string[];
  /** Set when the reminder's purpose has passed: its key is recorded with this outcome, nothing is sent. */
  obsolete?: string;
  /** The contract it is about (set by the scheduler, which plans each contract with its own settings). */
  contractId?: string;
}

/** Days without an update after which an owner is asked for one before a meeting, and the digest calls a commitment silent. */
const SILENCE_DAYS = 30;

const SNOOZED = ":snoozed-";

function parts(ref: ReminderRef): { kind: string; target: string; occurrence: string } {
  switch (ref.kind) {
    case "meeting":
      return { kind: `meeting-j${ref.daysBefore}`, target: ref.target, occurrence: ref.meetingId };
    case "checkin":
      return { kind: "checkin", target: ref.ownerId, occurrence: ref.meetingId };
    case "deadline":
      return {
        kind: `deadline-j${ref.daysBefore}`,
        target: ref.ownerId,
        occurrence: `${ref.commitmentId}:${ref.dueOn}`,
      };
    case "overdue":
      return { kind: "overdue", target: ref.ownerId, occurrence: `${ref.commitmentId}:${ref.n}` };
    case "overdue-cc":
      return { kind: "overdue-cc", target: ref.coordinatorId, occurrence: `${ref.commitmentId}:${ref.n}` };
    case "digest":
      return {
        kind: "digest",
        target: ref.target,
        occurrence: ref.contractId ? `${ref.isoWeek}:${ref.contractId}` : ref.isoWeek,
      };
    case "invite":
      return { kind: "invite", target: ref.attendeeId, occurrence: `${ref.meetingId}:${ref.sequence}` };
    case "invite-cancel":
      return { kind: "invite-cancel", target: ref.attendeeId, occurrence: ref.meetingId };
  }
}

/** `meeting-j7:<meetingId>:<target>`, `deadline-j30:<commitmentId>:<ownerId>:<dueOn>`, `overdue:<commitmentId>:<ownerId>:<n>`, `digest:<isoWeek>:<target>`, `checkin:<meetingId>:<ownerId>`, `invite:<meetingId>:<sequence>:<attendeeId>`, `invite-cancel:<meetingId>:<attendeeId>`. */
function reminderKey(ref: ReminderRef): string {
  switch (ref.kind) {
    case "meeting":
      return `meeting-j${ref.daysBefore}:${ref.meetingId}:${ref.target}`;
    case "checkin":
      return `checkin:${ref.meetingId}:${ref.ownerId}`;
    case "deadline":
      return `deadline-j${ref.daysBefore}:${ref.commitmentId}:${ref.ownerId}:${ref.dueOn}`;
    case "overdue":
      return `overdue:${ref.commitmentId}:${ref.ownerId}:${ref.n}`;
    case "overdue-cc":
      return `overdue-cc:${ref.commitmentId}:${ref.coordinatorId}:${ref.n}`;
    case "digest":
      return `digest:${ref.isoWeek}:${ref.target}${ref.contractId ? `:${ref.contractId}` : ""}`;
    case "invite":
      return `invite:${ref.meetingId}:${ref.sequence}:${ref.attendeeId}`;
    case "invite-cancel":
      return `invite-cancel:${ref.meetingId}:${ref.attendeeId}`;
  }
}

export function deliveryKey(d: DeliveryRef): string {
  return reminderKey(d.ref) + d.snoozedUntil.map((u) => SNOOZED + u).join("");
}

const INT = /^\d+$/;

/** The reminder a key stands for, or null for anything that is not one of our keys. */
export function parseDeliveryKey(key: string): DeliveryRef | null {
  const [base = "", ...snoozes] = key.split(SNOOZED);
  if (snoozes.some((s) => !/^\d{8}T\d{4}Z$/.test(s))) return null;
  const f = base.split(":");
  const [kind = "", a = "", b = "", c = ""] = f;
  if (f.some((x) => x === "")) return null;
  let ref: ReminderRef | null = null;
  const meeting = /^meeting-j(\d+)$/.exec(kind);
  const deadline = /^deadline-j(\d+)$/.exec(kind);
  if (meeting && f.length === 3) ref = { kind: "meeting", daysBefore: Number(meeting[1]), meetingId: a, target: b };
  else if (deadline && f.length === 4)
    ref = { kind: "deadline", daysBefore: Number(deadline[1]), commitmentId: a, ownerId: b, dueOn: c };
  else if (kind === "checkin" && f.length === 3) ref = { kind: "checkin", meetingId: a, ownerId: b };
  else if (kind === "overdue" && f.length === 4 && INT.test(c))
    ref = { kind: "overdue", commitmentId: a, ownerId: b, n: Number(c) };
  else if (kind === "overdue-cc" && f.length === 4 && INT.test(c))
    ref = { kind: "overdue-cc", commitmentId: a, coordinatorId: b, n: Number(c) };
  else if (kind === "digest" && f.length === 3) ref = { kind: "digest", isoWeek: a, target: b };
  else if (kind === "digest" && f.length === 4) ref = { kind: "digest", isoWeek: a, target: b, contractId: c };
  else if (kind === "invite" && f.length === 4 && INT.test(b))
    ref = { kind: "invite", meetingId: a, sequence: Number(b), attendeeId: c };
  else if (kind === "invite-cancel" && f.length === 3) ref = { kind: "invite-cancel", meetingId: a, attendeeId: b };
  return ref ? { ref, snoozedUntil: snoozes } : null;
}

/** The Slack user or channel a reminder is addressed to (only they may snooze it). */
export function recipientOf(ref: ReminderRef): string {
  return parts(ref).target;
}

export function planned(d: DeliveryRef, dueAt: Date): PlannedDelivery {
  const p = parts(d.ref);
  return {
    key: deliveryKey(d),
    kind: d.snoozedUntil.length ? `${p.kind}:snoozed` : p.kind,
    target: p.target,
    occurrence: d.snoozedUntil.length ? `${p.occurrence}:snoozed-${d.snoozedUntil.join(",")}` : p.occurrence,
    dueAt,
    ref: d.ref,
    snoozedUntil: d.snoozedUntil,
  };
}

/** `20261124T0800Z`: the snooze instant as it appears in keys. */
export function compactInstant(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmm'Z'");
}

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
function latestOverdue(dueOn: IsoDate, now: Date, s: ScheduleSettings): { n: number; dueAt: Date } | undefined {
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
const dueDatePassed = (dueOn: IsoDate, now: Date, s: ScheduleSettings): boolean => localDateOf(now, s.timezone) > dueOn;

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

/** Updated before this instant (or never): silent at `now`. */
export const silentBefore = (now: Date): Date => new Date(now.getTime() - SILENCE_DAYS * 86_400_000);

/** Silent = open and no news for SILENCE_DAYS, counted from the later of its creation and its last update. */
export function isSilent(c: Pick<Commitment, "status" | "lastUpdateAt" | "createdAt">, now: Date): boolean {
  const since = c.lastUpdateAt && c.lastUpdateAt > c.createdAt ? c.lastUpdateAt : c.createdAt;
  return !isClosed(c.status) && since < silentBefore(now);
}
