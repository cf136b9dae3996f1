// The one way a listener answers whoever clicked or typed a command. Bolt gives `respond` only when the payload has
// a response_url: a click from the App Home or a modal has none, and neither has a forged payload. Every answer goes
// through here, so none calls an absent `respond`; without a response_url the answer goes where it still can.
import type { RespondArguments, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../logger.js";
import type { Reply } from "./views/reply.js";

/** Who clicked (or typed the command), and how to answer them. */
export interface ReplyTarget {
  userId: string;
  responseUrl: string | undefined;
  respond: RespondFn | undefined;
  client: WebClient;
  /** The conversation the click or command came from, when Slack says (an App Home click has none). */
  channelId?: string | undefined;
  log: Logger;
}

/** What is said: the words, and the blocks when there are any. */
type Said = Pick<Reply, "text"> & Partial<Pick<Reply, "blocks">>;

const words = (said: Said) => ({ text: said.text, ...(said.blocks ? { blocks: said.blocks } : {}) });

/** Through the response_url when there is one; otherwise `elsewhere`, whose failure is logged, not thrown. */
async function answer(target: ReplyTarget, message: RespondArguments, elsewhere: () => Promise<unknown>) {
  if (target.responseUrl && target.respond) {
    await target.respond(message);
    return;
  }
  try {
    await elsewhere();
  } catch (error) {
    target.log.warn("reply.not_delivered", { userId: target.userId, error });
  }
}

const directMessage = (target: ReplyTarget, said: Said) => () =>
  target.client.chat.postMessage({ channel: target.userId, ...words(said) });

/**
 * Answers only that person: ephemeral through the response_url (in place of the message clicked when `replace`),
 * or by direct message when there is none (App Home, a modal, a payload without one).
 */
export async function replyPrivately(target: ReplyTarget, said: Said, options: { replace?: boolean } = {}) {
  await answer(
    target,
    { response_type: "ephemeral", replace_original: options.replace ?? false, ...words(said) },
    directMessage(target, said),
  );
}

/** The clicked message replaced by `said` (a request once decided); by direct message when it cannot be. */
export async function replaceClicked(target: ReplyTarget, said: Said) {
  await answer(target, { replace_original: true, ...words(said) }, directMessage(target, said));
}

/**
 * Shown to everyone in the conversation (« Partager »): through the response_url, or posted in the conversation
 * the click came from; with neither, nowhere to share it, which is logged.
 */
export async function shareInChannel(target: ReplyTarget, said: Said) {
  await answer(target, { response_type: "in_channel", replace_original: false, ...words(said) }, async () => {
    if (!target.channelId) throw new Error("no response_url and no channel to share in");
    await target.client.chat.postMessage({ channel: target.channelId, ...words(said) });
  });
}
