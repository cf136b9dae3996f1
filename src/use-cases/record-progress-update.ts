// The story of a progress update: the submitter must be an owner or a coordinator, the form must be
// valid and free of personal data, a second submission of the same form is stored once; then the
// update, the commitment's new state and the audit entry land together, and people are told.

import type { AppDeps } from "../app/deps.js";
import { contractDateWindow } from "../domain/bounds.js";
import { localDateOf } from "../domain/due-instants.js";
import { canReportProgress, isOwner } from "../domain/permissions.js";
import { type ProgressErrors, type RawProgressForm, validateProgressUpdate } from "../domain/progress-update.js";
import type { ClosedContract } from "../domain/renewal.js";
import { type CommitmentRequest, decidersFor } from "../domain/requests.js";
import type { Commitment, Locale, ProgressUpdate } from "../domain/types.js";
import type { RequestWithRef } from "../store/requests-repo.js";
import { standingInFor } from "./absence.js";
import { coordinatorsOf, roleOf } from "./role-of.js";

interface SubmittedProgress {
  commitmentId: string;
  userId: string;
  /** The Slack view id: the same form submitted twice is stored once. */
  submissionKey: string;
  supersedesId: string | null;
  form: RawProgressForm;
  locale: Locale;
}

interface RecordedProgress {
  /**
   * The commitment as read before the update, not read again after it (the answer waits on this work): what the
   * messages name (ref, title, owners, followers, channel, indicators' labels). Its new state is the update's.
   */
  commitment: Commitment;
  update: ProgressUpdate;
  doneRequested: boolean;
  /** The requests this update opened (« Réalisé », a new due date): coordinators decide them. */
  requests: CommitmentRequest[];
  locale: Locale;
}

/**
 * Why an update is not stored, as a code the views put in words: the commitment is gone (or closed, for
 * « Toujours en cours »), the submitter is neither an owner nor a coordinator, or the update they correct is
 * not theirs / no longer in force.
 */
export type ProgressRefusal =
  | "gone"
  | "closed"
  | "not_owner"
  | "not_own_update"
  | "already_corrected"
  /** The contract was closed by its renewal: `closed` names the one that follows. */
  | "contract_closed";

export type ProgressOutcome =
  | { kind: "recorded"; recorded: RecordedProgress }
  /** Refused whatever the form says; nothing was stored. `ref` names the commitment when it is known. */
  | { kind: "refused"; refusal: ProgressRefusal; ref: string | null; closed?: ClosedContract }
  /** The form must be fixed: one message per field; nothing was stored. */
  | { kind: "invalid"; errors: ProgressErrors }
  /** Already stored by an earlier submission of the same view. */
  | { kind: "duplicate"; update: ProgressUpdate };

/** Everyone the update concerns; each call may fail on its own without undoing the others. */
export interface ProgressNotifier {
  confirmToAuthor(r: RecordedProgress): Promise<void>;
  postToChannel(r: RecordedProgress, channelId: string, threadTs: string | null): Promise<void>;
  notifyFollower(r: RecordedProgress, userId: string): Promise<void>;
  /** A request to decide; `from` is the update that made it, shown for context. */
  askCoordinator(r: RequestWithRef, coordinatorId: string, from?: RecordedProgress): Promise<void>;
}

