import { DASHBOARD_LIMITS, type Dashboard, progressFromTallies } from "../domain/dashboard.js";
import { localDateOf } from "../domain/due-instants.js";
import { canManage, canRead } from "../domain/permissions.js";
import { missingFields } from "../domain/to-complete.js";
import { toPending } from "../store/requests-repo.js";
import type { UseCaseDeps } from "./coordinators.js";
import { roleOf } from "./role-of.js";

/**
 * What one user sees on opening Vigie's Home tab: their commitments, the contract per party, overdue, meetings.
 * Each list is read already cut to what the Home shows, with its total; the per-party figures are counted by the database.
 */
export async function homeDashboard(deps: UseCaseDeps, userId: string): Promise<Dashboard | null> {
  const { store } = deps;
  const now = deps.now();
  const today = localDateOf(now, deps.config.schedule.timezone);
  const contract = await store.contracts.findDefault();
  if (!contract) return null;
  const role = await roleOf(store, userId);
  const isCoordinator = canManage(role);
  const canReadContract = canRead(role, deps.config.readAccess);
  // The lists are independent reads: asked at once.
  const [mine, tallies, overdue, meetings, lastMeeting, editable, pending, open, toCompleteIds] = await Promise.all([
    store.dashboard.listOwnedByUrgency(contract.id, userId, today, DASHBOARD_LIMITS.mine),
    canReadContract ? store.dashboard.tally(contract.id, today) : null,
    canReadContract ? store.dashboard.listOverdue(contract.id, today, DASHBOARD_LIMITS.overdue) : [],
    canReadContract ? store.meetings.listUpcoming(contract.id, now, DASHBOARD_LIMITS.meetings) : [],
    isCoordinator ? store.meetings.findLastBefore(contract.id, now) : null,
    isCoordinator ? store.dashboard.listEditable(contract.id, DASHBOARD_LIMITS.editable) : [],
    isCoordinator ? store.requests.listPending() : [],
    isCoordinator ? store.commitments.listFiltered(contract.id, { openOnly: true }) : [],
    isCoordinator ? store.dashboard.listToCompleteIds(contract.id) : [],
  ]);
  const toComplete = new Set(toCompleteIds);
  const parties = tallies ? progressFromTallies(contract.parties, tallies) : [];
  return {
    today,
    userId,
    isCoordinator,
    canReadContract,
    contractTitle: contract.title,
    mine: mine.items,
    mineTotal: mine.total,
    parties,
    overdue,
    overdueTotal: parties.reduce((n, p) => n + p.overdue, 0),
    meetings,
    lastMeeting,
    editable,
    pendingRequests: pending
      .filter((p) => p.contractId === contract.id)
      .map((p) => ({ ...toPending(p.request), ref: p.ref, title: p.title })),
    ownerless: open.filter((c) => c.owners.length === 0).map((c) => ({ id: c.id, ref: c.ref, title: c.title })),
    toComplete: open
      .filter((c) => toComplete.has(c.id))
      .map((c) => ({ id: c.id, ref: c.ref, title: c.title, missing: missingFields(c) })),
  };
}
