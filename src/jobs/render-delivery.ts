import type { AppDeps } from "../app/deps.js";
import { contractSchedule } from "../domain/contract-schedule.js";
import type { DigestCommitment } from "../domain/digest.js";
import { localDateOf, type ScheduleSettings } from "../domain/due-instants.js";
import type { DeliveryRef } from "../domain/reminder-keys.js";
import { isSilent } from "../domain/silence.js";
import { isClosed, isOverdue, sortByUrgency } from "../domain/status.js";
import type { Contract, IsoDate, Locale, Meeting } from "../domain/types.js";
import type { SlackSender } from "../slack/slack-sender.js";
import { digestChartBlock, withImagesNearTop } from "../slack/views/chart-blocks.js";
import { digestMessage } from "../slack/views/digest-blocks.js";
import type { FoldedReminderInput, FoldReason } from "../slack/views/folded-reminder.js";
import { meetingReminderMessage } from "../slack/views/reminder-messages.js";
import type { Reply } from "../slack/views/reply.js";
import { buildDigest, type DigestWithContext } from "../use-cases/build-digest.js";
import { renderInvitation } from "./render-invitation.js";

/** `afterSent`: what follows the message once it is posted and recorded (a digest's report, an invitation's .ics). */
export type Rendered =
  | { reply: Reply; afterSent?: (posted: { channel: string; ts: string }) => Promise<void> }
  | { obsolete: string };

type Row = DigestCommitment & { contractId: string };

/** Data read once per pass and shared by every message of it (10,000 commitments are one query, not 10,000). */
export interface RenderCache {
  commitments(): Promise<Map<string, Row>>;
  /** The open commitments of one contract (a check-in or meeting message each reads them: filtered once per pass). */
  openOf(contractId: string): Promise<Row[]>;
  meeting(id: string): Promise<Meeting | null>;
  /** A contract's digest of a week (the first contract's when none is named). */
  digest(isoWeek: string, contractId?: string): Promise<DigestWithContext>;
  /** The digest's per-party progress chart, uploaded once per pass, week and contract; null when it could not be. */
  digestChart(isoWeek: string, contractId?: string): Promise<string | null>;
  /** The settings (time zone first) a contract's messages are written with; the configuration's for an unknown one. */
  settingsOf(contractId: string | undefined): Promise<ScheduleSettings>;
  contract(id: string): Promise<Contract | undefined>;
  /** Sends a file to a person's direct conversation; absent where messages go without files. */
  shareFile?: NonNullable<SlackSender["shareFile"]>;
  /** A person's name and e-mail address as Slack gives them; absent where Slack is not asked. */
  contactOf?: NonNullable<SlackSender["contactOf"]>;
}

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
};

/** Uploads a chart's image and sends files; absent where messages go without images or files. */
export type ImageUploader = Pick<SlackSender, "uploadImage" | "shareFile" | "contactOf">;

