import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { installationKey } from "../../../store/installations-repo.js";

export interface InstallationHooks {
  /** The list of served workspaces changed: the served check reads it again. */
  installationsChanged(): void;
}

type Uninstall = SlackEventMiddlewareArgs<"app_uninstalled" | "tokens_revoked"> & AllMiddlewareArgs;

/**
 * app_uninstalled, or tokens_revoked naming the bot: the workspace's installation is revoked (OAuth mode),
 * so it is no longer served and the scheduler sends it nothing more; its contracts and their history are
 * kept. In the single-token mode the operator's token is simply dead: said in the log.
 */
export function installationRevoked(deps: AppDeps, hooks: InstallationHooks) {
  return async ({ event, body }: Uninstall): Promise<void> => {
    if (event.type === "tokens_revoked" && (event.tokens.bot ?? []).length === 0) return; // only user tokens
    const enterpriseInstall = body.authorizations?.[0]?.is_enterprise_install === true;
    const ids = { teamId: body.team_id ?? null, enterpriseId: body.enterprise_id ?? null, enterpriseInstall };
    if (!deps.config.slack.oauth) {
      deps.log.warn("slack.token_revoked", { event: event.type, teamId: ids.teamId });
      return;
    }
    const key = installationKey(ids);
    if (key && (await deps.store.installations.revoke(key, event.type, deps.now()))) {
      deps.log.info("slack.uninstalled", { event: event.type, teamId: ids.teamId, enterpriseId: ids.enterpriseId });
      hooks.installationsChanged();
    }
  };
}
