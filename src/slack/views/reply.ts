import type { KnownBlock } from "@slack/types";

/** What a sub-command answers: blocks, and the plain text Slack shows in notifications. */
export interface Reply {
  text: string;
  blocks: KnownBlock[];
}
