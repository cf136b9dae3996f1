import type { AppDeps } from "../../../app/deps.js";
import { snoozeReminders } from "../../../use-cases/snooze-reminders.js";
import { replyPrivately } from "../../reply-privately.js";
import { snoozeAnswer } from "../../views/personal-answers.js";
import { contractClosedReply } from "../../views/renewal-blocks.js";
import { buttonListener } from "./button-listener.js";

/**
 * « Rappeler demain » / « Rappeler dans une semaine » on a reminder: value = the delivery key of that
 * message. Only that reminder moves (a Snooze row keyed by it); its re-send has a key of its own
 * (`…:snoozed-<until>`), claimed like any delivery, so it too goes out once. Refused on a closed contract.
 */
export function snoozeReminder(deps: AppDeps, span: "day" | "week") {
  return buttonListener(deps, async ({ userId, value, target, locale: localeOf }) => {
    const locale = await localeOf();
    // A folded reminder's section stands for one or more deliveries (space-separated keys): all move.
    const keys = value.split(" ").filter(Boolean);
    const outcome = await snoozeReminders(deps, { userId, keys, span, now: deps.now() });
    if (outcome.kind === "closed") return replyPrivately(target, contractClosedReply(outcome.closed, locale));
    if (outcome.kind === "snoozed") deps.log.info("reminder.snoozed", { keys, until: outcome.until.toISOString() });
    const timezone = outcome.kind === "snoozed" ? outcome.timezone : deps.config.schedule.timezone;
    await replyPrivately(target, { text: snoozeAnswer(outcome, timezone, locale) });
  });
}
