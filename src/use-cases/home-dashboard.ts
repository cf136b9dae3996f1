import { contractSchedule } from "../domain/contract-schedule.js";
import { DASHBOARD_LIMITS, type Dashboard, progressFromTallies } from "../domain/dashboard.js";
import { localDateOf } from "../domain/due-instants.js";
import { canManage, canRead } from "../domain/permissions.js";
import { missingFields } from "../domain/to-complete.js";
import type { Contract } from "../domain/types.js";
import { toPending } from "../store/requests-repo.js";
import type { UseCaseDeps } from "./coordinators.js";
import { roleOf } from "./role-of.js";

/**
 * The contracts a person follows, in the workspace of the request: those where they have a role or own a
 * commitment; the Home shows the one they chose (`/csi contrat REF`, or its switch buttons), else the first.
 */
async function homeContracts(
  deps: UseCaseDeps,
  userId: string,
): Promise<{ shown: Contract; others: Contract[] } | null> {
  const { store } = deps;
  const all = await store.contracts.list();
  const [roles, owned, choice] = await Promise.all([
    store.roles.contractsOf(userId),
    store.commitments.contractIdsOwnedBy(userId),
    store.contracts.choiceOf(userId),
  ]);
  const followed = new Set([...roles.map((r) => r.contractId), ...owned]);
  const mine = all.filter((c) => followed.has(c.id));
  // Without a choice, an open contract before one closed by its renewal.
  const shown =
    all.find((c) => c.id === choice) ??
    mine.find((c) => !c.closedAt) ??
    mine[0] ??
    (await store.contracts.findDefault());
  if (!shown) return null;
  return { shown, others: mine.filter((c) => c.id !== shown.id) };
}

/**
 * What one user sees on opening Vigie's Home tab: their commitments, the contract per party, overdue, meetings.
 * Each list is read already cut to what the Home shows, with its total; the per-party figures are counted by the database.
 * The coordinators' queues read only what they show (ref, title; owners and due date for « à compléter »), of this
 * contract: a fixed number of statements whatever the size of the contract.
 */
export async function homeDashboard(deps: UseCaseDeps, userId: string): Promise<Dashboard | null> {
  const { store } = deps;
  const now = deps.now();
  const found = await homeContracts(deps, userId);
  if (!found) return null;
  const contract = found.shown;
  const timezone = contractSchedule(deps.config.schedule, contract).timezone;
  const today = localDateOf(now, timezone);
  const role = await roleOf(store, userId, contract.id);
  // A closed contract is read-only: its coordinators get no write buttons and no queues to work through.
  const isCoordinator = canManage(role) && !contract.closedAt;
  const canReadContract = canRead(role, deps.config.readAccess);
  // The lists are independent reads: asked at once.
  const [mine, tallies, overdue, meetings, lastMeeting, editable, pending, ownerless, toComplete, absence] =
    await Promise.all([
      store.dashboard.listOwnedByUrgency(contract.id, userId, today, DASHBOARD_LIMITS.mine),
      canReadContract ? store.dashboard.tally(contract.id, today) : null,
      canReadContract ? store.dashboard.listOverdue(contract.id, today, DASHBOARD_LIMITS.overdue) : [],
      canReadContract ? store.meetings.listUpcoming(contract.id, now, DASHBOARD_LIMITS.meetings) : [],
      isCoordinator ? store.meetings.findLastBefore(contract.id, now) : null,
      isCoordinator ? store.dashboard.listEditable(contract.id, DASHBOARD_LIMITS.editable) : [],
      isCoordinator ? store.requests.listPending(contract.id) : [],
      isCoordinator ? store.dashboard.listOwnerless(contract.id) : [],
      isCoordinator ? store.dashboard.listToComplete(contract.id) : [],
      store.absences.currentOrNext(userId, today),
    ]);
  const parties = tallies ? progressFromTallies(contract.parties, tallies) : [];
  return {
    today,
    userId,
    isCoordinator,
    canReadContract,
    contractTitle: contract.title,
    closed: Boolean(contract.closedAt),
    timezone,
    otherContracts: found.others.map((c) => ({ id: c.id, ref: c.ref, title: c.title })),
    mine: mine.items,
    mineTotal: mine.total,
    parties,
    overdue,
    overdueTotal: parties.reduce((n, p) => n + p.overdue, 0),
    meetings,
    lastMeeting,
    editable,
    pendingRequests: pending.map((p) => ({ ...toPending(p.request), ref: p.ref, title: p.title })),
    absence,
    ownerless,
    toComplete: toComplete.map((c) => ({ id: c.id, ref: c.ref, title: c.title, missing: missingFields(c) })),
  };
}
