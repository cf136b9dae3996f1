import type { Commitment, Role } from "./types.js";

type ReadAccess = "workspace" | "members";

/** Who may read: everyone in the workspace, or (configurable) committee members and coordinators only. */
export function canRead(role: Role | null, access: ReadAccess): boolean {
  if (access === "workspace") return true;
  return role === "COORDINATOR" || role === "MEMBER";
}

/** Changing the contract (commitments, meetings, roles, imports) is for coordinators. */
export const canManage = (role: Role | null): boolean => role === "COORDINATOR";

export const isOwner = (commitment: Pick<Commitment, "owners">, userId: string): boolean =>
  commitment.owners.includes(userId);

/**
 * Owners report progress on their own commitments; coordinators may report on any; a stand-in on those of
 * the absent people they replace today (`standingInFor`).
 */
export const canReportProgress = (
  commitment: Pick<Commitment, "owners">,
  userId: string,
  role: Role | null,
  standingInFor: readonly string[] = [],
): boolean =>
  isOwner(commitment, userId) || canManage(role) || commitment.owners.some((o) => standingInFor.includes(o));

/**
 * Why a request is refused, which is what its answer tells the person:
 * - `read-access`: reading is limited to committee members and coordinators (CSI_READ_ACCESS=members);
 * - `coordinators-read`: a read kept for coordinators (the digest preview, the export);
 * - `changes-contract`: it changes the contract's follow-up, which coordinators do.
 */
export type Refusal = "read-access" | "coordinators-read" | "changes-contract";

/** Who may do something, before anything is read about it. */
export type Permission =
  | { who: "everyone" }
  /** Everyone, or with CSI_READ_ACCESS=members committee members and coordinators. */
  | { who: "readers" }
  /** Committee members and coordinators, whatever CSI_READ_ACCESS says (the COPIL report). */
  | { who: "members" }
  /** Owners of the commitment concerned and coordinators: decided once the commitment is known. */
  | { who: "owners-and-coordinators" }
  | { who: "coordinators"; refusal: Exclude<Refusal, "read-access"> };

/** Null when `role` may go ahead, else why not. `owners-and-coordinators` passes here: the commitment decides. */
export function refusalOf(permission: Permission, role: Role | null, access: ReadAccess): Refusal | null {
  switch (permission.who) {
    case "everyone":
    case "owners-and-coordinators":
      return null;
    case "readers":
      return canRead(role, access) ? null : "read-access";
    case "members":
      return canRead(role, "members") ? null : "read-access";
    case "coordinators":
      return canManage(role) ? null : permission.refusal;
  }
}
