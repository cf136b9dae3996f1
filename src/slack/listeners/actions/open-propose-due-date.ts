import type { AppDeps } from "../../../app/deps.js";
import { checkProposer } from "../../../use-cases/propose-due-date.js";
import { replyNotProposer } from "../../proposer-refused-reply.js";
import { commitmentGoneReply, progressRefusal } from "../../views/progress-messages.js";
import { proposeDueDateModal } from "../../views/request-modals.js";
import { buttonListener } from "./button-listener.js";

/** **Proposer une nouvelle date** (overdue reminder, sheet): value = the commitment id; owners and coordinators. */
export function openProposeDueDate(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, value, body, client, target, locale: localeOf }) => {
    const locale = await localeOf();
    const checked = await checkProposer(deps, value, userId);
    if (checked.kind !== "ok")
      return replyNotProposer(deps, target, checked, value, locale, {
        missing: commitmentGoneReply(locale),
        refusal: progressRefusal,
      });
    await client.views.open({ trigger_id: body.trigger_id, view: proposeDueDateModal(checked.commitment, locale) });
  });
}
