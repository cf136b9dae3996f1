import type { WebClient } from "@slack/web-api";
import type { DecisionNotifier } from "../use-cases/decide-request.js";
import { decisionForOwner } from "./views/request-messages.js";

/** A decision told through Slack: by DM to the requester and the other owners (French, the contract's language). */
export function slackDecisionNotifier(client: WebClient): DecisionNotifier {
  return {
    async tellRequester(decided) {
      const m = decisionForOwner(decided, "fr", true);
      await client.chat.postMessage({ channel: decided.request.requestedBy, text: m.text, blocks: m.blocks });
    },
    async tellOwner(decided, ownerId) {
      const m = decisionForOwner(decided, "fr", false);
      await client.chat.postMessage({ channel: ownerId, text: m.text, blocks: m.blocks });
    },
  };
}
