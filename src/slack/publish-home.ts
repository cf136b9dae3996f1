import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";
import type { Locale } from "../domain/types.js";
import { homeDashboard } from "../use-cases/home-dashboard.js";
import { appHomeView } from "./views/app-home.js";

/** Builds the user's dashboard and publishes it to their Home tab. */
export async function publishHome(deps: AppDeps, client: WebClient, userId: string, locale: Locale): Promise<void> {
  const dashboard = await homeDashboard(deps, userId);
  if (!dashboard) return;
  await client.views.publish({
    user_id: userId,
    view: appHomeView({ ...dashboard, locale, timezone: dashboard.timezone ?? deps.config.schedule.timezone }),
  });
}
