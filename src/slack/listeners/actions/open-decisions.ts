import type { AppDeps } from "../../../app/deps.js";
import { openDecisionsModal } from "../../coordinator-modals.js";
import { replyPrivately } from "../../reply-privately.js";
import { buttonListener } from "./button-listener.js";

/** **Relevé de décisions**: value = the meeting id. Coordinators only. */
export function openDecisions(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, value, body, client, target, locale: localeOf }) => {
    const refusal = await openDecisionsModal({
      deps,
      client,
      triggerId: body.trigger_id,
      userId,
      locale: await localeOf(),
      meetingId: value,
    });
    if (refusal) await replyPrivately(target, refusal);
  });
}
