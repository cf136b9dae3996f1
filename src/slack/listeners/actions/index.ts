import type { App } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";

/** Buttons and menus (block_actions), one listener per file. */
export function registerActions(app: App, deps: AppDeps): void {
  void app;
  void deps;
}
