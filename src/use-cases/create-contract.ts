// `/csi contrat nouveau`: a coordinator (of a contract Vigie follows) starts another city's contract; they become
// its first coordinator. Its commitments then come from a spreadsheet (`/csi import` in its channel).
import { type ContractField, type ContractFormValues, validateContractForm } from "../domain/contract-input.js";
import { tr } from "../domain/locale.js";
import { canManage } from "../domain/permissions.js";
import type { Contract, Locale } from "../domain/types.js";
import { ContractRefTakenError } from "../store/contract-admin-repo.js";
import type { UseCaseDeps } from "./coordinators.js";

export type CreateContractResult =
  | { kind: "refused" }
  | { kind: "invalid"; errors: Partial<Record<ContractField, string>> }
  | { kind: "created"; contract: Contract };

/** Who may start a contract: a coordinator of any contract Vigie follows. */
export async function mayCreateContract(deps: UseCaseDeps, userId: string): Promise<boolean> {
  return (await deps.store.roles.contractsOf(userId)).some((r) => canManage(r.role));
}

export async function createContract(
  deps: UseCaseDeps,
  req: { actorId: string; values: ContractFormValues; locale: Locale },
): Promise<CreateContractResult> {
  if (!(await mayCreateContract(deps, req.actorId))) return { kind: "refused" };
  const existingRefs = (await deps.store.contracts.list()).map((c) => c.ref);
  const checked = validateContractForm(req.values, { locale: req.locale, existingRefs });
  if (!checked.ok) return { kind: "invalid", errors: checked.errors };
  try {
    const { id } = await deps.store.contractAdmin.create(checked.value, req.actorId);
    const contract = (await deps.store.contracts.list()).find((c) => c.id === id);
    if (!contract) throw new Error("The contract just created was not found");
    return { kind: "created", contract };
  } catch (e) {
    if (e instanceof ContractRefTakenError)
      return {
        kind: "invalid",
        errors: { contract_ref: tr(req.locale, `${e.ref} vient d'être pris.`, `${e.ref} was just taken.`) },
      };
    throw e;
  }
}
