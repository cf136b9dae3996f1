import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { localDateOf } from "../../../domain/due-instants.js";
import { localeFor } from "../../locale-for.js";
import { absenceModal } from "../../views/absence-messages.js";

/** « Déclarer une absence » (App Home): opens the form; anyone may declare their own absence. */
export function openAbsence(deps: AppDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const locale = await localeFor(deps, client, body.user.id);
    const today = localDateOf(deps.now(), deps.config.schedule.timezone);
    await client.views.open({ trigger_id: body.trigger_id, view: absenceModal(today, locale) });
  };
}
