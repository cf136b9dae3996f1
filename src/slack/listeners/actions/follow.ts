import type { AppDeps } from "../../../app/deps.js";
import { toggleFollow } from "../../commands/follow-toggle.js";
import { buttonListener } from "./button-listener.js";

/** **Suivre** on a sheet: the clicker becomes a follower; the sheet is shown again with them in it. */
export function followCommitment(deps: AppDeps) {
  return buttonListener(deps, async ({ body, action, client, respond }) => {
    const { reply, replace } = await toggleFollow(deps, client, body, action.value, true);
    await respond({ response_type: "ephemeral", replace_original: replace, text: reply.text, blocks: reply.blocks });
  });
}
