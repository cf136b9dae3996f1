import type { AppDeps } from "../../../app/deps.js";
import { toggleFollow } from "../../commands/follow-toggle.js";
import { replyPrivately } from "../../reply-privately.js";
import { buttonListener } from "./button-listener.js";

/** **Ne plus suivre** on a sheet: the clicker stops following; the sheet is shown again. */
export function unfollowCommitment(deps: AppDeps) {
  return buttonListener(deps, async ({ body, action, client, target }) => {
    const { reply, replace } = await toggleFollow(deps, client, body, action.value, false);
    await replyPrivately(target, reply, { replace });
  });
}
