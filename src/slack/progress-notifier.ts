import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";
import type { ProgressNotifier } from "../use-cases/record-progress-update.js";
import { localeFor } from "./locale-for.js";
import { updateAnnouncement, updateConfirmationMessage, updateDetailBlocks } from "./views/progress-messages.js";
import { requestToDecideMessage } from "./views/request-messages.js";

/**
 * Progress notifications through Slack. A message to a user id opens the DM with the bot. Each person reads
 * it in their Slack language (users.info, cached; French when Slack does not say); a channel reads French.
 */
export function slackProgressNotifier(client: WebClient, deps: AppDeps): ProgressNotifier {
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
      const m = updateAnnouncement(r.commitment, r.update, await localeFor(deps, client, userId), "follower");
      await client.chat.postMessage({ channel: userId, text: m.text, blocks: m.blocks });
    },
    async askCoordinator(r, coordinatorId, from) {
      const locale = await localeFor(deps, client, coordinatorId);
      const detail = from ? updateDetailBlocks(from.commitment, from.update, locale) : [];
      const m = requestToDecideMessage(r, locale, detail);
      await client.chat.postMessage({ channel: coordinatorId, text: m.text, blocks: m.blocks });
    },
  };
}
