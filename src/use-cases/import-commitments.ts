// `/csi import` in two steps. previewImport checks every row (like the « Nouvel engagement » form, confidentiality
// included), compares it with the contract's commitments and keeps the plan as a draft: nothing is written yet.
// confirmImport applies the draft on « Confirmer », all or nothing, each change audited as an edit by the importer.

import { contractDateWindow } from "../domain/bounds.js";
import { importFingerprint } from "../domain/commitment-snapshot.js";
import { localDateOf } from "../domain/due-instants.js";
import { type ImportSource, importOwnerEmails, parseCommitmentImport } from "../domain/import-csv.js";
import { type ImportRowPlan, planCounts } from "../domain/import-plan.js";
import type { ImportProblem } from "../domain/import-problems.js";
import type { ClosedContract } from "../domain/renewal.js";
import type { Commitment, Contract } from "../domain/types.js";
import { RefTakenError } from "../store/commitment-admin-repo.js";
import { type DraftRow, StaleImportError } from "../store/import-repo.js";
import { contractFor, coordinatorGate, type UseCaseDeps } from "./coordinators.js";

/** Addresses looked up at most per import (Slack's users.lookupByEmail is a Tier 3 method). */
const MAX_EMAILS = 100;

/** Why an import is not previewed or not applied, as a code the view words. */
export type ImportRefusal =
  /** More addresses in the Owners column than may be looked up at once. */
  | { why: "too_many_emails"; count: number; max: number }
  /** The preview confirmed is gone (applied, or another coordinator's forged id). */
  | { why: "preview_gone" }
  /** Commitments changed between the preview and its confirmation. */
  | { why: "changed_since"; refs: string[] }
  /** A ref the preview gave was taken meanwhile. */
  | { why: "ref_taken"; ref: string };

export type PreviewImportResult =
  | { kind: "refused"; coordinators: string[]; closed?: ClosedContract }
  | { kind: "invalid"; refusal: ImportRefusal }
  /** Rows that cannot be stored as they are: nothing is kept, the view words each problem. */
  | { kind: "unreadable"; problems: ImportProblem[] }
  | {
      kind: "preview";
      contract: Contract;
      /** null when nothing would change: there is nothing to confirm. */
      draftId: string | null;
      rows: ImportRowPlan[];
      counts: ReturnType<typeof planCounts>;
      ignoredColumns: string[];
    };

interface PreviewImportRequest {
  actorId: string;
  source: ImportSource;
  contractRef?: string;
  /** Slack's users.lookupByEmail: the user id of an address, null when no account of the workspace has it. */
  resolveEmail: (email: string) => Promise<string | null>;
}

export async function previewImport(deps: UseCaseDeps, req: PreviewImportRequest): Promise<PreviewImportResult> {
  const contract = await contractFor(deps, req.contractRef);
  if (!contract) throw new Error("No contract to import commitments into");
  const gate = await coordinatorGate(deps, req.actorId, contract.id);
  if (!gate.allowed) return { kind: "refused", coordinators: gate.coordinators, closed: gate.closed };
  const emails = importOwnerEmails(req.source);
  if (emails.length > MAX_EMAILS)
    return { kind: "invalid", refusal: { why: "too_many_emails", count: emails.length, max: MAX_EMAILS } };
  const [existing, resolved] = await Promise.all([
    deps.store.commitments.listByContract(contract.id),
    Promise.all(emails.map(async (e) => [e, await req.resolveEmail(e)] as const)),
  ]);
  const parsed = parseCommitmentImport(req.source, {
    parties: contract.parties,
    existing,
    emailIds: new Map(resolved),
    dateWindow: contractDateWindow(contract),
  });
  if (!parsed.ok) return { kind: "unreadable", problems: parsed.problems };
  const byId = new Map(existing.map((c) => [c.id, c]));
  const rows: DraftRow[] = parsed.rows.flatMap((r): DraftRow[] => {
    if (r.kind === "add") return [{ kind: "add", input: r.input, currents: r.currents }];
    const before = byId.get(r.id);
    if (r.kind === "same" || !before) return [];
    return [{ kind: "modify", id: r.id, fingerprint: importFingerprint(before), input: r.input, currents: r.currents }];
  });
  const draftId = rows.length
    ? await deps.store.imports.saveDraft(contract.id, req.actorId, { rows, ignoredColumns: parsed.ignoredColumns })
    : null;
  return {
    kind: "preview",
    contract,
    draftId,
    rows: parsed.rows,
    counts: planCounts(parsed.rows),
    ignoredColumns: parsed.ignoredColumns,
  };
}

export type ConfirmImportResult =
  | { kind: "refused"; coordinators: string[]; closed?: ClosedContract }
  | { kind: "invalid"; refusal: ImportRefusal }
  | {
      kind: "imported";
      added: Commitment[];
      modified: Commitment[];
      ignoredColumns: string[];
      duplicate: boolean;
      /** Owners named by the import who did not own the commitment before: each is told what they now own. */
      newOwners: { commitmentId: string; userIds: string[] }[];
    };

interface ConfirmImportRequest {
  actorId: string;
  draftId: string;
}

export async function confirmImport(deps: UseCaseDeps, req: ConfirmImportRequest): Promise<ConfirmImportResult> {
  const draft = await deps.store.imports.findDraft(req.draftId);
  const gate = await coordinatorGate(deps, req.actorId, draft?.contractId);
  if (!gate.allowed) return { kind: "refused", coordinators: gate.coordinators, closed: gate.closed };
  // Only its coordinator confirms a preview: another one's forged id finds nothing.
  if (!draft || draft.actorId !== req.actorId) return { kind: "invalid", refusal: { why: "preview_gone" } };
  const contract = (await deps.store.contracts.list()).find((c) => c.id === draft.contractId);
  const today = localDateOf(deps.now(), contract?.timezone ?? deps.config.schedule.timezone);
  try {
    const done = await deps.store.imports.applyDraft(draft.id, req.actorId, today);
    return {
      kind: "imported",
      added: done.added,
      modified: done.modified,
      ignoredColumns: draft.ignoredColumns,
      duplicate: !done.applied,
      newOwners: done.newOwners,
    };
  } catch (e) {
    if (e instanceof StaleImportError) return { kind: "invalid", refusal: { why: "changed_since", refs: e.refs } };
    if (e instanceof RefTakenError) return { kind: "invalid", refusal: { why: "ref_taken", ref: e.ref } };
    throw e;
  }
}
