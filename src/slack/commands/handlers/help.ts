import { helpReply } from "../../views/help-blocks.js";
import type { CommandHandler } from "../context.js";

export const showHelp: CommandHandler = async ({ locale }) => helpReply(locale);
