import type { AppDeps } from "../../../app/deps.js";
import { openProgressModal } from "../../open-progress-modal.js";
import { replyPrivately } from "../../reply-privately.js";
import { updateGoneReply } from "../../views/progress-messages.js";
import { buttonListener } from "./button-listener.js";

/** « Corriger ma mise à jour » on the confirmation: value = the update id. Opens the form filled from the user's last update. */
export function editLastUpdate(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, body, action, client, target, locale: localeOf }) => {
    // Both within Slack's trigger window: Slack's users.info and the database are asked at once.
    const [locale, update] = await Promise.all([
      localeOf(),
      action.value ? deps.store.updates.findById(action.value) : null,
    ]);
    if (!update) {
      await replyPrivately(target, updateGoneReply(locale));
      return;
    }
    const outcome = await openProgressModal({
      deps,
      client,
      triggerId: body.trigger_id,
      userId,
      commitmentId: update.commitmentId,
      locale,
      correct: true,
    });
    if (outcome.kind === "refused") await replyPrivately(target, outcome.reply);
  });
}
