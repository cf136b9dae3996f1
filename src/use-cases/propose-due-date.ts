// « Proposer une nouvelle date » from an overdue reminder or the sheet: an owner (or a coordinator)
// proposes a date with its reason; a coordinator other than the requester decides, as for « Réalisé ».

import type { AppDeps } from "../app/deps.js";
import { localDateOf } from "../domain/due-instants.js";
import { canReportProgress } from "../domain/permissions.js";
import { type ProgressErrors, validateDueProposal } from "../domain/progress-update.js";
import type { ClosedContract } from "../domain/renewal.js";
import type { Commitment, Locale } from "../domain/types.js";
import type { RequestWithRef } from "../store/requests-repo.js";
import { standingInFor } from "./absence.js";
import { zoneOfContract } from "./contract-zone.js";
import { roleOf } from "./role-of.js";

export interface ProposeDueDateInput {
  commitmentId: string;
  userId: string;
  /** The Slack view id: the same form sent twice asks once. */
  submissionKey: string;
  form: { proposedDueOn?: string | null; dueReason?: string | null };
  locale: Locale;
}

type ProposeDueDateResult =
  | { kind: "proposed"; request: RequestWithRef; duplicate: boolean }
  | { kind: "invalid"; errors: ProgressErrors }
  | { kind: "refused"; why: "missing" | "not_owner" }
  /** Its contract was closed by its renewal: read-only. */
  | { kind: "closed"; closed: ClosedContract };

/** May this person propose a new date for this commitment? The commitment when they may. */
export async function checkProposer(
  deps: AppDeps,
  commitmentId: string,
  userId: string,
): Promise<
  | { kind: "ok"; commitment: Commitment }
  | { kind: "refused"; why: "missing" | "not_owner" }
  | { kind: "closed"; closed: ClosedContract }
> {
  const commitment = await deps.store.commitments.findById(commitmentId);
  if (!commitment) return { kind: "refused", why: "missing" };
  const closed = await deps.store.renewal.closure(commitment.contractId);
  if (closed) return { kind: "closed", closed };
  // Roles are per contract: read in the commitment's.
  const role = await roleOf(deps.store, userId, commitment.contractId);
  if (!canReportProgress(commitment, userId, role, await standingInFor(deps, userId)))
    return { kind: "refused", why: "not_owner" };
  return { kind: "ok", commitment };
}

export async function proposeDueDate(deps: AppDeps, input: ProposeDueDateInput): Promise<ProposeDueDateResult> {
  const checked = await checkProposer(deps, input.commitmentId, input.userId);
  if (checked.kind !== "ok") return checked;
  const now = deps.now();
  const validation = validateDueProposal(input.form, {
    today: localDateOf(now, await zoneOfContract(deps, checked.commitment.contractId)),
    dueOn: checked.commitment.dueOn,
  });
  if (!validation.ok) return { kind: "invalid", errors: validation.errors };
  const outcome = await deps.store.requests.proposeDueDate({
    commitmentId: checked.commitment.id,
    requestedBy: input.userId,
    dueOn: validation.proposal.dueOn,
    reason: validation.proposal.reason,
    at: now,
    submissionKey: input.submissionKey,
  });
  if (outcome.kind === "missing") return { kind: "refused", why: "missing" };
  return { kind: "proposed", request: outcome.request, duplicate: outcome.kind === "duplicate" };
}
