import type { ClosedContract } from "../domain/renewal.js";
import { parseRoleCommand } from "../domain/role-input.js";
import type { Role } from "../domain/types.js";
import { coordinatorGate, type UseCaseDeps } from "./coordinators.js";

type AssignRoleResult =
  | { kind: "refused"; coordinators: string[]; closed?: ClosedContract }
  | { kind: "usage"; problem: "no_user" | "no_role" | "usage"; typedName?: string }
  | { kind: "last_coordinator" }
  | { kind: "unchanged"; userId: string; role: Role }
  | { kind: "assigned"; userId: string; role: Role; before: Role | null };

/** `/csi role @user coordonnateur|membre|lecteur`: coordinators only, never removing the last coordinator. */
export async function assignRole(
  deps: UseCaseDeps,
  actorId: string,
  args: readonly string[],
  contractId: string | null,
): Promise<AssignRoleResult> {
  // Roles are per contract: the role is given in the command's contract (the default one when none is named).
  const contract = contractId ? { id: contractId } : await deps.store.contracts.findDefault();
  if (!contract) return { kind: "usage", problem: "usage" };
  const gate = await coordinatorGate(deps, actorId, contract.id);
  if (!gate.allowed) return { kind: "refused", coordinators: gate.coordinators, closed: gate.closed };
  const parsed = parseRoleCommand(args);
  if (!parsed.ok) return { kind: "usage", problem: parsed.problem, typedName: parsed.typedName };
  const change = await deps.store.roleAdmin.change(parsed.userId, parsed.role, actorId, contract.id, deps.now());
  if (!change.ok) return { kind: "last_coordinator" };
  if (!change.changed) return { kind: "unchanged", userId: parsed.userId, role: parsed.role };
  return { kind: "assigned", userId: parsed.userId, role: parsed.role, before: change.before };
}
