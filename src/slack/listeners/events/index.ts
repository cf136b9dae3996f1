import type { App } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { appHomeOpened } from "./app-home-opened.js";
import { type InstallationHooks, installationRevoked } from "./app-uninstalled.js";

/** Events API (app_home_opened…), one listener per file. */
export function registerEvents(app: App, deps: AppDeps, hooks: InstallationHooks): void {
  app.event("app_home_opened", appHomeOpened(deps));
  app.event("app_uninstalled", installationRevoked(deps, hooks));
  app.event("tokens_revoked", installationRevoked(deps, hooks));
}
