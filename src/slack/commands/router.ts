import type { CommandHandler } from "./context.js";
import { showHelp } from "./handlers/help.js";
import type { SubcommandName } from "./parse.js";

/** Which handler answers each sub-command. One line per sub-command; each handler lives in handlers/. */
export const HANDLERS: Partial<Record<SubcommandName, CommandHandler>> = {
  help: showHelp,
};
