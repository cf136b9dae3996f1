import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";
import type { Locale } from "../domain/types.js";
import { appLocaleOf, userLocaleOf } from "./user-locale.js";

/** French by default; English for users whose Slack locale starts with "en" (App Home, buttons). */
export async function localeFor(deps: AppDeps, client: WebClient, userId: string): Promise<Locale> {
  return appLocaleOf(await userLocaleOf(deps, client, userId));
}
