// The workspace a Slack request comes from, for the whole of its handling (AsyncLocalStorage): within it, the
// contracts of other workspaces are not listed, and a commitment, meeting or request read by its id (a
// button, a form's hidden metadata, possibly forged) is found only when its contract is this workspace's.
// Outside any request (jobs, scripts), every contract is seen: the scheduler scopes its passes itself.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma, PrismaClient } from "../../prisma/generated/client/client.js";
import type { TeamsSeen } from "../domain/tenancy.js";

/** Whether a contract of this workspace (null: recorded without one) is seen by the current request. */
type SeesTeam = (contractTeamId: string | null) => boolean;

interface Scope {
  sees: SeesTeam;
  /** The same as a filter (when known): the contracts of other workspaces are then not even read. */
  teams?: TeamsSeen;
  ids?: Promise<ReadonlySet<string>>;
}

const storage = new AsyncLocalStorage<Scope>();

/** Runs `fn` (a request's handling) as seen from one workspace; `teams` is `sees` as a filter, when known. */
export function inWorkspace<T>(sees: SeesTeam, fn: () => T, teams?: TeamsSeen): T {
  return storage.run(teams ? { sees, teams } : { sees }, fn);
}

/**
 * The contracts the current request may see, as a query filter (its workspace's, those recorded without one
 * when it is the home workspace); null when every contract must be read (outside any request, or a scope known
 * only as a predicate). What is read is still checked with seesTeam.
 */
export function seenContractsFilter(): { key: string; where: Prisma.ContractWhereInput } | null {
  const teams = storage.getStore()?.teams;
  if (!teams) return null;
  const where: Prisma.ContractWhereInput[] = [];
  if (teams.teamIds.length) where.push({ teamId: { in: teams.teamIds } });
  if (teams.withoutTeam) where.push({ teamId: null });
  return { key: JSON.stringify([teams.teamIds, teams.withoutTeam]), where: { OR: where } };
}

/** Whether the current code runs for a Slack request whose workspace is known as a filter: what it reads may be kept. */
export const withinSlackRequest = (): boolean => storage.getStore()?.teams !== undefined;

/** Whether the current request sees a contract of workspace `teamId`; true outside any request. */
export const seesTeam = (teamId: string | null): boolean => storage.getStore()?.sees(teamId) ?? true;

/** The ids of the contracts the current request sees (read once per request); null outside any request. */
export function visibleContractIds(prisma: PrismaClient): Promise<ReadonlySet<string>> | null {
  const scope = storage.getStore();
  if (!scope) return null;
  scope.ids ??= prisma.contract
    .findMany({ where: seenContractsFilter()?.where ?? {}, select: { id: true, teamId: true } })
    .then((rows) => new Set(rows.filter((r) => scope.sees(r.teamId)).map((r) => r.id)));
  return scope.ids;
}

/**
 * Every contract was just read in the current request (`contracts.list()`): the ids it sees are known, and
 * visibleContractIds will not read them again in this request.
 */
export function noteContractsRead(rows: readonly { id: string; teamId: string | null }[]): void {
  const scope = storage.getStore();
  if (scope && !scope.ids)
    scope.ids = Promise.resolve(new Set(rows.filter((r) => scope.sees(r.teamId)).map((r) => r.id)));
}

/** Whether the current request may read something of contract `contractId`. */
export async function seesContract(prisma: PrismaClient, contractId: string): Promise<boolean> {
  const ids = await visibleContractIds(prisma);
  if (ids === null || ids.has(contractId)) return true;
  // Not among those read earlier in this request: read them once more (a contract this request has just created).
  const scope = storage.getStore();
  if (scope) scope.ids = undefined;
  return (await visibleContractIds(prisma))?.has(contractId) ?? true;
}
