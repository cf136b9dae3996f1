import type { Commitment, Role } from "./types.js";

export type ReadAccess = "workspace" | "members";

/** Who may read: everyone in the workspace, or (configurable) committee members and coordinators only. */
export function canRead(role: Role | null, access: ReadAccess): boolean {
  if (access === "workspace") return true;
  return role === "COORDINATOR" || role === "MEMBER";
}

/** Changing the contract (commitments, meetings, roles, imports) is for coordinators. */
export const canManage = (role: Role | null): boolean => role === "COORDINATOR";

export const isOwner = (commitment: Pick<Commitment, "owners">, userId: string): boolean =>
  commitment.owners.includes(userId);

/** Owners report progress on their own commitments; coordinators may report on any. */
export const canReportProgress = (commitment: Pick<Commitment, "owners">, userId: string, role: Role | null): boolean =>
  isOwner(commitment, userId) || canManage(role);
