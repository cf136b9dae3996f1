import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";
import type { Locale } from "../domain/types.js";
import { userLocaleOf } from "./user-locale.js";

/** French by default; English for users whose Slack locale starts with "en" (App Home, buttons). */
export async function localeFor(deps: AppDeps, client: WebClient, userId: string): Promise<Locale> {
  const slackLocale = await userLocaleOf(deps, client, userId);
  return slackLocale?.toLowerCase().startsWith("en") ? "en" : "fr";
}
