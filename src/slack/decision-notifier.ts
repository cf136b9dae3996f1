import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";
import type { DecisionNotifier } from "../use-cases/decide-request.js";
import { localeFor } from "./locale-for.js";
import { decisionForOwner } from "./views/request-messages.js";

/** A decision told through Slack: by DM to the requester and the other owners, each in their Slack language. */
export function slackDecisionNotifier(client: WebClient, deps: AppDeps): DecisionNotifier {
  return {
    async tellRequester(decided) {
      const m = decisionForOwner(decided, await localeFor(deps, client, decided.request.requestedBy), true);
      await client.chat.postMessage({ channel: decided.request.requestedBy, text: m.text, blocks: m.blocks });
    },
    async tellOwner(decided, ownerId) {
      const m = decisionForOwner(decided, await localeFor(deps, client, ownerId), false);
      await client.chat.postMessage({ channel: ownerId, text: m.text, blocks: m.blocks });
    },
  };
}
