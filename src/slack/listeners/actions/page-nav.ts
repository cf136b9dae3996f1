import type { AppDeps } from "../../../app/deps.js";
import { answerButton } from "../../commands/button-answer.js";
import { replyPrivately } from "../../reply-privately.js";
import { buttonListener } from "./button-listener.js";

/** **◀ Précédents / Suivants ▶**: the same answer on another page, in place of the message shown. */
export function turnPage(deps: AppDeps) {
  return buttonListener(deps, async ({ body, action, client, target }) => {
    const { reply, ok } = await answerButton(deps, client, body, action.value);
    await replyPrivately(target, reply, { replace: ok });
  });
}
