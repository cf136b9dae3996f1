import { DASHBOARD_LIMITS, progressFromTallies, type Dashboard } from "../domain/dashboard.js";
import { localDateOf } from "../domain/due-instants.js";
import { canManage, canRead } from "../domain/permissions.js";
import type { UseCaseDeps } from "./coordinators.js";

/**
 * What one user sees on opening Vigie's Home tab: their commitments, the contract per party, overdue, meetings.
 * Each list is read already cut to what the Home shows, with its total; the per-party figures are counted by the database.
 */
export async function homeDashboard(deps: UseCaseDeps, userId: string): Promise<Dashboard | null> {
  const { store } = deps;
  const now = deps.now();
  const today = localDateOf(now, deps.config.timezone);
  const contract = await store.contracts.findDefault();
  if (!contract) return null;
  const role = (await store.roles.find(userId))?.role ?? null;
  const isCoordinator = canManage(role);
  const canReadContract = canRead(role, deps.config.readAccess);
  const mine = await store.dashboard.listOwnedByUrgency(contract.id, userId, today, DASHBOARD_LIMITS.mine);
  const parties = canReadContract ? progressFromTallies(contract.parties, await store.dashboard.tally(contract.id, today)) : [];
  return {
    today,
    userId,
    isCoordinator,
    canReadContract,
    contractTitle: contract.title,
    mine: mine.items,
    mineTotal: mine.total,
    parties,
    overdue: canReadContract ? await store.dashboard.listOverdue(contract.id, today, DASHBOARD_LIMITS.overdue) : [],
    overdueTotal: parties.reduce((n, p) => n + p.overdue, 0),
    meetings: canReadContract ? await store.meetings.listUpcoming(contract.id, now, DASHBOARD_LIMITS.meetings) : [],
    lastMeeting: isCoordinator ? await store.meetings.findLastBefore(contract.id, now) : null,
    editable: isCoordinator ? await store.dashboard.listEditable(contract.id, DASHBOARD_LIMITS.editable) : [],
  };
}
