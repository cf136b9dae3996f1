import { absenceRouting } from "../domain/absence.js";
import { localDateOf, mayGoOutAt } from "../domain/due-instants.js";
import { type PlannedDelivery, parseDeliveryKey, recipientOf } from "../domain/reminder-keys.js";
import { foldedReminderMessage } from "../slack/views/folded-reminder.js";
import type { Reply } from "../slack/views/reply.js";
import type { Claim, DeliveryRecord } from "../store/delivery-rows.js";
import { type Work as ClaimWork, claimWork } from "./claim-work.js";
import type { JobDeps } from "./job-deps.js";
import { planDeliveries } from "./plan-deliveries.js";
import { createRenderCache, type FoldPiece, foldPieces, type RenderCache, renderDelivery } from "./render-delivery.js";

export interface PassReport {
  planned: number;
  retried: number;
  sent: number;
  /** Claimed by another process first (several instances): not ours to send. */
  skipped: number;
  failed: number;
  undeliverable: number;
  obsolete: number;
  /** Not sent because their recipient is away with no stand-in (meeting reminders and digests: away at all). */
  away: number;
  gaveUp: number;
  /** Retries that found the message already in Slack (crash after posting): recorded, not re-posted. */
  recovered: number;
  /** Slack messages posted: fewer than `sent` when items to one person were folded into one message. */
  messages: number;
  ms: number;
}

/** What a stand-in receives for the person they replace; meeting reminders and digests are not forwarded. */
const REDIRECTED_KINDS: ReadonlySet<string> = new Set(["deadline", "overdue", "overdue-cc", "checkin"]);

/** One delivery to serve in this pass: newly planned, or a row to retry. */
type Work = ClaimWork<PlannedDelivery>;

const targetOf = (w: Work) => (w.kind === "new" ? w.p.target : w.row.target);
const keyOf = (w: Work) => (w.kind === "new" ? w.p.key : w.row.key);

/** A delivery this process holds the claim of. */
interface Held {
  key: string;
  claim: Claim;
  dueAt: Date;
  retry: boolean;
}

/** A report of nothing done yet. */
export const emptyReport = (): PassReport => ({
  planned: 0,
  retried: 0,
  sent: 0,
  skipped: 0,
  failed: 0,
  undeliverable: 0,
  obsolete: 0,
  away: 0,
  gaveUp: 0,
  recovered: 0,
  messages: 0,
  ms: 0,
});

