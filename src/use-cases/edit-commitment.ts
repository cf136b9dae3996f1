import { contractDateWindow } from "../domain/bounds.js";
import { type CommitmentFormValues, validateCommitmentForm } from "../domain/commitment-input.js";
import type { Locale } from "../domain/types.js";
import { RefTakenError, StaleEditError } from "../store/commitment-admin-repo.js";
import { coordinatorGate, type UseCaseDeps } from "./coordinators.js";
import type { CommitmentWriteResult } from "./create-commitment.js";

interface EditCommitmentRequest {
  actorId: string;
  commitmentId: string;
  values: CommitmentFormValues;
  locale: Locale;
  /** editFingerprint() of the commitment when the form was opened. */
  fingerprint?: string;
}

/** A coordinator edits a commitment; indicators with recorded values are kept, the audit keeps before/after. */
export async function editCommitment(deps: UseCaseDeps, req: EditCommitmentRequest): Promise<CommitmentWriteResult> {
  const current = await deps.store.commitments.findById(req.commitmentId);
  const gate = await coordinatorGate(deps, req.actorId, current?.contractId);
  if (!gate.allowed) return { kind: "refused", coordinators: gate.coordinators, closed: gate.closed };
  if (!current)
    return {
      kind: "invalid",
      errors: { title: { code: "commitment-gone" } },
    };
  const contract = (await deps.store.contracts.list()).find((c) => c.id === current.contractId);
  if (!contract) throw new Error(`Contract ${current.contractId} not found`);
  const checked = validateCommitmentForm(req.values, {
    parties: contract.parties.map((p) => p.code),
    existingRefs: await deps.store.commitments.listRefs(contract.id),
    currentRef: current.ref,
    dateWindow: contractDateWindow(contract),
  });
  if (!checked.ok) return { kind: "invalid", errors: checked.errors };
  try {
    const r = await deps.store.commitmentAdmin.edit(current.id, checked.value, req.actorId, req.fingerprint);
    return {
      kind: "saved",
      commitment: r.commitment,
      duplicate: false,
      keptIndicators: r.keptIndicators,
      newOwners: r.addedOwners,
    };
  } catch (e) {
    if (e instanceof RefTakenError) {
      return {
        kind: "invalid",
        errors: { ref: { code: "ref-used-by-another", ref: e.ref } },
      };
    }
    if (e instanceof StaleEditError) {
      return {
        kind: "invalid",
        errors: { title: { code: "commitment-edited-meanwhile" } },
      };
    }
    throw e;
  }
}
