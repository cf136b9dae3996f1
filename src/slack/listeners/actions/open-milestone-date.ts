import type { AppDeps } from "../../../app/deps.js";
import { milestoneDateModal, milestoneMissing, milestoneRefusal } from "../../views/milestone-messages.js";
import { proposerFormListener } from "./proposer-form.js";

/**
 * **📅 Dater un jalon** under a sheet (value = commitment id): its owners and coordinators get the form (who may date
 * a milestone is who may report on the commitment).
 */
export function openMilestoneDate(deps: AppDeps) {
  return proposerFormListener(deps, { missing: milestoneMissing, refusal: milestoneRefusal }, (commitment, locale) =>
    commitment.milestones.length === 0
      ? { reply: milestoneMissing(locale) }
      : { view: milestoneDateModal(commitment, locale) },
  );
}