export async function sendDueDeliveries(deps: JobDeps, now: Date): Promise<PassReport> {
  const started = performance.now();
  const { store, delivery: opt, log } = deps;
  const report = emptyReport();

  const staleBefore = new Date(now.getTime() - opt.staleAfterMinutes * 60_000);
  const shared = deps.pass?.shared;

  for (const row of shared?.exhausted ??
    (await store.deliveries.listExhausted(staleBefore, opt.maxAttempts, "slack", deps.pass?.deliveries))) {
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
  const today = localDateOf(now, deps.config.schedule.timezone);
  const route = absenceRouting(shared?.absences ?? (await store.absences.listActiveOn(today)), today);
  const cache = createRenderCache(deps, now, deps.sender);
  // A retry of a message whose slot has long passed waits for a decent hour in its contract's zone, like any
  // catch-up; one to a person now away waits for their return.
  const retries: DeliveryRecord[] = [];
  for (const row of shared?.retryable ??
    (await store.deliveries.listRetryable(staleBefore, opt.maxAttempts, 500, "slack", deps.pass?.deliveries))) {
    const settings = await cache.settingsOf(row.contractId ?? undefined);
    if (mayGoOutAt(row.dueAt, now, settings) && route(row.target).to === "self") retries.push(row);
  }
  const all = shared?.planned ?? (await planDeliveries(deps, now, undefined, deps.pass?.contracts));
  // Reminders whose purpose passed while Vigie was down: their keys are recorded, nothing is sent.
  const obsolete = all.filter((p) => p.obsolete);
  if (obsolete.length > 0) {
    const recorded = await store.deliveries.recordUnsent(obsolete, { kind: "obsolete" }, now, deps.instanceId);
    report.obsolete += recorded;
    log.info("delivery.obsolete_recorded", { count: recorded, keys: obsolete.slice(0, 20).map((p) => p.key) });
  }
  const planned: PlannedDelivery[] = [];
  // A person away: their deadline, overdue and check-in reminders (and coordinators' copies) go to their
  // stand-in, under the same keys; with no stand-in, and for meeting reminders and digests, they are recorded
  // as skipped (the coordinators' digest lists what waits for them).
  const skipped = new Map<string, PlannedDelivery[]>();
  for (const p of all) {
    if (p.obsolete) continue;
    const r = route(p.target);
    if (r.to === "self") planned.push(p);
    else if (r.to === "stand-in" && REDIRECTED_KINDS.has(p.ref.kind)) planned.push({ ...p, target: r.standInId });
    else {
      const why = `away until ${r.absence.endsOn}${r.to === "stand-in" ? " (not forwarded to the stand-in)" : ", no stand-in"}`;
      skipped.set(why, [...(skipped.get(why) ?? []), p]);
    }
  }
  for (const [why, rows] of skipped) {
    report.away += await store.deliveries.recordUnsent(rows, { kind: "skipped", why }, now, deps.instanceId);
    log.info("delivery.away", { why, keys: rows.slice(0, 20).map((p) => p.key) });
  }
  report.planned = planned.length;
  const work: Work[] = [
    ...retries.map((row): Work => ({ kind: "retry", row })),
    ...planned.map((p): Work => ({ kind: "new", p })),
  ];

  // One unit of work per recipient: all that is due to one person at this pass goes in one message
  // (deadline, overdue and check-in reminders, coordinators' copies), each item under its own key. At most
  // `lanes` recipients are served at once; the sender keeps each channel to ~1 message/s.
  const byTarget = new Map<string, Work[]>();
  for (const w of work) {
    const list = byTarget.get(targetOf(w));
    if (list) list.push(w);
    else byTarget.set(targetOf(w), [w]);
  }
  const queue = [...byTarget.entries()];
  let next = 0;
  const lane = async () => {
    while (next < queue.length && !deps.stopping?.()) {
      const [target, items] = queue[next++] as [string, Work[]];
      try {
        await serveRecipient(deps, cache, target, items, staleBefore, now, report);
      } catch (error) {
        // A database hiccup on one recipient must not stop the others; the claims are retried later.
        report.failed += 1;
        log.error("delivery.error", {
          keys: items.map(keyOf),
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

/**
 * Everything due to one recipient at this pass. Each item is claimed under its own key first. Retried
 * items are looked up in the recipient's conversation (every message carries its delivery keys in
 * Slack's metadata): found, the row is completed with that ts; not found, it is posted again; Slack
 * cannot tell (error, missing history scope), nothing is posted and the attempt counts — after
 * `maxAttempts` the delivery is given up and reported in the digest. We prefer a reported gap to a
 * duplicate. Then the deadline, overdue and check-in items (and coordinators' copies) go out folded in
 * one message; meeting reminders and digests go out on their own.
 */
async function serveRecipient(
  deps: JobDeps,
  cache: RenderCache,
  target: string,
  items: readonly Work[],
  staleBefore: Date,
  now: Date,
  report: PassReport,
): Promise<void> {
  const { store, log } = deps;
  let held: Held[] = [];
  for (const w of items) {
    const claim = await claimWork(deps, w, staleBefore, now, report);
    if (!claim) continue;
    held.push({ key: claim.key, claim, dueAt: w.kind === "new" ? w.p.dueAt : w.row.dueAt, retry: w.kind === "retry" });
  }

  const retried = held.filter((h) => h.retry);
  if (retried.length > 0) {
    const since = new Date(Math.min(...retried.map((h) => h.dueAt.getTime())));
    const check = await deps.sender.findPosted(
      target,
      retried.map((h) => h.key),
      since,
    );
    if (check.posted === "unknown") {
      for (const h of retried) await store.deliveries.markFailed(h.claim, `unverified: ${check.reason}`);
      report.failed += retried.length;
      held = held.filter((h) => !h.retry);
    } else {
      for (const h of retried) {
        const ts = check.posted.get(h.key);
        if (!ts) continue;
        await store.deliveries.markSent(h.claim, { channel: check.channel, ts, at: now });
        report.recovered += 1;
        log.info("delivery.recovered", { key: h.key, ts });
      }
      held = held.filter((h) => !check.posted.has(h.key));
    }
  }
  if (held.length === 0) return;

  const locale = await deps.sender.localeOf(target);
  const pieces: { h: Held; piece: FoldPiece }[] = [];
  for (const h of held) {
    const ref = parseDeliveryKey(h.key);
    const rendered = ref
      ? await renderDelivery(deps, cache, { ...ref, key: h.key }, now, locale)
      : { obsolete: "unknown key" };
    // Sent to a stand-in: the section says for whom.
    const meantFor = ref ? recipientOf(ref.ref) : target;
    if ("piece" in rendered && meantFor !== target) rendered.piece = { ...rendered.piece, onBehalfOf: meantFor };
    if ("obsolete" in rendered) {
      await store.deliveries.markObsolete(h.claim);
      report.obsolete += 1;
      log.debug("delivery.obsolete", { key: h.key, why: rendered.obsolete });
    } else if ("piece" in rendered) pieces.push({ h, piece: rendered.piece });
    else await deliver(deps, [h], target, rendered, report, now);
  }
  if (pieces.length === 0) return;
  // Each item in its contract's zone: one message per zone (one, but for a person in contracts of several zones),
  // its « today », dates and hours read there.
  const byZone = new Map<string, { h: Held; piece: FoldPiece }[]>();
  for (const p of pieces) {
    const about = p.piece.kind === "checkin" ? p.piece.meeting.contractId : p.piece.commitment.contractId;
    const tz = (await cache.settingsOf(about)).timezone;
    byZone.set(tz, [...(byZone.get(tz) ?? []), p]);
  }
  for (const [tz, group] of byZone) {
    const reply = foldedReminderMessage(
      foldPieces(
        group.map((p) => p.piece),
        { today: localDateOf(now, tz), timezone: tz, locale },
      ),
    );
    await deliver(
      deps,
      group.map((p) => p.h),
      target,
      { reply },
      report,
      now,
    );
  }
}

/** Posts one message standing for the `held` deliveries, and records the outcome under each key. */
async function deliver(
  deps: JobDeps,
  held: readonly Held[],
  target: string,
  rendered: { reply: Reply; afterSent?: (posted: { channel: string; ts: string }) => Promise<void> },
  report: PassReport,
  now: Date,
): Promise<void> {
  const { store, log } = deps;
  const keys = held.map((h) => h.key);
  const result = await deps.sender.post({ channel: target, keys, ...rendered.reply });
  if (result.ok) {
    for (const h of held) {
      if (!(await store.deliveries.markSent(h.claim, { channel: result.channel, ts: result.ts, at: now }))) {
        log.warn("delivery.claim_lost", { key: h.key });
      }
    }
    report.sent += held.length;
    report.messages += 1;
    await rendered.afterSent?.({ channel: result.channel, ts: result.ts });
  } else if (result.undeliverable) {
    for (const h of held) await store.deliveries.markUndeliverable(h.claim, result.reason, now);
    report.undeliverable += held.length;
    log.warn("delivery.undeliverable", { keys, target, reason: result.reason });
  } else {
    for (const h of held) await store.deliveries.markFailed(h.claim, result.reason);
    report.failed += held.length;
    log.warn("delivery.failed", { keys, target, reason: result.reason });
  }
}
