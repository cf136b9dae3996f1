// Which Slack workspaces (and which app) Vigie serves. Pure: the ids come from Slack's auth.test or from
// the configuration, the request's from its payload. Today one installation; the workspaces installed
// through OAuth will be more entries of the same list.

/** One installation of Vigie: the workspace (or the whole Enterprise Grid organisation) and the app. */
export interface Installation {
  teamId: string | null;
  enterpriseId: string | null;
  appId: string | null;
  /** Installed on a whole Enterprise Grid organisation: any of its workspaces is served. */
  enterpriseInstall: boolean;
}

/** Where a request says it comes from (team_id, enterprise_id, api_app_id of its payload). */
export interface RequestOrigin {
  teamId: string | null;
  enterpriseId: string | null;
  appId: string | null;
}

function matches(i: Installation, o: RequestOrigin): boolean {
  // An installation whose app id is unknown serves no one: fail closed.
  if (!i.appId || o.appId !== i.appId) return false;
  if (i.enterpriseInstall) return i.enterpriseId !== null && o.enterpriseId === i.enterpriseId;
  if (!i.teamId || o.teamId !== i.teamId) return false;
  // A workspace of a Grid organisation: the organisation must be that one too, when the request names one.
  return o.enterpriseId === null || o.enterpriseId === i.enterpriseId;
}

/** Is this request for a workspace and app Vigie is installed in? */
export function isServed(installations: readonly Installation[], origin: RequestOrigin): boolean {
  return installations.some((i) => matches(i, origin));
}

/**
 * The workspace that owns the contracts recorded without one: in the single-token mode, whichever workspace
 * is served (`any`: the served check lets only that one in); in OAuth mode, SLACK_TEAM_ID when the operator
 * names it, else none (such contracts are then seen by no workspace until given one).
 */
export type HomeWorkspace = string | null | "any";

/** Whether a contract (its workspace, null when recorded without one) is seen from a request of `requestTeamId`. */
export function contractSeenBy(
  contractTeamId: string | null,
  requestTeamId: string | null,
  home: HomeWorkspace,
): boolean {
  if (contractTeamId === null) return home === "any" || (home !== null && home === requestTeamId);
  return requestTeamId !== null && contractTeamId === requestTeamId;
}

/** The contracts a request of `requestTeamId` sees, as a filter: those of these workspaces, and those recorded without one. */
export interface TeamsSeen {
  teamIds: string[];
  withoutTeam: boolean;
}

/** contractSeenBy as a filter a query can carry: a contract is seen iff its workspace is listed (or it has none and `withoutTeam`). */
export function teamsSeenBy(requestTeamId: string | null, home: HomeWorkspace): TeamsSeen {
  return {
    teamIds: requestTeamId === null ? [] : [requestTeamId],
    withoutTeam: home === "any" || (home !== null && home === requestTeamId),
  };
}
