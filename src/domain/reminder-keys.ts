// The unique key of each scheduled message: what it is about, to whom, which occurrence; and back.
// Pure: nothing here reads the clock, Slack or the database.

import { DateTime } from "luxon";
import type { IsoDate } from "./types.js";

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
