import type { WebClient } from "@slack/web-api";
import type { ProgressNotifier } from "../use-cases/record-progress-update.js";
import { updateAnnouncement, updateConfirmationMessage, updateDetailBlocks } from "./views/progress-messages.js";
import { requestToDecideMessage } from "./views/request-messages.js";

/**
 * Progress notifications through Slack. A message to a user id opens the DM with the bot.
 * Followers and coordinators read French, the language of the contract.
 */
export function slackProgressNotifier(client: WebClient): ProgressNotifier {
  return {
    async confirmToAuthor(r) {
      const m = updateConfirmationMessage({
        commitment: r.commitment,
        update: r.update,
        doneRequested: r.doneRequested,
        locale: r.locale,
      });
      await client.chat.postMessage({ channel: r.update.authorId, text: m.text, blocks: m.blocks });
    },
    async postToChannel(r, channelId, threadTs) {
      const m = updateAnnouncement(r.commitment, r.update, "fr", "channel");
      await client.chat.postMessage({
        channel: channelId,
        text: m.text,
        blocks: m.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    },
    async notifyFollower(r, userId) {
      const m = updateAnnouncement(r.commitment, r.update, "fr", "follower");
      await client.chat.postMessage({ channel: userId, text: m.text, blocks: m.blocks });
    },
    async askCoordinator(r, coordinatorId, from) {
      const detail = from ? updateDetailBlocks(from.commitment, from.update, "fr") : [];
      const m = requestToDecideMessage(r, "fr", detail);
      await client.chat.postMessage({ channel: coordinatorId, text: m.text, blocks: m.blocks });
    },
  };
}
