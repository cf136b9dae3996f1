import type { AppDeps } from "../app/deps.js";
import { canManage } from "../domain/permissions.js";
import type { Contract } from "../domain/types.js";
import { roleOf } from "./role-of.js";

export type UseCaseDeps = Pick<AppDeps, "store" | "now" | "config">;

type Gate = { allowed: true } | { allowed: false; coordinators: string[] };

/** Only coordinators change the contract; a refusal names them so the user knows whom to ask. */
export async function coordinatorGate(deps: UseCaseDeps, userId: string): Promise<Gate> {
  const role = await roleOf(deps.store, userId);
  if (canManage(role)) return { allowed: true };
  return { allowed: false, coordinators: await deps.store.roles.listByRole("COORDINATOR") };
}

/** The contract a form was opened for (its ref travels in the modal), or the workspace's default one. */
export async function contractFor(deps: UseCaseDeps, ref?: string): Promise<Contract | null> {
  return (ref ? await deps.store.contracts.findByRef(ref) : null) ?? deps.store.contracts.findDefault();
}
