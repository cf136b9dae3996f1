import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { checkProposer } from "../../../use-cases/propose-due-date.js";
import { coordinatorsOf } from "../../../use-cases/role-of.js";
import { localeFor } from "../../locale-for.js";
import { replyPrivately } from "../../reply-privately.js";
import { tr } from "../../views/locale.js";
import { progressRefusal } from "../../views/progress-messages.js";
import { contractClosedReply } from "../../views/renewal-blocks.js";
import { textReply } from "../../views/reply.js";
import { proposeDueDateModal } from "../../views/request-messages.js";

/** **Proposer une nouvelle date** (overdue reminder, sheet): value = the commitment id; owners and coordinators. */
export function openProposeDueDate(deps: AppDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const userId = body.user.id;
    const locale = await localeFor(deps, client, userId);
    const checked = await checkProposer(deps, action.value ?? "", userId);
    if (checked.kind === "ok") {
      await client.views.open({ trigger_id: body.trigger_id, view: proposeDueDateModal(checked.commitment, locale) });
      return;
    }
    const target = { userId, responseUrl: body.response_url, respond, client };
    if (checked.kind === "closed") return replyPrivately(target, contractClosedReply(checked.closed, locale));
    if (checked.why === "missing") {
      await replyPrivately(
        target,
        textReply(
          tr(
            locale,
            ":grey_question: Cet engagement n'existe plus.",
            ":grey_question: This commitment no longer exists.",
          ),
        ),
      );
      return;
    }
    const commitment = await deps.store.commitments.findById(action.value ?? "");
    if (commitment)
      await replyPrivately(
        target,
        progressRefusal(commitment, await coordinatorsOf(deps.store, commitment.contractId), locale),
      );
  };
}
