import type { AppDeps } from "../../../app/deps.js";
import { commitmentGoneReply, progressRefusal } from "../../views/progress-messages.js";
import { proposeDueDateModal } from "../../views/request-modals.js";
import { proposerFormListener } from "./proposer-form.js";

/** **Proposer une nouvelle date** (overdue reminder, sheet): value = the commitment id; owners and coordinators. */
export function openProposeDueDate(deps: AppDeps) {
  return proposerFormListener(
    deps,
    { missing: commitmentGoneReply, refusal: progressRefusal },
    (commitment, locale) => ({
      view: proposeDueDateModal(commitment, locale),
    }),
  );
}
