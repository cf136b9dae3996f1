import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Reply } from "./views/reply.js";

/** Who clicked, and how to answer them alone. */
export interface ReplyTarget {
  userId: string;
  responseUrl: string | undefined;
  respond: RespondFn | undefined;
  client: WebClient;
}

/**
 * Answers only the person who clicked: ephemeral through the message's response_url, or by DM
 * when the click came from a surface without one (App Home, a modal).
 */
export async function replyPrivately(target: ReplyTarget, reply: Reply): Promise<void> {
  if (target.responseUrl && target.respond) {
    await target.respond({
      response_type: "ephemeral",
      replace_original: false,
      text: reply.text,
      blocks: reply.blocks,
    });
    return;
  }
  await target.client.chat.postMessage({ channel: target.userId, text: reply.text, blocks: reply.blocks });
}
