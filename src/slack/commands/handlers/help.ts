import type { CommandHandler } from "../context.js";
import { helpReply } from "../../views/help-blocks.js";

export const showHelp: CommandHandler = async ({ locale }) => helpReply(locale);
