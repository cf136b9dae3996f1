import type { AppDeps } from "../../../app/deps.js";
import { answerButton } from "../../commands/button-answer.js";
import { replyPrivately } from "../../reply-privately.js";
import { buttonListener } from "./button-listener.js";

/** **Voir** on a list row (or a suggested ref): the commitment's sheet, as a new message for the clicker. */
export function showCommitmentButton(deps: AppDeps) {
  return buttonListener(deps, async ({ body, action, client, target }) => {
    const { reply } = await answerButton(deps, client, body, action.value, { page: 0 });
    await replyPrivately(target, reply);
  });
}
