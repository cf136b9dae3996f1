import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { formatInstant } from "../../../domain/format.js";
import { tr } from "../../../domain/locale.js";
import { parseDeliveryKey, recipientOf, snoozeUntil } from "../../../domain/reminders.js";
import { localeFor } from "../../locale-for.js";

const SNOOZABLE = new Set(["checkin", "deadline", "overdue"]);

/**
 * « Rappeler demain » / « Rappeler dans une semaine » on a reminder: value = the delivery key of that
 * message. Only that reminder moves (a Snooze row keyed by it); its re-send has a key of its own
 * (`…:snoozed-<until>`), claimed like any delivery, so it too goes out once.
 */
export function snoozeReminder(deps: AppDeps, span: "day" | "week") {
  return async ({
    ack,
    body,
    action,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const locale = await localeFor(deps, client, body.user.id);
    // A folded reminder's section stands for one or more deliveries (space-separated keys): all move.
    const keys = (action.value ?? "").split(" ").filter(Boolean);
    const mine = keys.every((key) => {
      const parsed = parseDeliveryKey(key);
      return parsed !== null && SNOOZABLE.has(parsed.ref.kind) && recipientOf(parsed.ref) === body.user.id;
    });
    if (keys.length === 0 || !mine) {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: tr(
          locale,
          ":no_entry: Ce rappel ne vous est pas adressé : seul son destinataire peut le reporter.",
          ":no_entry: This reminder is not addressed to you: only its recipient can postpone it.",
        ),
      });
      return;
    }
    const until = snoozeUntil(deps.now(), span, deps.config.schedule);
    for (const key of keys) await deps.store.snoozes.snooze(key, body.user.id, until);
    deps.log.info("reminder.snoozed", { keys, until: until.toISOString() });
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: tr(
        locale,
        `:alarm_clock: C'est noté : je vous le rappellerai le ${formatInstant(until, deps.config.schedule.timezone, "fr")}. Les autres rappels ne changent pas.`,
        `:alarm_clock: Noted: I will remind you on ${formatInstant(until, deps.config.schedule.timezone, "en")}. Other reminders do not change.`,
      ),
    });
  };
}
