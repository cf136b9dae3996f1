import type { App } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";

/** Modal submissions (view_submission), one listener per file. */
export function registerViews(app: App, deps: AppDeps): void {
  void app;
  void deps;
}