export function createRenderCache(deps: AppDeps, now: Date, images: ImageUploader = {}): RenderCache {
  const meetings = new Map<string, Promise<Meeting | null>>();
  const digests = new Map<string, Promise<DigestWithContext>>();
  const charts = new Map<string, Promise<string | null>>();
  const contracts = once(async () => ({
    byId: new Map((await deps.store.contracts.list()).map((c): [string, Contract] => [c.id, c])),
    first: (await deps.store.contracts.findFirstEver())?.id,
  }));
  const digest = async (isoWeek: string, contractId?: string): Promise<DigestWithContext> => {
    const { byId, first } = await contracts();
    const id = contractId ?? first;
    const cacheKey = `${isoWeek}:${id}`;
    let d = digests.get(cacheKey);
    const contract = id ? byId.get(id) : undefined;
    if (!d)
      digests.set(
        cacheKey,
        (d = buildDigest(deps, now, {
          scheduledWeek: isoWeek,
          ...(contract ? { contract, first: contract.id === first } : {}),
        })),
      );
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
    digestChart(isoWeek, contractId) {
      const cacheKey = `${isoWeek}:${contractId ?? ""}`;
      let c = charts.get(cacheKey);
      if (!c) charts.set(cacheKey, (c = uploadDigestChart(deps, images, digest(isoWeek, contractId), isoWeek)));
      return c;
    },
    async contract(id) {
      return (await contracts()).byId.get(id);
    },
    ...(images.shareFile ? { shareFile: images.shareFile.bind(images) } : {}),
    ...(images.contactOf ? { contactOf: images.contactOf.bind(images) } : {}),
    async settingsOf(contractId) {
      const { byId, first } = await contracts();
      const contract = byId.get(contractId ?? first ?? "");
      return contract ? contractSchedule(deps.config.schedule, contract) : deps.config.schedule;
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
 * A part of a folded message (deadline, overdue and check-in reminders, coordinators' copies); `onBehalfOf`
 * when it reaches a stand-in: the absent person it was meant for.
 */
export type FoldPiece = (
  | { kind: "own"; commitment: Row; reason: FoldReason; key: string; snoozed: boolean }
  | { kind: "checkin"; meeting: Meeting; commitments: Row[]; key: string; snoozed: boolean }
  | { kind: "copy"; commitment: Row; owners: string[] }
) & { onBehalfOf?: string };

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
  const snoozed = d.snoozedUntil.length > 0;
  const ref = d.ref;
  // Dates are read and written in the zone of the contract the message is about.
  const zoneOf = async (contractId: string | undefined) => {
    const tz = (await cache.settingsOf(contractId)).timezone;
    return { tz, today: localDateOf(now, tz) };
  };
  switch (ref.kind) {
    case "meeting":
    case "checkin": {
      const meeting = await cache.meeting(ref.meetingId);
      if (!meeting || meeting.startsAt <= now) return { obsolete: "meeting started or removed" };
      const { tz, today } = await zoneOf(meeting.contractId);
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
      const { today } = await zoneOf(c.contractId);
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
      const built = await cache.digest(ref.isoWeek, ref.contractId);
      const chart = await cache.digestChart(ref.isoWeek, ref.contractId);
      const { tz } = await zoneOf(ref.contractId);
      const message = digestMessage(built.digest, { timezone: tz, locale, contractTitle: built.contractTitle });
      return {
        reply: chart ? withImagesNearTop(message, [digestChartBlock(chart, built.digest)]) : message,
        // Reported once it reached someone; the other recipients of the same week get the same list.
        afterSent: () => deps.store.deliveries.markReported(built.reportedKeys),
      };
    }
    case "invite":
    case "invite-cancel":
      return renderInvitation(deps, cache, ref, now, locale);
  }
}

/**
 * The pieces due to one person at one pass, as the one message they get. A commitment is one section whatever
 * the number of its reasons; a stand-in's section for an absent person says so, unless it is theirs too.
 */
export function foldPieces(
  pieces: readonly FoldPiece[],
  o: { today: IsoDate; timezone: string; locale: Locale },
): FoldedReminderInput {
  type Own = { commitment: Row; reasons: FoldReason[]; keys: string[]; snoozed: boolean; onBehalfOf?: string };
  const own = new Map<string, Own>();
  const add = (commitment: Row, reason: FoldReason, key: string, snoozed: boolean, onBehalfOf?: string) => {
    const item = own.get(commitment.id);
    if (!item) own.set(commitment.id, { commitment, reasons: [reason], keys: [key], snoozed, onBehalfOf });
    else {
      if (!item.reasons.some((r) => sameReason(r, reason))) item.reasons.push(reason);
      if (!item.keys.includes(key)) item.keys.push(key);
      item.snoozed ||= snoozed;
      if (item.onBehalfOf !== onBehalfOf) item.onBehalfOf = undefined; // theirs as well: no « en remplacement »
    }
  };
  const copies = new Map<string, { commitment: Row; owners: string[]; onBehalfOf?: string }>();
  for (const p of pieces) {
    if (p.kind === "own") add(p.commitment, p.reason, p.key, p.snoozed, p.onBehalfOf);
    else if (p.kind === "checkin")
      for (const c of p.commitments) add(c, { kind: "checkin", meeting: p.meeting }, p.key, p.snoozed, p.onBehalfOf);
    else {
      const seen = copies.get(p.commitment.id);
      copies.set(p.commitment.id, {
        commitment: p.commitment,
        owners: p.owners,
        ...(p.onBehalfOf && (!seen || seen.onBehalfOf) ? { onBehalfOf: p.onBehalfOf } : {}),
      });
    }
  }
  const byUrgency = <T extends { commitment: Row }>(items: Map<string, T>): T[] =>
    sortByUrgency(
      [...items.values()].map((i) => i.commitment),
      o.today,
    ).flatMap((c) => items.get(c.id) ?? []);
  const withoutEmpty = <T extends { onBehalfOf?: string }>(i: T): T => {
    if (i.onBehalfOf === undefined) delete i.onBehalfOf;
    return i;
  };
  return {
    own: byUrgency(own).map(withoutEmpty),
    copies: byUrgency(copies).map(withoutEmpty),
    today: o.today,
    timezone: o.timezone,
    locale: o.locale,
  };
}

/** The same reason twice (an owner's and the absent co-owner's J-7 reaching one stand-in) is said once. */
function sameReason(a: FoldReason, b: FoldReason): boolean {
  if (a.kind === "checkin" && b.kind === "checkin") return a.meeting.id === b.meeting.id;
  if (a.kind === "deadline" && b.kind === "deadline") return a.daysBefore === b.daysBefore;
  if (a.kind === "overdue" && b.kind === "overdue") return a.week === b.week;
  return false;
}
