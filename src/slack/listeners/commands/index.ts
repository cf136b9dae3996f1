import type { App } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { COMMAND } from "../../ids.js";
import { csiCommand } from "./csi-command.js";

export function registerCommands(app: App, deps: AppDeps): void {
  app.command(COMMAND, csiCommand(deps));
}
