import type { AppDeps } from "../../../app/deps.js";
import { checkProposer } from "../../../use-cases/propose-due-date.js";
import { replyNotProposer } from "../../proposer-refused-reply.js";
import { replyPrivately } from "../../reply-privately.js";
import { milestoneDateModal, milestoneMissing, milestoneRefusal } from "../../views/milestone-messages.js";
import { buttonListener } from "./button-listener.js";

/** **📅 Dater un jalon** under a sheet (value = commitment id): its owners and coordinators get the form. */
export function openMilestoneDate(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, value, body, client, target, locale: localeOf }) => {
    const locale = await localeOf();
    // Who may date a milestone is who may report on the commitment: its owners and coordinators.
    const checked = await checkProposer(deps, value, userId);
    if (checked.kind !== "ok")
      return replyNotProposer(deps, target, checked, value, locale, {
        missing: milestoneMissing(locale),
        refusal: milestoneRefusal,
      });
    if (checked.commitment.milestones.length === 0) return replyPrivately(target, milestoneMissing(locale));
    await client.views.open({ trigger_id: body.trigger_id, view: milestoneDateModal(checked.commitment, locale) });
  });
}
