import type { AppDeps } from "../../../app/deps.js";
import { localDateOf } from "../../../domain/due-instants.js";
import { absenceModal } from "../../views/absence-messages.js";
import { buttonListener } from "./button-listener.js";

/** « Déclarer une absence » (App Home): opens the form; anyone may declare their own absence. */
export function openAbsence(deps: AppDeps) {
  return buttonListener(deps, async ({ body, client, locale: localeOf }) => {
    const locale = await localeOf();
    const today = localDateOf(deps.now(), deps.config.schedule.timezone);
    await client.views.open({ trigger_id: body.trigger_id, view: absenceModal(today, locale) });
  });
}
