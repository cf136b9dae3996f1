import type { AppDeps } from "../../../app/deps.js";
import { answerButton } from "../../commands/button-answer.js";
import { replyPrivately } from "../../reply-privately.js";
import { buttonListener } from "./button-listener.js";

/** **Historique** on a sheet: the full history, as a new message for the clicker only. */
export function showHistoryButton(deps: AppDeps) {
  return buttonListener(deps, async ({ body, action, client, target }) => {
    const { reply } = await answerButton(deps, client, body, action.value, { page: 0 });
    await replyPrivately(target, reply);
  });
}
