import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { type DateMilestoneResult, dateMilestone } from "../../../use-cases/milestones.js";
import { BLOCKS } from "../../ids.js";
import { failureErrors } from "../../submission-answers.js";
import { formReader, readMetadata } from "../../view-state.js";
import { milestoneDated, milestoneDateErrors } from "../../views/milestone-messages.js";
import { contractClosedError } from "../../views/renewal-blocks.js";

/** « Dater un jalon » sent: the date checked inline (a day of the contract's years), then stored and audited. */
export function milestoneDateSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = readMetadata(view.private_metadata);
    const locale = meta.locale;
    const form = formReader(view);
    let result: DateMilestoneResult;
    try {
      result = await dateMilestone(deps, {
        milestoneId: form.option(BLOCKS.milestone),
        actorId: body.user.id,
        dueOn: form.date(BLOCKS.milestoneDueOn),
      });
    } catch (error) {
      deps.log.error("milestone.date_failed", { viewId: view.id, error });
      await ack(failureErrors(BLOCKS.milestoneDueOn, locale));
      return;
    }
    switch (result.kind) {
      case "closed":
        return void (await ack({
          response_action: "errors",
          errors: { [BLOCKS.milestone]: contractClosedError(result.closed, locale) },
        }));
      case "invalid":
      case "missing":
      case "not_allowed":
        return void (await ack({ response_action: "errors", errors: milestoneDateErrors(result, locale) }));
      case "dated": {
        await ack();
        const m = milestoneDated(result.commitment, result.milestone, locale);
        await client.chat.postMessage({ channel: body.user.id, text: m.text, blocks: m.blocks });
      }
    }
  };
}
