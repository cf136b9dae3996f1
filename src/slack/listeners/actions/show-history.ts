import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { answerButton } from "../../commands/button-answer.js";

/** **Historique** on a sheet: the full history, as a new message for the clicker only. */
export function showHistoryButton(deps: AppDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { reply } = await answerButton(deps, client, body, action.value, { page: 0 });
    await respond({ response_type: "ephemeral", replace_original: false, text: reply.text, blocks: reply.blocks });
  };
}
