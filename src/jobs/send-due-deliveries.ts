import { type PlannedDelivery, parseDeliveryKey } from "../domain/reminders.js";
import type { Claim, DeliveryRecord } from "../store/deliveries-repo.js";
import type { JobDeps } from "./job-deps.js";
import { planDeliveries } from "./plan-deliveries.js";
import { createRenderCache, type RenderCache, renderDelivery } from "./render-delivery.js";

export interface PassReport {
  planned: number;
  retried: number;
  sent: number;
  /** Claimed by another process first (several instances): not ours to send. */
  skipped: number;
  failed: number;
  undeliverable: number;
  obsolete: number;
  gaveUp: number;
  /** Retries that found the message already in Slack (crash after posting): recorded, not re-posted. */
  recovered: number;
  ms: number;
}

type Work = { kind: "new"; p: PlannedDelivery } | { kind: "retry"; row: DeliveryRecord };

const targetOf = (w: Work) => (w.kind === "new" ? w.p.target : w.row.target);

/**
 * One scheduler pass at `now`: gives up what has failed too often, retries abandoned claims and failed
 * attempts, then sends what fell due and was never claimed. Every message is claimed in the database
 * (unique key) right before it is posted, so two processes never send the same delivery.
 */
export async function sendDueDeliveries(deps: JobDeps, now: Date): Promise<PassReport> {
  const started = performance.now();
  const { store, delivery: opt, log } = deps;
  const report: PassReport = {
    planned: 0,
    retried: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    undeliverable: 0,
    obsolete: 0,
    gaveUp: 0,
    recovered: 0,
    ms: 0,
  };
  const staleBefore = new Date(now.getTime() - opt.staleAfterMinutes * 60_000);

  for (const row of await store.deliveries.listExhausted(staleBefore, opt.maxAttempts)) {
    if (
      await store.deliveries.giveUp(
        row.key,
        row.attempts,
        `gave_up after ${row.attempts} attempts: ${row.error ?? "no answer"}`,
        now,
      )
    ) {
      report.gaveUp += 1;
      log.warn("delivery.gave_up", { key: row.key, attempts: row.attempts, error: row.error });
    }
  }
  const retries = await store.deliveries.listRetryable(staleBefore, opt.maxAttempts);
  const planned = await planDeliveries(deps, now);
  report.planned = planned.length;
  const work: Work[] = [
    ...retries.map((row): Work => ({ kind: "retry", row })),
    ...planned.map((p): Work => ({ kind: "new", p })),
  ];

  // Round-robin over recipients: every recipient's first message, then every second one… so that a
  // lane rarely waits for a channel's next slot (the sender keeps each channel to ~1 message/s) while
  // other recipients are ready. At most `lanes` messages are in flight at once.
  const byTarget = new Map<string, Work[]>();
  for (const w of work) {
    const list = byTarget.get(targetOf(w));
    if (list) list.push(w);
    else byTarget.set(targetOf(w), [w]);
  }
  const queue: Work[] = [];
  for (let round = 0, added = true; added; round++) {
    added = false;
    for (const list of byTarget.values()) {
      const w = list[round];
      if (w) {
        queue.push(w);
        added = true;
      }
    }
  }
  const cache = createRenderCache(deps, now, deps.sender);
  let next = 0;
  const lane = async () => {
    while (next < queue.length && !deps.stopping?.()) {
      const w = queue[next++] as Work;
      try {
        await (w.kind === "new"
          ? sendNew(deps, cache, w.p, now, report)
          : retry(deps, cache, w.row, staleBefore, now, report));
      } catch (error) {
        // A database hiccup on one message must not stop the others; the claim is retried later.
        report.failed += 1;
        log.error("delivery.error", {
          key: w.kind === "new" ? w.p.key : w.row.key,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opt.lanes) }, lane));
  report.ms = Math.round(performance.now() - started);
  if (report.sent || report.failed || report.undeliverable || report.gaveUp) log.info("scheduler.pass", { ...report });
  return report;
}

async function sendNew(
  deps: JobDeps,
  cache: RenderCache,
  p: PlannedDelivery,
  now: Date,
  report: PassReport,
): Promise<void> {
  const claim = await deps.store.deliveries.claim(p, now, deps.instanceId);
  if (!claim) {
    report.skipped += 1;
    return;
  }
  await deliver(deps, cache, claim, p.key, p.target, now, report);
}

/**
 * A retry must never post twice. Every message carries its delivery key in Slack's message metadata;
 * before posting again, the retry reads the recipient's conversation since the delivery fell due. Found:
 * the earlier attempt did post (the process died before writing `ts`), so the row is completed with
 * that ts. Not found: it is posted now. Cannot tell (Slack error, missing history scope): nothing is
 * posted, the attempt counts, and after `maxAttempts` the delivery is given up and reported in the
 * digest. We prefer a reported gap to a duplicate.
 */
async function retry(
  deps: JobDeps,
  cache: RenderCache,
  row: DeliveryRecord,
  staleBefore: Date,
  now: Date,
  report: PassReport,
): Promise<void> {
  const claim = await deps.store.deliveries.reclaim(row, staleBefore, now, deps.instanceId);
  if (!claim) {
    report.skipped += 1;
    return;
  }
  report.retried += 1;
  const check = await deps.sender.findPosted(row.target, row.key, row.dueAt);
  if (check.posted === true) {
    await deps.store.deliveries.markSent(claim, { channel: check.channel, ts: check.ts, at: now });
    report.recovered += 1;
    deps.log.info("delivery.recovered", { key: row.key, ts: check.ts });
    return;
  }
  if (check.posted === "unknown") {
    await deps.store.deliveries.markFailed(claim, `unverified: ${check.reason}`);
    report.failed += 1;
    return;
  }
  await deliver(deps, cache, claim, row.key, row.target, now, report);
}

async function deliver(
  deps: JobDeps,
  cache: RenderCache,
  claim: Claim,
  key: string,
  target: string,
  now: Date,
  report: PassReport,
): Promise<void> {
  const { store, log } = deps;
  const ref = parseDeliveryKey(key);
  const rendered = ref ? await renderDelivery(deps, cache, { ...ref, key }, now) : { obsolete: "unknown key" };
  if ("obsolete" in rendered) {
    await store.deliveries.markObsolete(claim);
    report.obsolete += 1;
    log.debug("delivery.obsolete", { key, why: rendered.obsolete });
    return;
  }
  const result = await deps.sender.post({ channel: target, key, ...rendered.reply });
  if (result.ok) {
    if (!(await store.deliveries.markSent(claim, { channel: result.channel, ts: result.ts, at: now }))) {
      log.warn("delivery.claim_lost", { key });
    }
    report.sent += 1;
    await rendered.afterSent?.();
  } else if (result.undeliverable) {
    await store.deliveries.markUndeliverable(claim, result.reason, now);
    report.undeliverable += 1;
    log.warn("delivery.undeliverable", { key, target, reason: result.reason });
  } else {
    await store.deliveries.markFailed(claim, result.reason);
    report.failed += 1;
    log.warn("delivery.failed", { key, target, reason: result.reason });
  }
}
