import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { checkProposer } from "../../../use-cases/propose-due-date.js";
import { coordinatorsOf } from "../../../use-cases/role-of.js";
import { localeFor } from "../../locale-for.js";
import { replyPrivately } from "../../reply-privately.js";
import { milestoneDateModal, milestoneMissing, milestoneRefusal } from "../../views/milestone-messages.js";
import { contractClosedReply } from "../../views/renewal-blocks.js";

/** **📅 Dater un jalon** under a sheet (value = commitment id): its owners and coordinators get the form. */
export function openMilestoneDate(deps: AppDeps) {
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
    const target = { userId, responseUrl: body.response_url, respond, client };
    // Who may date a milestone is who may report on the commitment: its owners and coordinators.
    const checked = await checkProposer(deps, action.value ?? "", userId);
    if (checked.kind === "ok") {
      if (checked.commitment.milestones.length === 0) return replyPrivately(target, milestoneMissing(locale));
      await client.views.open({ trigger_id: body.trigger_id, view: milestoneDateModal(checked.commitment, locale) });
      return;
    }
    if (checked.kind === "closed") return replyPrivately(target, contractClosedReply(checked.closed, locale));
    const commitment = checked.why === "missing" ? null : await deps.store.commitments.findById(action.value ?? "");
    if (!commitment) return replyPrivately(target, milestoneMissing(locale));
    await replyPrivately(
      target,
      milestoneRefusal(commitment, await coordinatorsOf(deps.store, commitment.contractId), locale),
    );
  };
}
