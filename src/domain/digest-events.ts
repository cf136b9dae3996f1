// What happened to commitments in a digest's window, read from the audit trail that every change writes in
// its own transaction: each change once, with its true before → after, refusals as refusals. Pure.
import type { ProgressState } from "./requests.js";
import { type AuditEntry, type IsoDate, isStatus } from "./types.js";

/** The audit actions a digest tells. */
export const DIGEST_ACTIONS = [
  "progress.update",
  "progress.correct",
  "commitment.done_confirmed",
  "commitment.done_rejected",
  "commitment.due_date_requested",
  "commitment.due_date_confirmed",
  "commitment.due_date_refused",
  "milestone.done",
] as const;

export type DigestEvent =
  | { kind: "done_requested"; at: Date; actorId: string }
  | { kind: "done_confirmed"; at: Date; actorId: string; requestedBy: string | null }
  | { kind: "done_refused"; at: Date; actorId: string; requestedBy: string | null; reason: string | null }
  | { kind: "due_date_requested"; at: Date; actorId: string; from: IsoDate | null; to: IsoDate | null }
  | { kind: "due_date_confirmed"; at: Date; actorId: string; from: IsoDate | null; to: IsoDate | null }
  | { kind: "due_date_refused"; at: Date; actorId: string; reason: string | null }
  | { kind: "milestone_done"; at: Date; actorId: string; title: string };

/** One commitment's week: its state before and after the window, its updates and what was asked or decided. */
export interface CommitmentWeek {
  commitmentId: string;
  /** State when the window opened and when it closed (null when nothing in the window moved it). */
  before: ProgressState | null;
  after: ProgressState | null;
  /** A « Réalisé » still waiting when the window closed. */
  pendingAtEnd: boolean;
  updates: number;
  events: DigestEvent[];
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
function state(v: unknown): ProgressState | null {
  const r = record(v);
  return isStatus(r.status) && typeof r.progress === "number" ? { status: r.status, progress: r.progress } : null;
}

/** The audit entries of the window (any order), grouped per commitment, oldest first within each. */
export function commitmentWeeks(entries: readonly AuditEntry[]): CommitmentWeek[] {
  const sorted = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.id) - Number(b.id));
  const weeks = new Map<string, CommitmentWeek>();
  for (const e of sorted) {
    const d = record(e.details);
    const w =
      weeks.get(e.entityId) ??
      ({
        commitmentId: e.entityId,
        before: null,
        after: null,
        pendingAtEnd: false,
        updates: 0,
        events: [],
      } as CommitmentWeek);
    weeks.set(e.entityId, w);
    const base = { at: e.at, actorId: e.actorId };
    const from = state(d.from);
    const to = state(d.to);
    // The first recorded move opens the window's « before », the last one closes its « after ».
    if (to) {
      if (w.after === null) w.before = from;
      w.after = to;
    }
    switch (e.action) {
      case "progress.update":
      case "progress.correct":
        w.updates += 1;
        if (to) w.pendingAtEnd = d.doneRequested === true;
        if (d.doneRequested === true) w.events.push({ ...base, kind: "done_requested" });
        break;
      case "commitment.done_confirmed":
        w.pendingAtEnd = false;
        w.events.push({ ...base, kind: "done_confirmed", requestedBy: text(d.requestedBy) });
        break;
      case "commitment.done_rejected":
        w.pendingAtEnd = false;
        w.events.push({ ...base, kind: "done_refused", requestedBy: text(d.requestedBy), reason: text(d.reason) });
        break;
      case "commitment.due_date_requested":
        w.events.push({ ...base, kind: "due_date_requested", from: text(d.dueOnFrom), to: text(d.dueOnTo) });
        break;
      case "commitment.due_date_confirmed":
        w.events.push({ ...base, kind: "due_date_confirmed", from: text(d.dueOnFrom), to: text(d.dueOnTo) });
        break;
      case "commitment.due_date_refused":
        w.events.push({ ...base, kind: "due_date_refused", reason: text(d.reason) });
        break;
      case "milestone.done":
        w.events.push({ ...base, kind: "milestone_done", title: text(d.title) ?? "?" });
        break;
    }
  }
  return [...weeks.values()];
}
