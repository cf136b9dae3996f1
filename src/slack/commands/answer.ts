import type { Locale } from "../../domain/types.js";
import { helpReply } from "../views/help-blocks.js";
import { tr } from "../views/locale.js";
import type { Reply } from "../views/reply.js";
import type { CommandContext } from "./context.js";
import { parseCommandText } from "./parse.js";
import { HANDLERS } from "./router.js";

export type CommandRequest = Omit<CommandContext, "args" | "rest" | "locale"> & {
  text: string;
  /** The caller's Slack locale when known (fr-FR, en-US…). */
  userLocale?: string;
};

const localeOf = (req: CommandRequest, chosen: Locale | null): Locale =>
  chosen ?? (req.userLocale?.toLowerCase().startsWith("en") ? "en" : "fr");

/** Reads the command text and answers it; never throws for anything a user can type. */
export async function answerCsiCommand(req: CommandRequest): Promise<Reply | null> {
  const parsed = parseCommandText(req.text);
  if (parsed.kind === "empty") return helpReply(localeOf(req, null));
  if (parsed.kind === "unknown") {
    const locale = localeOf(req, null);
    const word = parsed.word.slice(0, 40).replace(/[`*_~<>&]/g, "");
    return helpReply(locale, {
      notice: tr(locale, `:grey_question: Je ne connais pas la commande « ${word} ». Voici ce que je sais faire :`, `:grey_question: I don't know the command "${word}". Here is what I can do:`),
    });
  }
  const locale = localeOf(req, parsed.locale);
  const handler = HANDLERS[parsed.name];
  if (!handler) {
    return helpReply(locale, {
      notice: tr(locale, ":construction: Cette commande n'est pas encore disponible.", ":construction: This command is not available yet."),
    });
  }
  return handler({ ...req, args: parsed.args, rest: parsed.rest, locale });
}
