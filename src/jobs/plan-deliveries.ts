import { setImmediate as turn } from "node:timers/promises";
import type { AppDeps } from "../app/deps.js";
import { contractSchedule } from "../domain/contract-schedule.js";
import { planInvitations } from "../domain/invitation-plan.js";
import { CATCH_UP_LOOKBACK_DAYS, planObsoleteDeliveries } from "../domain/obsolete-reminders.js";
import { type PlannedDelivery, parseDeliveryKey } from "../domain/reminder-keys.js";
import { type PlanInput, planDueDeliveries, planningHorizonDays } from "../domain/reminders.js";
import type { Contract } from "../domain/types.js";

/** Milliseconds spent in each phase of planDeliveries (filled when the caller passes an object: benches). */
export type PlanTimings = Record<string, number>;

/**
 * The contracts a pass serves: one workspace's in OAuth mode (its token sends them), every contract otherwise.
 * The first contract ever keeps the keys it had before contracts had their own deliveries.
 */
export interface PassContracts {
  contracts: readonly Contract[];
  firstContractId: string | null;
}

/**
 * Every open contract, when the pass is not limited to one workspace's. A contract closed by its renewal is left
 * out: its digest and reminders stop.
 */
export async function allContracts(deps: Pick<AppDeps, "store">): Promise<PassContracts> {
  const contracts = (await deps.store.contracts.list()).filter((c) => !c.closedAt);
  return { contracts, firstContractId: (await deps.store.contracts.findFirstEver())?.id ?? null };
}

const groupBy = <T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const list = out.get(key(i));
    if (list) list.push(i);
    else out.set(key(i), [i]);
  }
  return out;
};

/**
 * What is due at `now` and has never been claimed: the database decides, the clock only asks. Each contract is
 * planned with its own settings (time zone, digest day and hours, reminder hour), coordinators and digest
 * channel; every delivery carries its contract.
 */
export async function planDeliveries(
  deps: AppDeps,
  now: Date,
  timings?: PlanTimings,
  pass?: PassContracts,
): Promise<PlannedDelivery[]> {
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
  const { contracts, firstContractId } = pass ?? (await allContracts(deps));
  const horizon = new Date(now.getTime() + planningHorizonDays(config.schedule) * 86_400_000);
  // A workspace's pass reads its own contracts' rows only.
  const ids = pass ? contracts.map((c) => c.id) : undefined;
  const commitments = groupBy(await store.schedule.listOwnedOpenForReminders(ids), (c) => c.contractId);
  await lap("commitments");
  // Meetings held within the catch-up lookback too: their missed reminders are recorded as obsolete.
  const meetingList = await store.meetings.listForPlan(
    new Date(now.getTime() - CATCH_UP_LOOKBACK_DAYS * 86_400_000),
    horizon,
    ids,
  );
  const meetings = groupBy(meetingList, (m) => m.contractId);
  const coordinators = await store.roles.coordinatorsByContract();
  const snoozes = snoozesByContract(await store.snoozes.listDue(now), commitments, meetingList, firstContractId);
  await lap("meetings+roles+snoozes");
  const due: PlannedDelivery[] = [];
  for (const contract of contracts) {
    const first = contract.id === firstContractId;
    const input: PlanInput = {
      now,
      settings: contractSchedule(config.schedule, contract),
      commitments: commitments.get(contract.id) ?? [],
      meetings: meetings.get(contract.id) ?? [],
      coordinators: coordinators.get(contract.id) ?? [],
      digestChannel: contract.digestChannelId ?? (first ? config.digestChannel : undefined),
      ...(first ? {} : { digestContractId: contract.id }),
      snoozes: snoozes.get(contract.id) ?? [],
    };
    for (const d of [...planDueDeliveries(input), ...planObsoleteDeliveries(input)])
      due.push({ ...d, contractId: contract.id });
  }
  // Meeting invitations, updates and cancellations to the Slack attendees, with their .ics (issue 12).
  const settings = new Map(contracts.map((c) => [c.id, contractSchedule(config.schedule, c)]));
  due.push(
    ...planInvitations(
      // A closed contract's meetings (left out of `contracts`) get no invitation either.
      (await store.meetings.listForInvitations(now, ids)).filter((m) => settings.has(m.contractId)),
      now,
      (id) => settings.get(id) ?? config.schedule,
    ),
  );
  await lap("planDueDeliveries");
  const missing = await store.deliveries.missingKeys(due.map((d) => d.key));
  await lap("missingKeys");
  if (timings) timings.keys = due.length;
  return due.filter((d) => missing.has(d.key));
}

/** Each due snooze under the contract of what it is about (a commitment, a meeting, a digest). */
function snoozesByContract(
  snoozes: readonly { key: string; until: Date }[],
  commitments: ReadonlyMap<string, readonly { id: string }[]>,
  meetings: readonly { id: string; contractId: string }[],
  firstContractId: string | null,
): Map<string, { key: string; until: Date }[]> {
  const contractOf = new Map<string, string>();
  for (const [contractId, list] of commitments) for (const c of list) contractOf.set(c.id, contractId);
  for (const m of meetings) contractOf.set(m.id, m.contractId);
  const out = new Map<string, { key: string; until: Date }[]>();
  for (const z of snoozes) {
    const ref = parseDeliveryKey(z.key)?.ref;
    if (!ref) continue;
    // A subject closed, ownerless or gone: planned with the first contract, where it is recorded as obsolete.
    const subject =
      (ref.kind === "digest"
        ? ref.contractId
        : contractOf.get("meetingId" in ref ? ref.meetingId : ref.commitmentId)) ?? firstContractId;
    if (!subject) continue;
    const list = out.get(subject);
    if (list) list.push(z);
    else out.set(subject, [z]);
  }
  return out;
}