export async function recordProgressUpdate(deps: AppDeps, input: SubmittedProgress): Promise<ProgressOutcome> {
  const { store } = deps;
  const { locale } = input;
  // The contracts first: the commitment's read below then finds the ones this request sees already known.
  const contracts = await store.contracts.list();
  // One statement: an update already stored by this form, the commitment, and what the write's rules read.
  const { already, commitment, facts } = await store.updates.readForAppend({
    commitmentId: input.commitmentId,
    submissionKey: input.submissionKey,
    supersedesId: input.supersedesId,
  });
  if (already) return { kind: "duplicate", update: already };
  if (!commitment) return { kind: "refused", refusal: "gone", ref: null };
  // private_metadata comes back from the client: who may report is decided here, not by the form. An owner (most
  // submissions) may, whatever their role and today's absences: those are read only for someone else.
  const allowed =
    isOwner(commitment, input.userId) ||
    canReportProgress(
      commitment,
      input.userId,
      await roleOf(store, input.userId, commitment.contractId),
      await standingInFor(deps, input.userId),
    );
  if (!allowed) {
    deps.log.warn("progress.refused", { userId: input.userId, commitmentId: commitment.id });
    return { kind: "refused", refusal: "not_owner", ref: commitment.ref };
  }

  const contract = contracts.find((c) => c.id === commitment.contractId);
  const closed = contract?.closedAt ? await store.renewal.closure(contract.id) : null;
  if (closed) return { kind: "refused", refusal: "contract_closed", ref: commitment.ref, closed };
  const now = deps.now();
  // Today in the contract's own zone (the configured one only if the contract is gone meanwhile).
  const today = localDateOf(now, contract?.timezone ?? deps.config.schedule.timezone);
  const validation = validateProgressUpdate(input.form, {
    indicators: commitment.indicators,
    today,
    dueOn: commitment.dueOn,
    ...(contract ? { dateWindow: contractDateWindow(contract) } : {}),
  });
  if (!validation.ok) return { kind: "invalid", errors: validation.errors };

  const result = await store.updates.append(
    {
      commitmentId: commitment.id,
      authorId: input.userId,
      submissionKey: input.submissionKey,
      supersedesId: input.supersedesId,
      draft: validation.draft,
      dueProposal: validation.dueProposal,
      at: now,
      today,
    },
    facts,
  );
  switch (result.kind) {
    case "duplicate":
      return { kind: "duplicate", update: result.update };
    case "commitment_missing":
      return { kind: "refused", refusal: "gone", ref: commitment.ref };
    case "cannot_correct":
      return {
        kind: "refused",
        refusal: result.reason === "already_corrected" ? "already_corrected" : "not_own_update",
        ref: commitment.ref,
      };
    case "created": {
      return {
        kind: "recorded",
        recorded: {
          commitment,
          update: result.update,
          doneRequested: result.doneRequest !== null,
          requests: [result.doneRequest, result.dueDateRequest].filter((r): r is CommitmentRequest => r !== null),
          locale,
        },
      };
    }
  }
}

/**
 * Tells the author, the commitment's channel, its followers and, for a DONE request, the
 * coordinators. A failure is logged and the others still go out: the update is already stored.
 */
export async function notifyProgressUpdate(
  deps: AppDeps,
  notifier: ProgressNotifier,
  r: RecordedProgress,
): Promise<void> {
  const attempt = async (what: string, send: () => Promise<void>) => {
    try {
      await send();
    } catch (error) {
      deps.log.warn("progress.notify_failed", {
        what,
        updateId: r.update.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  const author = r.update.authorId;
  await attempt("author", () => notifier.confirmToAuthor(r));
  const { channelId, threadTs } = r.commitment;
  if (channelId) await attempt("channel", () => notifier.postToChannel(r, channelId, threadTs));
  for (const follower of r.commitment.followers) {
    if (follower !== author) await attempt("follower", () => notifier.notifyFollower(r, follower));
  }
  await askDeciders(
    deps,
    notifier,
    r.requests.map((request) => ({
      request,
      ref: r.commitment.ref,
      title: r.commitment.title,
      contractId: r.commitment.contractId,
    })),
    attempt,
    r,
  );
}

/** Each request goes to every coordinator but its requester, who cannot decide it. */
export async function askDeciders(
  deps: AppDeps,
  notifier: Pick<ProgressNotifier, "askCoordinator">,
  requests: readonly RequestWithRef[],
  attempt: (what: string, send: () => Promise<void>) => Promise<void>,
  from?: RecordedProgress,
): Promise<void> {
  if (requests.length === 0) return;
  // Roles are per contract: the deciders are the coordinators of the request's own contract.
  for (const request of requests)
    for (const coordinator of decidersFor(
      await coordinatorsOf(deps.store, request.contractId),
      request.request.requestedBy,
    ))
      await attempt("coordinator", () => notifier.askCoordinator(request, coordinator, from));
}
