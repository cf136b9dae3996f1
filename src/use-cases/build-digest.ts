import type { AppDeps } from "../app/deps.js";
import { computeDigest, DIGEST_HORIZON_DAYS, type Digest, digestCandidates } from "../domain/digest.js";
import { isoWeekOf, localDateOf, weeklyDigestInstant } from "../domain/due-instants.js";
import type { Party } from "../domain/types.js";

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
export async function buildDigest(
  deps: AppDeps,
  now: Date,
  mode: { scheduledWeek?: string } = {},
): Promise<DigestWithContext> {
  const { store, config } = deps;
  // Only what a digest can list is read, with per-party counts made by the database.
  const weekUpdates = await store.schedule.listUpdatesBetween(new Date(now.getTime() - 7 * DAY), now);
  const updatedIds = [...new Set(weekUpdates.map((u) => u.commitmentId))];
  const statusBefore = await store.schedule.statusBefore(updatedIds, new Date(now.getTime() - 7 * DAY));
  const commitments = await store.digest.listCandidates(digestCandidates(now, config.schedule.timezone), updatedIds);
  const tallies = await store.digest.tally(localDateOf(now, config.schedule.timezone));
  const meetings = await store.meetings.listBetween(now, new Date(now.getTime() + DIGEST_HORIZON_DAYS * DAY));
  const contracts = await store.contracts.list();
  const parties = new Map<string, Party>();
  for (const c of contracts) for (const p of c.parties) if (!parties.has(p.code)) parties.set(p.code, p);

  let undeliverable: Awaited<ReturnType<typeof store.deliveries.listUndeliverableForDigest>>;
  if (mode.scheduledWeek) {
    const until = weeklyDigestInstant(mode.scheduledWeek, config.schedule);
    const since = weeklyDigestInstant(
      isoWeekOf(new Date(until.getTime() - 7 * DAY), config.schedule.timezone),
      config.schedule,
    );
    undeliverable = await store.deliveries.listUndeliverableForDigest(since, until);
  } else {
    undeliverable = await store.deliveries.listUndeliverableForDigest(now, now);
  }
  const digest = computeDigest({
    now,
    timezone: config.schedule.timezone,
    parties: [...parties.values()],
    commitments,
    tallies,
    weekUpdates,
    statusBefore,
    meetings,
    undeliverable: undeliverable.map((d) => ({ key: d.key, kind: d.kind, target: d.target, reason: d.error ?? "?" })),
  });
  return {
    digest,
    contractTitle: contracts.length === 1 ? contracts[0]?.title : undefined,
    reportedKeys: undeliverable.map((d) => d.key),
  };
}
