// The first step of every scheduled sending, Slack message or e-mail: claim a new key, or take over a row to
// retry; counted in the pass's report (skipped when another process holds it).
import type { Claim, DeliveryRecord } from "../store/delivery-rows.js";
import type { JobDeps } from "./job-deps.js";

/** One delivery to serve in a pass: newly planned, or a row to retry. */
export type Work<P> = { kind: "new"; p: P } | { kind: "retry"; row: DeliveryRecord };

type Planned = { key: string; kind: string; target: string; occurrence: string; dueAt: Date };

export async function claimWork<P extends Planned>(
  deps: Pick<JobDeps, "store" | "instanceId">,
  w: Work<P>,
  staleBefore: Date,
  now: Date,
  report: { skipped: number; retried: number },
): Promise<Claim | null> {
  const claim =
    w.kind === "new"
      ? await deps.store.deliveries.claim(w.p, now, deps.instanceId)
      : await deps.store.deliveries.reclaim(w.row, staleBefore, now, deps.instanceId);
  if (!claim) report.skipped += 1;
  else if (w.kind === "retry") report.retried += 1;
  return claim;
}
