import { overdueCommitments, progressByParty, type Dashboard } from "../domain/dashboard.js";
import { localDateOf } from "../domain/due-instants.js";
import { canManage, canRead } from "../domain/permissions.js";
import { sortByUrgency } from "../domain/status.js";
import type { UseCaseDeps } from "./coordinators.js";

/** What one user sees on opening Vigie's Home tab: their commitments, the contract per party, overdue, meetings. */
export async function homeDashboard(deps: UseCaseDeps, userId: string): Promise<Dashboard | null> {
  const now = deps.now();
  const today = localDateOf(now, deps.config.timezone);
  const contract = await deps.store.contracts.findDefault();
  if (!contract) return null;
  const role = (await deps.store.roles.find(userId))?.role ?? null;
  const isCoordinator = canManage(role);
  const canReadContract = canRead(role, deps.config.readAccess);
  const all = await deps.store.commitments.listByContract(contract.id);
  const mine = sortByUrgency(
    all.filter((c) => c.owners.includes(userId)),
    today,
  );
  return {
    today,
    userId,
    isCoordinator,
    canReadContract,
    contractTitle: contract.title,
    mine,
    parties: canReadContract ? progressByParty(contract.parties, all, today) : [],
    overdue: canReadContract ? overdueCommitments(all, today) : [],
    meetings: canReadContract ? await deps.store.meetings.listUpcoming(contract.id, now, 6) : [],
    lastMeeting: isCoordinator ? await deps.store.meetings.findLastBefore(contract.id, now) : null,
    editable: isCoordinator ? all.map((c) => ({ id: c.id, ref: c.ref, title: c.title })) : [],
  };
}
