import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";
import type { Absence } from "../domain/absence.js";
import { appLocaleOf, userLocaleOf } from "./user-locale.js";
import { standInNotice } from "./views/absence-messages.js";

/** The person named stand-in learns it by direct message, in their language; a failure is only logged. */
export async function tellStandIn(deps: AppDeps, client: WebClient, absence: Absence): Promise<void> {
  if (!absence.standInId) return;
  try {
    const notice = standInNotice(absence, appLocaleOf(await userLocaleOf(deps, client, absence.standInId)));
    await client.chat.postMessage({ channel: absence.standInId, text: notice.text, blocks: notice.blocks });
  } catch (error) {
    deps.log.warn("absence.notify_failed", {
      userId: absence.standInId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
