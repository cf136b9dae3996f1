import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { answerButton } from "../../commands/button-answer.js";

/** **◀ Précédents / Suivants ▶**: the same answer on another page, in place of the message shown. */
export function turnPage(deps: AppDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { reply, ok } = await answerButton(deps, client, body, action.value);
    await respond({ response_type: "ephemeral", replace_original: ok, text: reply.text, blocks: reply.blocks });
  };
}
