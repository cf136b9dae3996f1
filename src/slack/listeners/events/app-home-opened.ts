import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { localeFor } from "../../locale-for.js";
import { publishHome } from "../../publish-home.js";

/** The user opens Vigie's Home tab: their dashboard is published (views.publish). */
export function appHomeOpened(deps: AppDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== undefined && event.tab !== "home") return;
    await publishHome(deps, client, event.user, await localeFor(deps, client, event.user));
  };
}
