import type { App } from "@slack/bolt";
import type { AppDeps } from "../../app/deps.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import type { InstallationHooks } from "./events/app-uninstalled.js";
import { registerEvents } from "./events/index.js";
import { registerViews } from "./views/index.js";

/** Every listener of the app, registered explicitly (no registration by import side effect). */
export function registerListeners(app: App, deps: AppDeps, hooks: InstallationHooks): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps, hooks);
}
