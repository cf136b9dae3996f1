import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { toggleFollow } from "../../commands/follow-toggle.js";

/** **Ne plus suivre** on a sheet: the clicker stops following; the sheet is shown again. */
export function unfollowCommitment(deps: AppDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { reply, replace } = await toggleFollow(deps, client, body, action.value, false);
    await respond({ response_type: "ephemeral", replace_original: replace, text: reply.text, blocks: reply.blocks });
  };
}
