import type { AppDeps } from "../../../app/deps.js";
import { endAbsence } from "../../../use-cases/absence.js";
import { publishHome } from "../../publish-home.js";
import { replyPrivately } from "../../reply-privately.js";
import { absenceReply } from "../../views/absence-messages.js";
import { buttonListener } from "./button-listener.js";

/** « Je suis de retour » / « Annuler l'absence » (App Home): ends the clicker's own absence, then the Home shows it. */
export function endAbsenceButton(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, client, target, locale: localeOf }) => {
    const locale = await localeOf();
    const outcome = await endAbsence(deps, userId);
    await replyPrivately(target, absenceReply(outcome, locale));
    await publishHome(deps, client, userId, locale);
  });
}
