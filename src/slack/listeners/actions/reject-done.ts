import type { AppDeps } from "../../../app/deps.js";
import { checkDecision } from "../../../use-cases/decide-request.js";
import { replyNotDecided } from "../../decision-refused-reply.js";
import { refusalReasonModal } from "../../views/request-modals.js";
import { buttonListener } from "./button-listener.js";

/** **Refuser** on a request: the form asking the reason opens (the refusal is decided when it is sent). */
export function rejectDone(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, value, body, client, target, locale: localeOf }) => {
    const locale = await localeOf();
    const checked = await checkDecision(deps, value, userId);
    switch (checked.kind) {
      case "open":
        await client.views.open({ trigger_id: body.trigger_id, view: refusalReasonModal(checked.request, locale) });
        return;
      case "already":
      case "closed":
      case "refused":
        await replyNotDecided(deps, target, checked, locale);
    }
  });
}
