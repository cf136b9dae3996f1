import type { AppDeps } from "../app/deps.js";
import { canManage } from "../domain/permissions.js";
import type { ClosedContract } from "../domain/renewal.js";
import type { Contract } from "../domain/types.js";
import { coordinatorsOf, roleOf } from "./role-of.js";

export type UseCaseDeps = Pick<AppDeps, "store" | "now" | "config">;

/** Refused: not a coordinator (whom to ask), or the contract is closed by its renewal (`closed` names the next one). */
type Gate = { allowed: true } | { allowed: false; coordinators: string[]; closed?: ClosedContract };

/**
 * Only coordinators change a contract — of that contract: roles are per contract (the default one when none is
 * named). A refusal names them so the user knows whom to ask. A contract closed by its renewal takes no change.
 */
export async function coordinatorGate(deps: UseCaseDeps, userId: string, contractId?: string | null): Promise<Gate> {
  const role = await roleOf(deps.store, userId, contractId);
  const closed = contractId ? await deps.store.renewal.closure(contractId) : null;
  if (closed) return { allowed: false, coordinators: [], closed };
  if (canManage(role)) return { allowed: true };
  return { allowed: false, coordinators: await coordinatorsOf(deps.store, contractId) };
}

/** The contract a form was opened for (its ref travels in the modal), or the workspace's default one. */
export async function contractFor(deps: UseCaseDeps, ref?: string): Promise<Contract | null> {
  return (ref ? await deps.store.contracts.findByRef(ref) : null) ?? deps.store.contracts.findDefault();
}
