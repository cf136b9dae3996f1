import type { AppDeps } from "../../../app/deps.js";
import { openCommitmentModal } from "../../coordinator-modals.js";
import { replyPrivately } from "../../reply-privately.js";
import { buttonListener } from "./button-listener.js";

/** **Nouvel engagement** (App Home): coordinators only, checked again here. */
export function openCreateCommitment(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, body, client, target, locale: localeOf }) => {
    const refusal = await openCommitmentModal({
      deps,
      client,
      triggerId: body.trigger_id,
      userId,
      locale: await localeOf(),
    });
    if (refusal) await replyPrivately(target, refusal);
  });
}
