import type { AppDeps } from "../../../app/deps.js";
import { answerButton } from "../../commands/button-answer.js";
import { replyPrivately, shareInChannel } from "../../reply-privately.js";
import { sharedByContext } from "../../views/pagination.js";
import { buttonListener } from "./button-listener.js";

/** **Partager**: posts the same answer, rebuilt from the command text, to the channel for everyone. */
export function shareAnswer(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, body, action, client, target }) => {
    const { reply, ok, value: shared } = await answerButton(deps, client, body, action.value, { shared: true });
    if (!ok || !shared) {
      await replyPrivately(target, reply);
      return;
    }
    const by = sharedByContext(userId, shared.t, shared.l);
    await shareInChannel(target, { text: reply.text, blocks: [...reply.blocks.slice(0, 49), by] });
  });
}
