import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { answerButton } from "../../commands/button-answer.js";
import { sharedByContext } from "../../views/pagination.js";

/** **Partager**: posts the same answer, rebuilt from the command text, to the channel for everyone. */
export function shareAnswer(deps: AppDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { reply, ok, value } = await answerButton(deps, client, body, action.value, { shared: true });
    if (!ok || !value) {
      await respond({ response_type: "ephemeral", replace_original: false, text: reply.text, blocks: reply.blocks });
      return;
    }
    const by = sharedByContext(body.user.id, value.t, value.l);
    await respond({
      response_type: "in_channel",
      replace_original: false,
      text: reply.text,
      blocks: [...reply.blocks.slice(0, 49), by],
    });
  };
}
