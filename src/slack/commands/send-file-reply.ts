import { type FileForUser, sendFileToUser } from "../send-file.js";
import { classifySlackError } from "../slack-sender.js";
import { fileNotSentReply, type SentFileKind } from "../views/file-messages.js";
import type { Reply } from "../views/reply.js";
import type { CommandContext } from "./context.js";

/**
 * Sends a file to the requester's direct conversation with Vigie. Null once sent; otherwise the reply that
 * says why not (which file: `what`), the failure logged as `event` with Slack's reason.
 */
export async function sendFileOrExplain(
  ctx: Pick<CommandContext, "client" | "userId" | "locale" | "deps">,
  file: Omit<FileForUser, "userId">,
  what: SentFileKind,
  event: string,
): Promise<Reply | null> {
  try {
    await sendFileToUser(ctx.client, { ...file, userId: ctx.userId });
    return null;
  } catch (error) {
    const reason = classifySlackError(error).reason;
    ctx.deps.log.warn(event, { userId: ctx.userId, reason });
    return fileNotSentReply(what, reason, ctx.locale);
  }
}
