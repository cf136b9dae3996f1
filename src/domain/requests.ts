// Requests that need a second person: « Réalisé » and a
// new due date are asked by an owner and decided by a coordinator other than the requester. Pure: the
// commitment's state is derived here from what was recorded, by the store when it writes and by anyone
// who replays the history, so that every surface shows the same thing.
import type { IsoDate, Status } from "./types.js";

export const REQUEST_KINDS = ["DONE", "DUE_DATE"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export type RequestDecision = "CONFIRMED" | "REFUSED" | "WITHDRAWN";

export interface CommitmentRequest {
  id: string;
  commitmentId: string;
  kind: RequestKind;
  requestedBy: string;
  requestedAt: Date;
  /** The progress update that made the request, when it came from the progress form. */
  updateId: string | null;
  evidenceUrl: string | null;
  evidence: string | null;
  /** Why a new date is needed (DUE_DATE). */
  reason: string | null;
  proposedDueOn: IsoDate | null;
  /** The state the commitment had when it was asked: a refusal puts it back. */
  statusBefore: Status;
  progressBefore: number;
  dueOnBefore: IsoDate | null;
  decision: RequestDecision | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  refusalReason: string | null;
}

/** A request nobody has decided yet, as lists and sheets show it. */
export type PendingRequest = Pick<
  CommitmentRequest,
  | "id"
  | "kind"
  | "requestedBy"
  | "requestedAt"
  | "evidenceUrl"
  | "evidence"
  | "reason"
  | "proposedDueOn"
  | "dueOnBefore"
  | "statusBefore"
>;

export interface ProgressState {
  status: Status;
  progress: number;
}

/** « Réalisé » sets progress to 100 %: a request, its confirmation and a DONE update all say so. */
export const DONE_PROGRESS = 100;

// ---------------------------------------------------------------------------------------------
// Who may decide

export type DecisionRefusal = "not_coordinator" | "own_request";

/** A coordinator other than the requester decides; null when `userId` may. */
export function whyCannotDecide(
  request: Pick<CommitmentRequest, "requestedBy">,
  userId: string,
  isCoordinator: boolean,
): DecisionRefusal | null {
  if (!isCoordinator) return "not_coordinator";
  if (request.requestedBy === userId) return "own_request";
  return null;
}

/** The coordinators who can decide a request of `requesterId`: every coordinator but the requester. */
export const decidersFor = (coordinators: readonly string[], requesterId: string): string[] =>
  coordinators.filter((c) => c !== requesterId);

// ---------------------------------------------------------------------------------------------
// State from history

/** The part of a progress update that places it in the history. */
export interface UpdateRecord extends ProgressState {
  id: string;
  supersedesId: string | null;
  createdAt: Date;
  version: number;
}

/**
 * The update in force that sets the commitment's state: the latest version of the newest chain (a
 * chain is an update and its corrections; a correction takes the place of the update it corrects, so
 * correcting an older update leaves the current state as it is). Null when there is no update.
 */
export function headUpdate<U extends UpdateRecord>(updates: readonly U[]): U | null {
  const byId = new Map(updates.map((u) => [u.id, u]));
  const rootOf = (u: U): U => {
    let r = u;
    for (let i = 0; r.supersedesId && i < updates.length; i++) {
      const parent = byId.get(r.supersedesId);
      if (!parent) break;
      r = parent;
    }
    return r;
  };
  let head: { root: U; last: U } | null = null;
  for (const u of updates) {
    const root = rootOf(u);
    const newerChain = !head || root.createdAt > head.root.createdAt;
    const sameChain = head && root.id === head.root.id;
    if (newerChain) head = { root, last: u };
    else if (sameChain && head && u.version > head.last.version) head.last = u;
  }
  return head?.last ?? null;
}

/** The root of `update`'s chain is the root of the head chain: storing it changes the current state. */
export function correctsHead<U extends UpdateRecord>(updates: readonly U[], supersedesId: string | null): boolean {
  if (supersedesId === null) return true;
  const head = headUpdate(updates);
  if (!head) return false;
  const byId = new Map(updates.map((u) => [u.id, u]));
  const root = (id: string): string => {
    let r = byId.get(id);
    for (let i = 0; r?.supersedesId && i < updates.length; i++) r = byId.get(r.supersedesId) ?? r;
    return r?.id ?? id;
  };
  return root(supersedesId) === root(head.id);
}

/** A DONE request's effect on the state, as decided at the instant the state is read. */
function stateOfDoneRequest(r: CommitmentRequest): ProgressState {
  switch (r.decision) {
    case null:
      return { status: r.statusBefore, progress: DONE_PROGRESS };
    case "CONFIRMED":
      return { status: "DONE", progress: DONE_PROGRESS };
    default:
      return { status: r.statusBefore, progress: r.progressBefore };
  }
}

/** `r` as it stood at `at`: a decision taken later is still pending then. */
export function requestAsOf(r: CommitmentRequest, at: Date): CommitmentRequest {
  return r.decidedAt && r.decidedAt > at ? { ...r, decision: null, decidedBy: null, decidedAt: null } : r;
}

/**
 * The status and progress a commitment has, recomputed from what was recorded: its state when created
 * (`initial`), its updates and its requests. With `at`, as it stood at that instant.
 */
export function replayState(
  initial: ProgressState,
  updates: readonly UpdateRecord[],
  requests: readonly CommitmentRequest[],
  at?: Date,
): ProgressState {
  const seen = at ? updates.filter((u) => u.createdAt <= at) : updates;
  const head = headUpdate(seen);
  if (!head) return initial;
  const request = requests.find((r) => r.kind === "DONE" && r.updateId === head.id);
  if (!request) return { status: head.status, progress: head.progress };
  return stateOfDoneRequest(at ? requestAsOf(request, at) : request);
}

/** What storing an update in force does to the state and to a pending « Réalisé ». */
export interface UpdateStep {
  state: ProgressState;
  /** The pending DONE request is replaced by this update. */
  withdrawPending: boolean;
  /** The update asks for « Réalisé »: a request is opened with this state before it. */
  openRequest: ProgressState | null;
}

/**
 * The one rule for an update that becomes the head: a pending request is withdrawn (the newer word
 * wins), DONE on a commitment not yet done opens a request and sets progress to 100 % while the status
 * stays as it was; anything else sets status and progress as reported.
 */
export function stepForUpdate(
  current: ProgressState,
  pendingDone: Pick<CommitmentRequest, "statusBefore" | "progressBefore"> | null,
  reported: ProgressState,
): UpdateStep {
  const settled = pendingDone ? { status: pendingDone.statusBefore, progress: pendingDone.progressBefore } : current;
  if (reported.status === "DONE" && settled.status !== "DONE") {
    return {
      state: { status: settled.status, progress: DONE_PROGRESS },
      withdrawPending: pendingDone !== null,
      openRequest: settled,
    };
  }
  return {
    state: { status: reported.status, progress: reported.progress },
    withdrawPending: pendingDone !== null,
    openRequest: null,
  };
}

/** What a decision does to the state of the commitment (DONE) or to its due date (DUE_DATE). */
export function stateAfterDecision(
  r: Pick<CommitmentRequest, "kind" | "statusBefore" | "progressBefore">,
  decision: "CONFIRMED" | "REFUSED",
): ProgressState | null {
  if (r.kind !== "DONE") return null;
  return decision === "CONFIRMED"
    ? { status: "DONE", progress: DONE_PROGRESS }
    : { status: r.statusBefore, progress: r.progressBefore };
}

/** The pending « Réalisé » of a commitment, if any. */
export const pendingDoneOf = <R extends Pick<PendingRequest, "kind">>(pending: readonly R[]): R | null =>
  pending.find((p) => p.kind === "DONE") ?? null;

/** The pending new due date of a commitment, if any. */
export const pendingDueDateOf = <R extends Pick<PendingRequest, "kind">>(pending: readonly R[]): R | null =>
  pending.find((p) => p.kind === "DUE_DATE") ?? null;
