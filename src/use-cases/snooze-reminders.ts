// « Rappeler demain » / « Rappeler dans une semaine »: only the reminder's recipient (or the stand-in who
// received it for them) may move it.
import type { AppDeps } from "../app/deps.js";
import { parseDeliveryKey, recipientOf } from "../domain/reminder-keys.js";
import { snoozeUntil } from "../domain/reminders.js";

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
  /** Each key gets a Snooze row; its re-send has a key of its own, claimed like any delivery. */
  | { kind: "snoozed"; until: Date }
  /** No key, a key Vigie did not write, a kind that cannot be postponed, or someone else's reminder. */
  | { kind: "refused"; refusal: "not_recipient" };

export async function snoozeReminders(
  deps: Pick<AppDeps, "store" | "config">,
  input: SnoozeInput,
): Promise<SnoozeOutcome> {
  // Its recipient, or the stand-in who received it in their place (the delivery row says where it went).
  let mine = true;
  for (const key of input.keys) {
    const parsed = parseDeliveryKey(key);
    if (parsed === null || !SNOOZABLE.has(parsed.ref.kind)) mine = false;
    else if (recipientOf(parsed.ref) !== input.userId)
      mine &&= (await deps.store.deliveries.find(key))?.target === input.userId;
  }
  if (input.keys.length === 0 || !mine) return { kind: "refused", refusal: "not_recipient" };
  const until = snoozeUntil(input.now, input.span, deps.config.schedule);
  for (const key of input.keys) await deps.store.snoozes.snooze(key, input.userId, until);
  return { kind: "snoozed", until };
}
