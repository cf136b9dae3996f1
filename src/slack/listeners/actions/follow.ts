import type { AppDeps } from "../../../app/deps.js";
import { toggleFollow } from "../../commands/follow-toggle.js";
import { replyPrivately } from "../../reply-privately.js";
import { buttonListener } from "./button-listener.js";

/** **Suivre** on a sheet: the clicker becomes a follower; the sheet is shown again with them in it. */
export function followCommitment(deps: AppDeps) {
  return buttonListener(deps, async ({ body, action, client, target }) => {
    const { reply, replace } = await toggleFollow(deps, client, body, action.value, true);
    await replyPrivately(target, reply, { replace });
  });
}
