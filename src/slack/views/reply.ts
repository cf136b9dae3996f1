import type { KnownBlock } from "@slack/types";
import { section } from "./blocks.js";

/** What a sub-command answers: blocks, and the plain text Slack shows in notifications. */
export interface Reply {
  text: string;
  blocks: KnownBlock[];
}

/** A reply of one short text (a notice, a refusal, a confirmation): the same words in the notification and the message. */
export const textReply = (text: string): Reply => ({ text, blocks: [section(text)] });
