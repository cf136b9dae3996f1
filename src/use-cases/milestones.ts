// A milestone (from a meeting's decision or the sheet) is dated and ticked off by the commitment's owners or a
// coordinator; ticking it off is recorded once, audited, told in the history and the digest, and its owners and
// followers are told.

import { contractDateWindow, type DateWindow, withinWindow } from "../domain/bounds.js";
import { isIsoDate } from "../domain/calendar.js";
import { localDateOf } from "../domain/due-instants.js";
import { canReportProgress } from "../domain/permissions.js";
import type { ClosedContract } from "../domain/renewal.js";
import type { Commitment } from "../domain/types.js";
import type { MilestoneOf } from "../store/milestones-repo.js";
import { zoneOfContract } from "./contract-zone.js";
import type { UseCaseDeps } from "./coordinators.js";
import { coordinatorsOf, roleOf } from "./role-of.js";

type Checked =
  | { kind: "ok"; commitment: Commitment; milestone: MilestoneOf }
  | { kind: "missing" }
  | { kind: "not_allowed"; commitment: Commitment; coordinators: string[] }
  /** Its contract was closed by its renewal: read-only. */
  | { kind: "closed"; closed: ClosedContract };

/** The milestone and its commitment, when this person may act on it (an owner, or a coordinator of its contract). */
async function checkActor(deps: UseCaseDeps, milestoneId: string, userId: string): Promise<Checked> {
  const milestone = await deps.store.milestones.findById(milestoneId);
  const commitment = milestone ? await deps.store.commitments.findById(milestone.commitmentId) : null;
  if (!milestone || !commitment) return { kind: "missing" };
  const closed = await deps.store.renewal.closure(commitment.contractId);
  if (closed) return { kind: "closed", closed };
  const role = await roleOf(deps.store, userId, commitment.contractId);
  if (!canReportProgress(commitment, userId, role))
    return { kind: "not_allowed", commitment, coordinators: await coordinatorsOf(deps.store, commitment.contractId) };
  return { kind: "ok", commitment, milestone };
}

type TickMilestoneResult =
  | Exclude<Checked, { kind: "ok" }>
  | { kind: "already"; commitment: Commitment; milestone: MilestoneOf; by: string | null }
  /** `tell`: the owners and followers to tell, the one who ticked it left out. */
  | { kind: "done"; commitment: Commitment; milestone: MilestoneOf; tell: string[] };

export async function tickMilestone(
  deps: UseCaseDeps,
  req: { milestoneId: string; actorId: string },
): Promise<TickMilestoneResult> {
  const checked = await checkActor(deps, req.milestoneId, req.actorId);
  if (checked.kind !== "ok") return checked;
  const { commitment } = checked;
  const now = deps.now();
  const outcome = await deps.store.milestones.markDone(
    req.milestoneId,
    req.actorId,
    localDateOf(now, await zoneOfContract(deps, commitment.contractId)),
    now,
  );
  if (outcome.kind === "missing") return { kind: "missing" };
  if (outcome.kind === "already") return { kind: "already", commitment, milestone: outcome.milestone, by: outcome.by };
  const tell = [...new Set([...commitment.owners, ...commitment.followers])].filter((u) => u !== req.actorId);
  return { kind: "done", commitment, milestone: outcome.milestone, tell };
}

export type DateMilestoneResult =
  | Exclude<Checked, { kind: "ok" }>
  /** What the form lacks: the milestone, a date, or a date within the contract's years (`window`). */
  | { kind: "invalid"; why: "no_milestone" | "no_date" | "outside"; window?: DateWindow }
  | { kind: "dated"; commitment: Commitment; milestone: MilestoneOf };

/** The milestone's date, chosen in the « Dater un jalon » form: a day of the contract's years. */
export async function dateMilestone(
  deps: UseCaseDeps,
  req: { milestoneId: string | null; actorId: string; dueOn: string | null },
): Promise<DateMilestoneResult> {
  if (!req.milestoneId) return { kind: "invalid", why: "no_milestone" };
  const checked = await checkActor(deps, req.milestoneId, req.actorId);
  if (checked.kind !== "ok") return checked;
  if (!req.dueOn || !isIsoDate(req.dueOn)) return { kind: "invalid", why: "no_date" };
  const contract = (await deps.store.contracts.list()).find((c) => c.id === checked.commitment.contractId);
  const window = contract ? contractDateWindow(contract) : undefined;
  if (window && !withinWindow(req.dueOn, window)) return { kind: "invalid", why: "outside", window };
  const milestone = await deps.store.milestones.setDate(req.milestoneId, req.actorId, req.dueOn, deps.now());
  if (!milestone) return { kind: "missing" };
  return { kind: "dated", commitment: checked.commitment, milestone };
}
