// `/csi contrat nouveau`: a coordinator (of a contract Vigie follows) starts another city's contract; they become
// its first coordinator. Its commitments then come from a spreadsheet (`/csi import` in its channel).
import { type ContractField, type ContractFormValues, validateContractForm } from "../domain/contract-input.js";
import { canManage } from "../domain/permissions.js";
import type { FieldProblems } from "../domain/problems.js";
import type { Contract, Locale } from "../domain/types.js";
import { ContractRefTakenError } from "../store/contract-admin-repo.js";
import type { UseCaseDeps } from "./coordinators.js";

export type CreateContractResult =
  | { kind: "refused" }
  | { kind: "invalid"; errors: FieldProblems<ContractField> }
  | { kind: "created"; contract: Contract };

/**
 * Who may start a contract: a coordinator of a contract of this workspace; in a workspace that installed Vigie
 * (OAuth mode, or its Enterprise Grid organisation did) and follows no contract yet, the person who installed it.
 */
export async function mayCreateContract(
  deps: UseCaseDeps,
  userId: string,
  teamId: string | null,
  enterpriseId: string | null = null,
): Promise<boolean> {
  const own = new Set((await deps.store.contracts.list()).map((c) => c.id));
  const roles = await deps.store.roles.contractsOf(userId);
  if (roles.some((r) => own.has(r.contractId) && canManage(r.role))) return true;
  if (!deps.config.slack.oauth || !teamId || own.size > 0) return false;
  return (await deps.store.installations.installerOf({ teamId, enterpriseId })) === userId;
}

export async function createContract(
  deps: UseCaseDeps,
  req: {
    actorId: string;
    teamId: string | null;
    enterpriseId?: string | null;
    values: ContractFormValues;
    locale: Locale;
  },
): Promise<CreateContractResult> {
  if (!(await mayCreateContract(deps, req.actorId, req.teamId, req.enterpriseId ?? null))) return { kind: "refused" };
  const existingRefs = (await deps.store.contracts.list()).map((c) => c.ref);
  const checked = validateContractForm(req.values, { existingRefs });
  if (!checked.ok) return { kind: "invalid", errors: checked.errors };
  try {
    // In OAuth mode the contract belongs to the workspace it was created in; otherwise to the one installation.
    const teamId = deps.config.slack.oauth ? req.teamId : null;
    const { id } = await deps.store.contractAdmin.create(checked.value, req.actorId, teamId);
    const contract = (await deps.store.contracts.list()).find((c) => c.id === id);
    if (!contract) throw new Error("The contract just created was not found");
    return { kind: "created", contract };
  } catch (e) {
    if (e instanceof ContractRefTakenError)
      return {
        kind: "invalid",
        errors: { contract_ref: { code: "contract-ref-just-taken", ref: e.ref } },
      };
    throw e;
  }
}
