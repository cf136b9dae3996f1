import { importProblemsText, parseCommitmentImport } from "../domain/import-csv.js";
import type { Commitment, Locale } from "../domain/types.js";
import { RefTakenError } from "../store/commitment-admin-repo.js";
import { contractFor, coordinatorGate, type UseCaseDeps } from "./coordinators.js";

export type ImportCommitmentsResult =
  | { kind: "refused"; coordinators: string[] }
  | { kind: "invalid"; error: string }
  | { kind: "imported"; commitments: Commitment[]; ignoredColumns: string[]; duplicate: boolean };

export interface ImportCommitmentsRequest {
  actorId: string;
  /** The lines pasted in the modal. */
  text: string | null;
  locale: Locale;
  contractRef?: string;
  /** The modal's view id: a second submission of the same view stores nothing. */
  submissionKey?: string;
}

const refTaken = (locale: Locale, ref: string) =>
  locale === "en"
    ? `Nothing was imported: ${ref} was just given to another commitment. Submit again: the refs left empty will take the next free numbers.`
    : `Rien n'a été importé : ${ref} vient d'être attribuée à un autre engagement. Validez à nouveau : les références laissées vides prendront les numéros libres suivants.`;

/**
 * A coordinator pastes spreadsheet lines: every line is checked like the « Nouvel engagement » form
 * (confidentiality included), each gets a ref of its own, and they are stored all together or not at all.
 */
export async function importCommitments(
  deps: UseCaseDeps,
  req: ImportCommitmentsRequest,
): Promise<ImportCommitmentsResult> {
  const gate = await coordinatorGate(deps, req.actorId);
  if (!gate.allowed) return { kind: "refused", coordinators: gate.coordinators };
  const contract = await contractFor(deps, req.contractRef);
  if (!contract) throw new Error("No contract to import commitments into");
  const parsed = parseCommitmentImport(req.text, {
    locale: req.locale,
    parties: contract.parties,
    existingRefs: await deps.store.commitments.listRefs(contract.id),
  });
  if (!parsed.ok) return { kind: "invalid", error: importProblemsText(parsed.problems, req.locale) };
  try {
    const inputs = parsed.rows.map((r) => r.input);
    const { commitments, created } = await deps.store.commitmentAdmin.createMany(
      contract.id,
      inputs,
      req.actorId,
      req.submissionKey,
    );
    return { kind: "imported", commitments, ignoredColumns: parsed.ignoredColumns, duplicate: !created };
  } catch (e) {
    if (e instanceof RefTakenError) return { kind: "invalid", error: refTaken(req.locale, e.ref) };
    throw e;
  }
}
