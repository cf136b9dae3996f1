import type { App } from "@slack/bolt";
import type { AppDeps } from "../../app/deps.js";
import { registerCommands } from "./commands/index.js";

/** Every listener of the app, registered explicitly (no registration by import side effect). */
export function registerListeners(app: App, deps: AppDeps): void {
  registerCommands(app, deps);
}
