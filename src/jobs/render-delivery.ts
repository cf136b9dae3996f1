import type { AppDeps } from "../app/deps.js";
import type { DigestCommitment } from "../domain/digest.js";
import { localDateOf } from "../domain/due-instants.js";
import { type DeliveryRef, isSilent } from "../domain/reminders.js";
import { isClosed, isOverdue, sortByUrgency } from "../domain/status.js";
import type { Meeting } from "../domain/types.js";
import type { SlackSender } from "../slack/slack-sender.js";
import { digestChartBlock, withImagesNearTop } from "../slack/views/chart-blocks.js";
import { digestMessage } from "../slack/views/digest-blocks.js";
import { checkInMessage, deadlineReminderMessage, meetingReminderMessage } from "../slack/views/reminder-messages.js";
import type { Reply } from "../slack/views/reply.js";
import { buildDigest, type DigestWithContext } from "../use-cases/build-digest.js";

export type Rendered = { reply: Reply; afterSent?: () => Promise<void> } | { obsolete: string };

type Row = DigestCommitment & { contractId: string };

/** Data read once per pass and shared by every message of it (10,000 commitments are one query, not 10,000). */
export interface RenderCache {
  commitments(): Promise<Map<string, Row>>;
  /** The open commitments of one contract (a check-in or meeting message each reads them: filtered once per pass). */
  openOf(contractId: string): Promise<Row[]>;
  meeting(id: string): Promise<Meeting | null>;
  digest(isoWeek: string): Promise<DigestWithContext>;
  /** The digest's per-party progress chart, uploaded once per pass and week; null when it could not be. */
  digestChart(isoWeek: string): Promise<string | null>;
}

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
};

/** Uploads a chart's image; absent where messages go without images. */
export type ImageUploader = Pick<SlackSender, "uploadImage">;

export function createRenderCache(deps: AppDeps, now: Date, images: ImageUploader = {}): RenderCache {
  const meetings = new Map<string, Promise<Meeting | null>>();
  const digests = new Map<string, Promise<DigestWithContext>>();
  const charts = new Map<string, Promise<string | null>>();
  const digest = (isoWeek: string): Promise<DigestWithContext> => {
    let d = digests.get(isoWeek);
    if (!d) digests.set(isoWeek, (d = buildDigest(deps, now, { scheduledWeek: isoWeek })));
    return d;
  };
  const open = new Map<string, Promise<Row[]>>();
  const commitments = once(async () => new Map((await deps.store.schedule.listForDigest()).map((c) => [c.id, c])));
  return {
    commitments,
    openOf(contractId) {
      let list = open.get(contractId);
      if (!list)
        open.set(
          contractId,
          (list = commitments().then((all) =>
            [...all.values()].filter((c) => c.contractId === contractId && !isClosed(c.status)),
          )),
        );
      return list;
    },
    meeting(id) {
      let m = meetings.get(id);
      if (!m) meetings.set(id, (m = deps.store.meetings.findById(id)));
      return m;
    },
    digest,
    digestChart(isoWeek) {
      let c = charts.get(isoWeek);
      if (!c) charts.set(isoWeek, (c = uploadDigestChart(deps, images, digest(isoWeek), isoWeek)));
      return c;
    },
  };
}

/** The per-party progress of a digest as a PNG in Slack; a failure leaves the digest without its image. */
async function uploadDigestChart(
  deps: AppDeps,
  images: ImageUploader,
  digest: Promise<DigestWithContext>,
  isoWeek: string,
): Promise<string | null> {
  const { parties } = (await digest).digest;
  if (!images.uploadImage || !parties.length) return null;
  try {
    const { progressChartPng } = await import("../documents/chart-images.js"); // vega and resvg: loaded when first needed
    const png = await progressChartPng(parties.map((p) => ({ label: p.label, progress: p.meanProgress })));
    return await images.uploadImage({ png, filename: `avancement-${isoWeek}.png`, title: "Avancement par partie" });
  } catch (error) {
    deps.log.warn("digest.chart_failed", { isoWeek, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/**
 * The message for one delivery, from the data as it is now; `obsolete` when it no longer applies
 * (meeting started, commitment closed or its due date changed, owner changed…). Scheduled messages
 * are written in French, the language of the contract's officials.
 */
export async function renderDelivery(
  deps: AppDeps,
  cache: RenderCache,
  d: DeliveryRef & { key: string },
  now: Date,
): Promise<Rendered> {
  const tz = deps.config.schedule.timezone;
  const today = localDateOf(now, tz);
  const locale = "fr" as const;
  const snoozed = d.snoozedUntil.length > 0;
  const ref = d.ref;
  switch (ref.kind) {
    case "meeting":
    case "checkin": {
      const meeting = await cache.meeting(ref.meetingId);
      if (!meeting || meeting.startsAt <= now) return { obsolete: "meeting started or removed" };
      const all = await cache.openOf(meeting.contractId);
      if (ref.kind === "meeting") {
        const watch = sortByUrgency(
          all.filter((c) => isOverdue(c, today) || c.status === "AT_RISK" || c.status === "LATE"),
          today,
        );
        return {
          reply: meetingReminderMessage({ meeting, daysBefore: ref.daysBefore, watch, today, timezone: tz, locale }),
        };
      }
      const mine = all.filter((c) => c.owners.includes(ref.ownerId) && isSilent(c, now));
      if (mine.length === 0) return { obsolete: "no silent commitment left" };
      return {
        reply: checkInMessage({
          meeting,
          commitments: sortByUrgency(mine, today),
          deliveryKey: d.key,
          snoozed,
          today,
          timezone: tz,
          locale,
        }),
      };
    }
    case "deadline":
    case "overdue":
    case "overdue-cc": {
      const c = (await cache.commitments()).get(ref.commitmentId);
      if (!c || isClosed(c.status)) return { obsolete: "commitment closed or removed" };
      if (ref.kind === "deadline" && c.dueOn !== ref.dueOn) return { obsolete: "due date changed" };
      if (ref.kind !== "deadline" && !isOverdue(c, today)) return { obsolete: "no longer overdue" };
      if (ref.kind !== "overdue-cc" && !c.owners.includes(ref.ownerId)) return { obsolete: "no longer an owner" };
      return {
        reply: deadlineReminderMessage({
          commitment: c,
          daysBefore: ref.kind === "deadline" ? ref.daysBefore : null,
          overdueWeek: ref.kind === "deadline" ? undefined : ref.n,
          copyForCoordinator: ref.kind === "overdue-cc",
          owners: c.owners,
          deliveryKey: d.key,
          snoozed,
          today,
          locale,
        }),
      };
    }
    case "digest": {
      const built = await cache.digest(ref.isoWeek);
      const chart = await cache.digestChart(ref.isoWeek);
      const message = digestMessage(built.digest, { timezone: tz, locale, contractTitle: built.contractTitle });
      return {
        reply: chart ? withImagesNearTop(message, [digestChartBlock(chart, built.digest)]) : message,
        // Reported once it reached someone; the other recipients of the same week get the same list.
        afterSent: () => deps.store.deliveries.markReported(built.reportedKeys),
      };
    }
  }
}
