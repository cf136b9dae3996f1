import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { endAbsence } from "../../../use-cases/absence.js";
import { localeFor } from "../../locale-for.js";
import { publishHome } from "../../publish-home.js";
import { replyPrivately } from "../../reply-privately.js";
import { absenceReply } from "../../views/absence-messages.js";

/** « Je suis de retour » / « Annuler l'absence » (App Home): ends the clicker's own absence, then the Home shows it. */
export function endAbsenceButton(deps: AppDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const locale = await localeFor(deps, client, userId);
    const outcome = await endAbsence(deps, userId);
    await replyPrivately({ userId, responseUrl: body.response_url, respond, client }, absenceReply(outcome, locale));
    await publishHome(deps, client, userId, locale);
  };
}
