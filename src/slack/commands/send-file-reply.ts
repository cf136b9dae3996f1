import { type FileForUser, sendFileToUser } from "../send-file.js";
import { classifySlackError } from "../slack-sender.js";
import { fileRefusalText } from "../views/file-messages.js";
import { tr } from "../views/locale.js";
import { type Reply, textReply } from "../views/reply.js";
import type { CommandContext } from "./context.js";

/**
 * Sends a file to the requester's direct conversation with Vigie. Null once sent; otherwise the reply that
 * says why not (`what`: « L'export », « Le rapport »…), the failure logged as `event` with Slack's reason.
 */
export async function sendFileOrExplain(
  ctx: Pick<CommandContext, "client" | "userId" | "locale" | "deps">,
  file: Omit<FileForUser, "userId">,
  what: { fr: string; en: string },
  event: string,
): Promise<Reply | null> {
  try {
    await sendFileToUser(ctx.client, { ...file, userId: ctx.userId });
    return null;
  } catch (error) {
    const reason = classifySlackError(error).reason;
    ctx.deps.log.warn(event, { userId: ctx.userId, reason });
    const why = fileRefusalText(reason, ctx.locale);
    return textReply(
      tr(
        ctx.locale,
        `:warning: ${what.fr} n'a pas pu vous être envoyé : ${why}`,
        `:warning: ${what.en} could not be sent to you: ${why}`,
      ),
    );
  }
}
