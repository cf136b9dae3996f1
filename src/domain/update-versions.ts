// How a progress update takes its place in a commitment's history: append-only, a correction is a new
// version of the author's own update still in force, and the order of updates is the order they were written.
// Pure: the store asks this before it writes, inside the transaction that locks the commitment.
import { correctsHead, type UpdateRecord } from "./requests.js";

/** What the rules read of each update already stored for the commitment. */
export interface StoredUpdate extends UpdateRecord {
  authorId: string;
}

/** Why a correction cannot be stored: the update is not there, is someone else's, or was corrected already. */
export type CorrectionRefusal = "missing" | "not_author" | "already_corrected";

type UpdatePlacement =
  | {
      kind: "append";
      /** 1 for a new update; the corrected update's version + 1 for a correction. */
      version: number;
      /** When it is recorded: never at or before the newest stored update (ties within a millisecond). */
      at: Date;
      /** False when an older update is corrected after a newer one: the commitment's state does not move. */
      currentStateChanged: boolean;
    }
  | { kind: "cannot_correct"; reason: CorrectionRefusal };

export function placeUpdate(
  history: readonly StoredUpdate[],
  input: { authorId: string; supersedesId: string | null; at: Date },
): UpdatePlacement {
  let version = 1;
  if (input.supersedesId) {
    const target = history.find((u) => u.id === input.supersedesId);
    if (!target) return { kind: "cannot_correct", reason: "missing" };
    if (target.authorId !== input.authorId) return { kind: "cannot_correct", reason: "not_author" };
    if (history.some((u) => u.supersedesId === target.id))
      return { kind: "cannot_correct", reason: "already_corrected" };
    version = target.version + 1;
  }
  // The order of a commitment's updates is the order they were written, even within one millisecond; a
  // correction keeps the instant it was made.
  const newest = Math.max(0, ...history.map((u) => u.createdAt.getTime()));
  const at = input.supersedesId || input.at.getTime() > newest ? input.at : new Date(newest + 1);
  return { kind: "append", version, at, currentStateChanged: correctsHead(history, input.supersedesId) };
}

/**
 * The few updates of a history that `placeUpdate` reads, so that a store need not read them all: for a new update,
 * the newest one (its instant orders the new one after it); for a correction, the corrected update with its chain
 * up to the update it started from, the updates that already correct it, and the newest update that corrects
 * nothing (it starts the chain in force). `placeUpdate` over these answers as over the whole history.
 */
export function placementHistory<U extends StoredUpdate>(history: readonly U[], supersedesId: string | null): U[] {
  const newestOf = (us: readonly U[]): U[] => {
    const newest = us.reduce<U | null>((n, u) => (n && n.createdAt >= u.createdAt ? n : u), null);
    return newest ? [newest] : [];
  };
  if (supersedesId === null) return newestOf(history);
  const byId = new Map(history.map((u) => [u.id, u]));
  const kept = new Set<U>();
  for (let u = byId.get(supersedesId); u && !kept.has(u); u = u.supersedesId ? byId.get(u.supersedesId) : undefined)
    kept.add(u);
  for (const u of history) if (u.supersedesId === supersedesId) kept.add(u);
  for (const u of newestOf(history.filter((u) => !u.supersedesId || !byId.has(u.supersedesId)))) kept.add(u);
  return history.filter((u) => kept.has(u));
}
