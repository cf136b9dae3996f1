import type { AppDeps } from "../../../app/deps.js";
import { dateMilestone } from "../../../use-cases/milestones.js";
import { BLOCKS } from "../../ids.js";
import { milestoneDated, milestoneDateErrors } from "../../views/milestone-messages.js";
import { contractClosedError } from "../../views/renewal-blocks.js";
import { viewListener } from "./view-listener.js";

/** « Dater un jalon » sent: the date checked inline (a day of the contract's years), then stored and audited. */
export function milestoneDateSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, client, ack, meta: { locale }, form, attempt, errorOn }) => {
    const result = await attempt("milestone.date_failed", BLOCKS.milestoneDueOn, () =>
      dateMilestone(deps, {
        milestoneId: form.option(BLOCKS.milestone),
        actorId: userId,
        dueOn: form.date(BLOCKS.milestoneDueOn),
      }),
    );
    switch (result?.kind) {
      case "closed":
        return void (await errorOn(BLOCKS.milestone, contractClosedError(result.closed, locale)));
      case "invalid":
      case "missing":
      case "not_allowed":
        return void (await ack({ response_action: "errors", errors: milestoneDateErrors(result, locale) }));
      case "dated": {
        await ack();
        const m = milestoneDated(result.commitment, result.milestone, locale);
        await client.chat.postMessage({ channel: userId, text: m.text, blocks: m.blocks });
      }
    }
  });
}
