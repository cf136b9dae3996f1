import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { AppDeps } from "../app/deps.js";
import { contractSeenBy, type HomeWorkspace, teamsSeenBy } from "../domain/tenancy.js";
import { inWorkspace } from "../store/workspace-scope.js";
import { originOf } from "./served-only.js";

/** The workspace owning the contracts recorded without one (tenancy.ts, HomeWorkspace). */
export const homeWorkspaceOf = (deps: Pick<AppDeps, "config">): HomeWorkspace =>
  deps.config.slack.oauth ? (deps.config.slack.installed.teamId ?? null) : "any";

/** Every listener runs as seen from the request's workspace: nothing of another one is read (store/workspace-scope.ts). */
export function withWorkspaceOf(deps: AppDeps): Middleware<AnyMiddlewareArgs> {
  const home = homeWorkspaceOf(deps);
  return async ({ body, next }) => {
    const team = originOf(body).teamId;
    await inWorkspace((contractTeam) => contractSeenBy(contractTeam, team, home), next, teamsSeenBy(team, home));
  };
}
