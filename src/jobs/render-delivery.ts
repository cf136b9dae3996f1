import type { AppDeps } from "../app/deps.js";
import type { DigestCommitment } from "../domain/digest.js";
import { localDateOf } from "../domain/due-instants.js";
import { type DeliveryRef, isSilent } from "../domain/reminders.js";
import { isClosed, isOverdue, sortByUrgency } from "../domain/status.js";
import type { IsoDate, Locale, Meeting } from "../domain/types.js";
import type { SlackSender } from "../slack/slack-sender.js";
import { digestChartBlock, withImagesNearTop } from "../slack/views/chart-blocks.js";
import { digestMessage } from "../slack/views/digest-blocks.js";
import type { FoldedReminderInput, FoldReason } from "../slack/views/folded-reminder.js";
import { meetingReminderMessage } from "../slack/views/reminder-messages.js";
import type { Reply } from "../slack/views/reply.js";
import { buildDigest, type DigestWithContext } from "../use-cases/build-digest.js";

type Rendered = { reply: Reply; afterSent?: () => Promise<void> } | { obsolete: string };

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

/** A part of a folded message (deadline, overdue and check-in reminders, coordinators' copies). */
export type FoldPiece =
  | { kind: "own"; commitment: Row; reason: FoldReason; key: string; snoozed: boolean }
  | { kind: "checkin"; meeting: Meeting; commitments: Row[]; key: string; snoozed: boolean }
  | { kind: "copy"; commitment: Row; owners: string[] };

export type RenderedPart = Rendered | { piece: FoldPiece };

/** Kinds whose messages to one person at one pass are folded into one. */
export const FOLDED_KINDS: ReadonlySet<string> = new Set(["deadline", "overdue", "overdue-cc", "checkin"]);

/**
 * The message (or, for the folded kinds, the part of a message) for one delivery, from the data as it
 * is now; `obsolete` when it no longer applies (meeting started, commitment closed or its due date
 * changed, owner changed…). Written in `locale`, the recipient's language.
 */
export async function renderDelivery(
  deps: AppDeps,
  cache: RenderCache,
  d: DeliveryRef & { key: string },
  now: Date,
  locale: Locale,
): Promise<RenderedPart> {
  const tz = deps.config.schedule.timezone;
  const today = localDateOf(now, tz);
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
      return { piece: { kind: "checkin", meeting, commitments: mine, key: d.key, snoozed } };
    }
    case "deadline":
    case "overdue":
    case "overdue-cc": {
      const c = (await cache.commitments()).get(ref.commitmentId);
      if (!c || isClosed(c.status)) return { obsolete: "commitment closed or removed" };
      if (c.pending.some((p) => p.kind === "DONE")) return { obsolete: "« Réalisé » awaiting sign-off" };
      if (ref.kind === "deadline" && c.dueOn !== ref.dueOn) return { obsolete: "due date changed" };
      if (ref.kind !== "deadline" && !isOverdue(c, today)) return { obsolete: "no longer overdue" };
      if (ref.kind === "overdue-cc") return { piece: { kind: "copy", commitment: c, owners: c.owners } };
      if (!c.owners.includes(ref.ownerId)) return { obsolete: "no longer an owner" };
      const reason: FoldReason =
        ref.kind === "deadline" ? { kind: "deadline", daysBefore: ref.daysBefore } : { kind: "overdue", week: ref.n };
      return { piece: { kind: "own", commitment: c, reason, key: d.key, snoozed } };
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

/** The pieces due to one person at one pass, as the one message they get. */
export function foldPieces(
  pieces: readonly FoldPiece[],
  o: { today: IsoDate; timezone: string; locale: Locale; onBehalfOf?: string },
): FoldedReminderInput {
  const own = new Map<string, { commitment: Row; reasons: FoldReason[]; keys: string[]; snoozed: boolean }>();
  const add = (commitment: Row, reason: FoldReason, key: string, snoozed: boolean) => {
    const item = own.get(commitment.id);
    if (!item) own.set(commitment.id, { commitment, reasons: [reason], keys: [key], snoozed });
    else {
      item.reasons.push(reason);
      if (!item.keys.includes(key)) item.keys.push(key);
      item.snoozed ||= snoozed;
    }
  };
  const copies = new Map<string, { commitment: Row; owners: string[] }>();
  for (const p of pieces) {
    if (p.kind === "own") add(p.commitment, p.reason, p.key, p.snoozed);
    else if (p.kind === "checkin")
      for (const c of p.commitments) add(c, { kind: "checkin", meeting: p.meeting }, p.key, p.snoozed);
    else copies.set(p.commitment.id, { commitment: p.commitment, owners: p.owners });
  }
  const byUrgency = <T extends { commitment: Row }>(items: Map<string, T>): T[] =>
    sortByUrgency(
      [...items.values()].map((i) => i.commitment),
      o.today,
    ).flatMap((c) => items.get(c.id) ?? []);
  return {
    own: byUrgency(own),
    copies: byUrgency(copies),
    ...(o.onBehalfOf ? { onBehalfOf: o.onBehalfOf } : {}),
    today: o.today,
    timezone: o.timezone,
    locale: o.locale,
  };
}
