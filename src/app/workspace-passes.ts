// OAuth mode: which workspaces a scheduler pass serves, each with its own token. The token comes from the
// installation store through InstallProvider.authorize(), which refreshes it first when it expires (token
// rotation holds for scheduled sends too, not only for requests). A revoked installation is not listed: its
// scheduled work stops at the next pass; its contracts and their deliveries stay.
import { contractSeenBy } from "../domain/tenancy.js";
import { allContracts } from "../jobs/plan-deliveries.js";
import type { WorkspacePass } from "../jobs/scheduler.js";
import { createSenderClient, createSlackSender, type SlackSender } from "../slack/slack-sender.js";
import { userContactOf, userLocaleOf } from "../slack/user-locale.js";
import { homeWorkspaceOf } from "../slack/workspace-scope.js";
import type { AppDeps } from "./deps.js";

/** The token of a workspace's installation, refreshed when it is about to expire. */
type TokenOf = (ids: {
  teamId: string | null;
  enterpriseId: string | null;
  enterpriseInstall: boolean;
}) => Promise<string>;

export function workspacePasses(deps: AppDeps, tokenOf: TokenOf): () => Promise<WorkspacePass[]> {
  // One sender per token: its per-channel pacing is kept from pass to pass; a refreshed token gets a new one.
  const senders = new Map<string, SlackSender>();
  const senderFor = (token: string): SlackSender => {
    let sender = senders.get(token);
    if (!sender) {
      const client = createSenderClient(token, deps.config.slack.apiUrl);
      sender = createSlackSender(client, {
        log: deps.log,
        slackLocaleOf: (userId) => userLocaleOf(deps, client, userId, { timeoutMs: 3000 }),
        slackContactOf: (userId) => userContactOf(deps, client, userId),
      });
      senders.set(token, sender);
    }
    return sender;
  };
  const home = homeWorkspaceOf(deps);
  return async () => {
    const all = await allContracts(deps);
    const passes: WorkspacePass[] = [];
    for (const i of await deps.store.installations.listActive()) {
      const contracts = all.contracts.filter((c) => contractSeenBy(c.teamId ?? null, i.teamId, home));
      if (contracts.length === 0) continue;
      let token: string;
      try {
        token = await tokenOf(i);
      } catch (error) {
        deps.log.warn("scheduler.no_token", {
          teamId: i.teamId,
          error: error instanceof Error ? error.message : String(error),
        });
        continue;
      }
      const ids = contracts.map((c) => c.id);
      passes.push({
        teamId: i.teamId,
        sender: senderFor(token),
        pass: {
          contracts: { contracts, firstContractId: all.firstContractId },
          deliveries: { contractIds: ids, withUnassigned: ids.includes(all.firstContractId ?? "") },
        },
      });
    }
    return passes;
  };
}
