// « Rappeler demain » / « Rappeler dans une semaine »: only the reminder's recipient (or the stand-in who
// received it for them) may move it, and only while its contract is open. The new instant is read in the
// contract's own zone, at its own reminder hour.
import type { AppDeps } from "../app/deps.js";
import { contractSchedule } from "../domain/contract-schedule.js";
import { parseDeliveryKey, type ReminderRef, recipientOf } from "../domain/reminder-keys.js";
import { snoozeUntil } from "../domain/reminders.js";
import type { ClosedContract } from "../domain/renewal.js";

/** The reminders a person may postpone: check-ins and deadline reminders addressed to them. */
const SNOOZABLE = new Set(["checkin", "deadline", "overdue"]);

interface SnoozeInput {
  userId: string;
  /** The delivery keys of the reminder clicked (a folded reminder's section stands for several). */
  keys: readonly string[];
  span: "day" | "week";
  now: Date;
}

export type SnoozeOutcome =
  /** Each key gets a Snooze row; its re-send has a key of its own, claimed like any delivery. `timezone`: its contract's. */
  | { kind: "snoozed"; until: Date; timezone: string }
  /** No key, a key Vigie did not write, a kind that cannot be postponed, or someone else's reminder. */
  | { kind: "refused"; refusal: "not_recipient" }
  /** Its contract was closed by its renewal: read-only, nothing is moved. */
  | { kind: "closed"; closed: ClosedContract };

type Deps = Pick<AppDeps, "store" | "config">;

/** The contract a reminder is about: its commitment's or its meeting's; null when that is gone. */
async function contractIdOf(deps: Deps, ref: ReminderRef): Promise<string | null> {
  if (ref.kind === "checkin") return (await deps.store.meetings.findById(ref.meetingId))?.contractId ?? null;
  if (ref.kind === "deadline" || ref.kind === "overdue")
    return (await deps.store.commitments.findById(ref.commitmentId))?.contractId ?? null;
  return null;
}

export async function snoozeReminders(deps: Deps, input: SnoozeInput): Promise<SnoozeOutcome> {
  // Its recipient, or the stand-in who received it in their place (the delivery row says where it went).
  let mine = true;
  const refs: ReminderRef[] = [];
  for (const key of input.keys) {
    const parsed = parseDeliveryKey(key);
    if (parsed === null || !SNOOZABLE.has(parsed.ref.kind)) mine = false;
    else {
      refs.push(parsed.ref);
      if (recipientOf(parsed.ref) !== input.userId)
        mine &&= (await deps.store.deliveries.find(key))?.target === input.userId;
    }
  }
  if (input.keys.length === 0 || !mine) return { kind: "refused", refusal: "not_recipient" };
  const contractIds = new Set<string>();
  for (const ref of refs) {
    const id = await contractIdOf(deps, ref);
    if (id) contractIds.add(id);
  }
  for (const id of contractIds) {
    const closed = await deps.store.renewal.closure(id);
    if (closed) return { kind: "closed", closed };
  }
  // The reminders of one message share a zone (a person's reminders are folded per zone).
  const [first] = contractIds;
  const contract = first ? (await deps.store.contracts.list()).find((c) => c.id === first) : undefined;
  const schedule = contract ? contractSchedule(deps.config.schedule, contract) : deps.config.schedule;
  const until = snoozeUntil(input.now, input.span, schedule);
  for (const key of input.keys) await deps.store.snoozes.snooze(key, input.userId, until);
  return { kind: "snoozed", until, timezone: schedule.timezone };
}
