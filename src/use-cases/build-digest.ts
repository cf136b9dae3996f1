import type { AppDeps } from "../app/deps.js";
import { absenceRouting } from "../domain/absence.js";
import { contractSchedule } from "../domain/contract-schedule.js";
import { computeDigest, DIGEST_HORIZON_DAYS, type Digest, digestCandidates } from "../domain/digest.js";
import { commitmentWeeks, DIGEST_ACTIONS } from "../domain/digest-events.js";
import { isoWeekOf, localDateOf, type ScheduleSettings, weeklyDigestInstant } from "../domain/due-instants.js";
import type { Contract, Party } from "../domain/types.js";

const DAY = 86_400_000;

export interface DigestWithContext {
  digest: Digest;
  contractTitle?: string;
  /** Undeliverable deliveries listed in it: marked reported once the digest went out. */
  reportedKeys: string[];
}

/**
 * The digest as it stands at `now`. For the scheduled digest of a week, the undeliverable messages are
 * those of the window since the previous week's digest (the same list for every recipient of the week);
 * for a preview (`/csi digest`), those not reported yet.
 */
/**
 * What a digest covers: the scheduled digest of a week, from the previous week's digest instant to its
 * own; a preview, from the last scheduled digest to now. Consecutive digests never tell a change twice.
 */
function digestWindow(
  now: Date,
  mode: { scheduledWeek?: string; since?: Date },
  schedule: ScheduleSettings,
): { since: Date; until: Date } {
  const until = mode.scheduledWeek ? weeklyDigestInstant(mode.scheduledWeek, schedule) : now;
  if (mode.since) return { since: mode.since, until };
  const thisWeek = weeklyDigestInstant(isoWeekOf(until, schedule.timezone), schedule);
  const last =
    thisWeek < until
      ? thisWeek
      : weeklyDigestInstant(isoWeekOf(new Date(thisWeek.getTime() - 7 * DAY), schedule.timezone), schedule);
  return { since: last, until };
}

/** The digest of one contract as it stands now (`/csi digest`, « Détails »), in its zone; null without a contract. */
export async function contractDigest(
  deps: AppDeps,
  contract: Contract | null,
): Promise<(DigestWithContext & { timezone: string }) | null> {
  if (!contract) return null;
  const first = (await deps.store.contracts.findFirstEver())?.id === contract.id;
  const built = await buildDigest(deps, deps.now(), { contract, first });
  return { ...built, timezone: contractSchedule(deps.config.schedule, contract).timezone };
}

/** People away on `now`'s date in `timezone` (the digest's contract's) whose reminders nobody receives. */
async function absentWithoutStandIn(
  deps: AppDeps,
  now: Date,
  timezone: string,
): Promise<{ userId: string; endsOn: string }[]> {
  const today = localDateOf(now, timezone);
  const absences = await deps.store.absences.listActiveOn(today);
  const route = absenceRouting(absences, today);
  return absences.filter((a) => route(a.userId).to === "nobody").map((a) => ({ userId: a.userId, endsOn: a.endsOn }));
}

export async function buildDigest(
  deps: AppDeps,
  now: Date,
  mode: { scheduledWeek?: string; since?: Date; contract?: Contract; first?: boolean } = {},
): Promise<DigestWithContext> {
  const { store } = deps;
  // One contract's digest (its commitments, meetings, requests, in its time zone), or every contract's.
  const only = mode.contract;
  const config = only ? { ...deps.config, schedule: contractSchedule(deps.config.schedule, only) } : deps.config;
  // The window: since the previous digest, so that each change is told once, in one digest only.
  const window = digestWindow(now, mode, config.schedule);
  const allWeeks = commitmentWeeks(await store.audit.listBetween(window.since, window.until, DIGEST_ACTIONS));
  const pending = await store.requests.listPending(only?.id);
  const toCompleteIds = await store.dashboard.listToCompleteIds(only?.id ?? null);
  const alsoIds = [
    ...new Set([
      ...allWeeks.map((w) => w.commitmentId),
      ...pending.map((p) => p.request.commitmentId),
      ...toCompleteIds,
    ]),
  ];
  // Only what a digest can list is read, with per-party counts made by the database.
  const commitments = await store.digest.listCandidates(
    digestCandidates(now, config.schedule.timezone),
    alsoIds,
    only?.id ?? null,
  );
  const listed = new Set(commitments.map((c) => c.id));
  const weeks = only ? allWeeks.filter((w) => listed.has(w.commitmentId)) : allWeeks;
  const tallies = await store.digest.tally(localDateOf(now, config.schedule.timezone), only?.id ?? null);
  const meetings = await store.meetings.listBetween(now, new Date(now.getTime() + DIGEST_HORIZON_DAYS * DAY), only?.id);
  const contracts = only ? [only] : await store.contracts.list();
  // The undeliverable messages of this contract (and, for the first one, those recorded before contracts had theirs).
  const scope = only ? { contractIds: [only.id], withUnassigned: mode.first === true } : undefined;
  const parties = new Map<string, Party>();
  for (const c of contracts) for (const p of c.parties) if (!parties.has(p.code)) parties.set(p.code, p);

  let undeliverable: Awaited<ReturnType<typeof store.deliveries.listUndeliverableForDigest>>;
  if (mode.scheduledWeek) {
    const until = weeklyDigestInstant(mode.scheduledWeek, config.schedule);
    const since = weeklyDigestInstant(
      isoWeekOf(new Date(until.getTime() - 7 * DAY), config.schedule.timezone),
      config.schedule,
    );
    undeliverable = await store.deliveries.listUndeliverableForDigest(since, until, scope);
  } else {
    undeliverable = await store.deliveries.listUndeliverableForDigest(now, now, scope);
  }
  const digest = computeDigest({
    now,
    timezone: config.schedule.timezone,
    parties: [...parties.values()],
    commitments,
    tallies,
    weeks,
    pending: pending.map((p) => ({
      commitmentId: p.request.commitmentId,
      ref: p.ref,
      title: p.title,
      kind: p.request.kind,
      requestedBy: p.request.requestedBy,
      requestedAt: p.request.requestedAt,
      proposedDueOn: p.request.proposedDueOn,
    })),
    meetings,
    toCompleteIds,
    undeliverable: undeliverable.map((d) => ({ key: d.key, kind: d.kind, target: d.target, reason: d.error ?? "?" })),
    absentOwners: await absentWithoutStandIn(deps, now, config.schedule.timezone),
  });
  return {
    digest,
    contractTitle: contracts.length === 1 ? contracts[0]?.title : undefined,
    reportedKeys: undeliverable.map((d) => d.key),
  };
}
