import type { App } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";

/** Events API (app_home_opened…), one listener per file. */
export function registerEvents(app: App, deps: AppDeps): void {
  void app;
  void deps;
}
