import type { AppDeps } from "../app/deps.js";
import { planDueDeliveries, planningHorizonDays, type PlannedDelivery } from "../domain/reminders.js";

/** What is due at `now` and has never been claimed: the database decides, the clock only asks. */
export async function planDeliveries(deps: AppDeps, now: Date): Promise<PlannedDelivery[]> {
  const { store, config } = deps;
  const horizon = new Date(now.getTime() + planningHorizonDays(config.schedule) * 86_400_000);
  const commitments = await store.schedule.listOpenForReminders();
  const meetings = await store.meetings.listBetween(now, horizon);
  const coordinators = await store.roles.listByRole("COORDINATOR");
  const snoozes = await store.snoozes.listDue(now);
  const due = planDueDeliveries({
    now,
    settings: config.schedule,
    commitments,
    meetings,
    coordinators,
    digestChannel: config.digestChannel,
    snoozes,
  });
  const existing = await store.deliveries.existingKeys(due.map((d) => d.key));
  return due.filter((d) => !existing.has(d.key));
}
