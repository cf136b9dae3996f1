// A coordinator decides an owner's request (« Réalisé », a new due date): a coordinator other than the
// requester, once (a double click or a second coordinator finds it already decided, and is told by whom
// and when); a refusal carries a reason, checked by the confidentiality guard and sent to the requester.

import type { AppDeps } from "../app/deps.js";
import { findPersonalData } from "../domain/confidentiality.js";
import { canManage } from "../domain/permissions.js";
import { type Problem, personalData, problem } from "../domain/problems.js";
import { MAX_TEXT } from "../domain/progress-update.js";
import type { ClosedContract } from "../domain/renewal.js";
import { type DecisionRefusal, decidersFor, whyCannotDecide } from "../domain/requests.js";
import type { RequestWithRef } from "../store/requests-repo.js";
import { coordinatorsOf, roleOf } from "./role-of.js";

export interface DecideRequestInput {
  /** What the button carried: the request id (or, on messages sent before requests had ids, the commitment id). */
  requestRef: string;
  deciderId: string;
  decision: "CONFIRMED" | "REFUSED";
  refusalReason?: string | null;
}

export type DecideRequestResult =
  | { kind: "decided"; decided: RequestWithRef }
  | { kind: "already"; already: RequestWithRef }
  | { kind: "refused"; why: DecisionRefusal | "missing"; request: RequestWithRef | null }
  /** The request's contract was closed by its renewal: read-only, nothing is decided there any more. */
  | { kind: "closed"; closed: ClosedContract }
  /** The refusal's reason must be fixed (empty, too long, personal data): the message says why. */
  | { kind: "invalid_reason"; problem: Problem };

/** Everyone a decision concerns; each may fail alone, the decision is stored. */
export interface DecisionNotifier {
  tellRequester(decided: RequestWithRef, deciderId: string): Promise<void>;
  tellOwner(decided: RequestWithRef, ownerId: string, deciderId: string): Promise<void>;
}

/** A coordinator of the request's contract (roles are per contract). */
async function coordinatorCheck(deps: AppDeps, userId: string, contractId: string): Promise<boolean> {
  return canManage(await roleOf(deps.store, userId, contractId));
}

/** Before the refusal form opens: may this person decide, is the request still waiting? */
export async function checkDecision(
  deps: AppDeps,
  requestRef: string,
  userId: string,
): Promise<
  | Exclude<DecideRequestResult, { kind: "decided" } | { kind: "invalid_reason" }>
  | { kind: "open"; request: RequestWithRef }
> {
  const found = await deps.store.requests.findForButton(requestRef);
  if (!found) return { kind: "refused", why: "missing", request: null };
  const closed = await deps.store.renewal.closure(found.contractId);
  if (closed) return { kind: "closed", closed };
  const why = whyCannotDecide(found.request, userId, await coordinatorCheck(deps, userId, found.contractId));
  if (why) return { kind: "refused", why, request: found };
  if (found.request.decision !== null) return { kind: "already", already: found };
  return { kind: "open", request: found };
}

/** Checks a refusal's reason: required, at most 3,000 characters, no personal data. */
export function refusalReasonProblem(reason: string | null | undefined): Problem | null {
  const text = reason?.trim() ?? "";
  if (text === "") return problem("refusal-reason-missing");
  if (text.length > MAX_TEXT) return { code: "text-too-long", max: MAX_TEXT };
  return personalData(findPersonalData(text));
}

export async function decideRequest(deps: AppDeps, input: DecideRequestInput): Promise<DecideRequestResult> {
  const found = await deps.store.requests.findForButton(input.requestRef);
  if (!found) return { kind: "refused", why: "missing", request: null };
  const closed = await deps.store.renewal.closure(found.contractId);
  if (closed) return { kind: "closed", closed };
  const isCoordinator = await coordinatorCheck(deps, input.deciderId, found.contractId);
  const why = whyCannotDecide(found.request, input.deciderId, isCoordinator);
  if (why) return { kind: "refused", why, request: found };
  if (found.request.decision !== null) return { kind: "already", already: found };
  let reason: string | null = null;
  if (input.decision === "REFUSED") {
    const refused = refusalReasonProblem(input.refusalReason);
    if (refused) return { kind: "invalid_reason", problem: refused };
    reason = input.refusalReason?.trim() ?? null;
  }
  const outcome = await deps.store.requests.decide({
    requestId: found.request.id,
    deciderId: input.deciderId,
    decision: input.decision,
    refusalReason: reason,
    at: deps.now(),
    mayDecide: (r) => whyCannotDecide(r, input.deciderId, isCoordinator) === null,
  });
  if (outcome === "forbidden") return { kind: "refused", why: "own_request", request: found };
  if (outcome.kind === "missing") return { kind: "refused", why: "missing", request: null };
  return outcome;
}

/** Tells the requester, then the other owners; a failure is logged and the others still go out. */
export async function notifyDecision(
  deps: AppDeps,
  notifier: DecisionNotifier,
  decided: RequestWithRef,
  deciderId: string,
): Promise<void> {
  const attempt = async (what: string, send: () => Promise<void>) => {
    try {
      await send();
    } catch (error) {
      deps.log.warn("request.notify_failed", {
        what,
        requestId: decided.request.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  const requester = decided.request.requestedBy;
  await attempt("requester", () => notifier.tellRequester(decided, deciderId));
  const commitment = await deps.store.commitments.findById(decided.request.commitmentId);
  for (const owner of commitment?.owners ?? []) {
    if (owner !== requester && owner !== deciderId)
      await attempt("owner", () => notifier.tellOwner(decided, owner, deciderId));
  }
}

/** The coordinators who may decide a request: its contract's coordinators but its requester (none when it is gone). */
export async function otherDeciders(deps: Pick<AppDeps, "store">, found: RequestWithRef | null): Promise<string[]> {
  if (!found) return [];
  return decidersFor(await coordinatorsOf(deps.store, found.contractId), found.request.requestedBy);
}
