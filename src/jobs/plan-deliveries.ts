import { setImmediate as turn } from "node:timers/promises";
import type { AppDeps } from "../app/deps.js";
import {
  CATCH_UP_LOOKBACK_DAYS,
  type PlanInput,
  type PlannedDelivery,
  planDueDeliveries,
  planningHorizonDays,
  planObsoleteDeliveries,
} from "../domain/reminders.js";
import { coordinatorsOf } from "../use-cases/role-of.js";

/** Milliseconds spent in each phase of planDeliveries (filled when the caller passes an object: benches). */
export type PlanTimings = Record<string, number>;

/** What is due at `now` and has never been claimed: the database decides, the clock only asks. */
export async function planDeliveries(deps: AppDeps, now: Date, timings?: PlanTimings): Promise<PlannedDelivery[]> {
  const { store, config } = deps;
  let t = performance.now();
  // Each phase ends by letting the event loop turn: with the embedded database every query runs on this
  // thread, and Slack's requests (acks within 3 s) must not wait for the whole pass.
  const lap = async (phase: string) => {
    const at = performance.now();
    if (timings) timings[phase] = (timings[phase] ?? 0) + (at - t);
    await turn();
    t = performance.now();
  };
  const horizon = new Date(now.getTime() + planningHorizonDays(config.schedule) * 86_400_000);
  const commitments = await store.schedule.listOwnedOpenForReminders();
  await lap("commitments");
  // Meetings held within the catch-up lookback too: their missed reminders are recorded as obsolete.
  const meetings = await store.meetings.listForPlan(
    new Date(now.getTime() - CATCH_UP_LOOKBACK_DAYS * 86_400_000),
    horizon,
  );
  const coordinators = await coordinatorsOf(store);
  const snoozes = await store.snoozes.listDue(now);
  await lap("meetings+roles+snoozes");
  const input: PlanInput = {
    now,
    settings: config.schedule,
    commitments,
    meetings,
    coordinators,
    digestChannel: config.digestChannel,
    snoozes,
  };
  const due = [...planDueDeliveries(input), ...planObsoleteDeliveries(input)];
  await lap("planDueDeliveries");
  const missing = await store.deliveries.missingKeys(due.map((d) => d.key));
  await lap("missingKeys");
  if (timings) timings.keys = due.length;
  return due.filter((d) => missing.has(d.key));
}
