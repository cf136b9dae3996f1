import { contractDateWindow } from "../domain/bounds.js";
import {
  type CommitmentField,
  type CommitmentFormValues,
  type FieldErrors,
  validateCommitmentForm,
} from "../domain/commitment-input.js";
import type { ClosedContract } from "../domain/renewal.js";
import type { Commitment, Locale } from "../domain/types.js";
import { RefTakenError } from "../store/commitment-admin-repo.js";
import { contractFor, coordinatorGate, type UseCaseDeps } from "./coordinators.js";

export type CommitmentWriteResult =
  | { kind: "refused"; coordinators: string[]; closed?: ClosedContract }
  | { kind: "invalid"; errors: FieldErrors<CommitmentField> }
  | { kind: "saved"; commitment: Commitment; duplicate: boolean; keptIndicators: string[]; newOwners: string[] };

interface CreateCommitmentRequest {
  actorId: string;
  values: CommitmentFormValues;
  locale: Locale;
  contractRef?: string;
  /** The modal's view id: a second submission of the same view stores nothing. */
  submissionKey?: string;
}

/** A coordinator creates a commitment: checked, confidentiality included, then stored with its audit entry. */
export async function createCommitment(
  deps: UseCaseDeps,
  req: CreateCommitmentRequest,
): Promise<CommitmentWriteResult> {
  const contract = await contractFor(deps, req.contractRef);
  if (!contract) throw new Error("No contract to add a commitment to");
  const gate = await coordinatorGate(deps, req.actorId, contract.id);
  if (!gate.allowed) return { kind: "refused", coordinators: gate.coordinators, closed: gate.closed };
  const checked = validateCommitmentForm(req.values, {
    parties: contract.parties.map((p) => p.code),
    existingRefs: await deps.store.commitments.listRefs(contract.id),
    dateWindow: contractDateWindow(contract),
  });
  if (!checked.ok) return { kind: "invalid", errors: checked.errors };
  try {
    const { commitment, created } = await deps.store.commitmentAdmin.create(
      contract.id,
      checked.value,
      req.actorId,
      req.submissionKey,
    );
    return {
      kind: "saved",
      commitment,
      duplicate: !created,
      keptIndicators: [],
      newOwners: created ? commitment.owners : [],
    };
  } catch (e) {
    if (e instanceof RefTakenError) return { kind: "invalid", errors: { ref: { code: "ref-just-taken", ref: e.ref } } };
    throw e;
  }
}
