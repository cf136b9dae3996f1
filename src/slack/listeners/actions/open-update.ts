import type { AppDeps } from "../../../app/deps.js";
import { openProgressModal } from "../../open-progress-modal.js";
import { replyPrivately } from "../../reply-privately.js";
import { buttonListener } from "./button-listener.js";

/** **Mettre à jour** (reminders, App Home, `/csi voir`): value = the commitment id. */
export function openUpdate(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, value, body, client, target, locale: localeOf }) => {
    const outcome = await openProgressModal({
      deps,
      client,
      triggerId: body.trigger_id,
      userId,
      commitmentId: value,
      // The caller's Slack locale (cached, capped at 800 ms): well within the trigger's 3 seconds.
      locale: await localeOf(),
    });
    if (outcome.kind === "refused") {
      await replyPrivately(target, outcome.reply);
    }
  });
}
