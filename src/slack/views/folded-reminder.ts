// One message per person per sending slot (issue 10): every deadline, overdue and check-in reminder due
// to one person at one pass, and the coordinators' overdue copies, folded into a summary line and one
// section per commitment with its buttons. Pure: the job decides what is folded, this only writes it.
import type { Button, KnownBlock } from "@slack/types";
import {
  countOf,
  formatDateLong,
  formatInstant,
  formatRelativeDays,
  meetingKindLabel,
  progressBar,
  statusEmoji,
  statusLabel,
} from "../../domain/format.js";
import { daysUntil } from "../../domain/status.js";
import type { IsoDate, Locale } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import { actions, button, context, esc, plain, section } from "./blocks.js";
import { mentions } from "./commitment-text.js";
import { tr } from "./locale.js";
import { encodeNavValue } from "./pagination.js";
import type { ReminderCommitment, ReminderMeeting } from "./reminder-messages.js";
import { snoozeButtons, updateButton } from "./reminder-messages.js";
import type { Reply } from "./reply.js";

/** Why a commitment is in the message (one commitment may have several reasons: overdue and silent). */
export type FoldReason =
  | { kind: "deadline"; daysBefore: number }
  | { kind: "overdue"; week: number }
  | { kind: "checkin"; meeting: ReminderMeeting };

export interface FoldedOwnItem {
  commitment: ReminderCommitment;
  reasons: FoldReason[];
  /** The delivery keys this section stands for: « Rappeler … » moves them all, and only them. */
  keys: string[];
  snoozed: boolean;
  /** Sent to a stand-in: the absent person this section was meant for. */
  onBehalfOf?: string;
}

export interface FoldedCopyItem {
  commitment: ReminderCommitment;
  owners: string[];
  /** A coordinator's copy received by their stand-in. */
  onBehalfOf?: string;
}

export interface FoldedReminderInput {
  own: FoldedOwnItem[];
  /** Coordinators' copies of overdue reminders (from the second week overdue). */
  copies: FoldedCopyItem[];
  today: IsoDate;
  timezone: string;
  locale: Locale;
}

/** Commitments shown in full; the rest are counted, behind a button (Slack allows 50 blocks a message). */
export const FOLD_SHOWN = 10;

const stillOnTrackButton = (commitmentId: string, locale: Locale): Button =>
  button(ACTIONS.stillOnTrack, tr(locale, "Toujours en cours", "Still on track"), commitmentId);

const showButton = (ref: string, locale: Locale): Button =>
  button(ACTIONS.showCommitment, tr(locale, "Voir", "View"), encodeNavValue(`voir ${ref}`, locale));

/** « Réunion lundi 11 janvier à 10 h » style: the meeting named, with its date in words. */
export function meetingLabel(m: ReminderMeeting, timezone: string, locale: Locale): string {
  const name = m.title
    ? `${meetingKindLabel(m.kind, locale, "short")} « ${plain(m.title, 100)} »`
    : meetingKindLabel(m.kind, locale, "short");
  return `${name} ${tr(locale, "du", "on")} ${formatInstant(m.startsAt, timezone, locale)}`;
}

function reasonLine(r: FoldReason, c: ReminderCommitment, i: FoldedReminderInput): string {
  const { locale } = i;
  const due = c.dueOn ?? i.today;
  const rel = formatRelativeDays(daysUntil(i.today, due), locale);
  switch (r.kind) {
    case "deadline":
      return tr(
        locale,
        `:hourglass_flowing_sand: Échéance le ${formatDateLong(due, locale)} (${rel}).`,
        `:hourglass_flowing_sand: Due on ${formatDateLong(due, locale)} (${rel}).`,
      );
    case "overdue":
      return tr(
        locale,
        `:warning: Échéance dépassée : ${formatDateLong(due, locale)} (${rel}).`,
        `:warning: Past its due date: ${formatDateLong(due, locale)} (${rel}).`,
      );
    case "checkin":
      return tr(
        locale,
        `:speech_balloon: Pas de nouvelles depuis plus de 30 jours, avant le ${meetingLabel(r.meeting, i.timezone, locale)}.`,
        `:speech_balloon: No news for more than 30 days, before the ${meetingLabel(r.meeting, i.timezone, locale)}.`,
      );
  }
}

/** « En remplacement de @Camille » under a section a stand-in receives. */
const standingInLine = (absent: string, locale: Locale): string =>
  tr(
    locale,
    `_:busts_in_silhouette: En remplacement de <@${esc(absent)}>._`,
    `_:busts_in_silhouette: Standing in for <@${esc(absent)}>._`,
  );

/** The absent people whose reminders this message carries, in the order of their first section. */
const replacedIn = (i: FoldedReminderInput): string[] => [
  ...new Set([...i.own, ...i.copies].flatMap((x) => (x.onBehalfOf ? [x.onBehalfOf] : []))),
];

const head = (c: ReminderCommitment): string => `${statusEmoji(c.status)} *${esc(c.ref)}* ${plain(c.title, 140)}`;

function ownBlocks(item: FoldedOwnItem, i: FoldedReminderInput): KnownBlock[] {
  const c = item.commitment;
  const { locale } = i;
  const lines = [
    head(c),
    ...item.reasons.map((r) => reasonLine(r, c, i)),
    `${statusLabel(c.status, locale)} · ${progressBar(c.progress, 10, locale)}`,
  ];
  if (item.onBehalfOf) lines.push(standingInLine(item.onBehalfOf, locale));
  if (item.snoozed)
    lines.push(
      tr(locale, "_:alarm_clock: Rappel reporté à votre demande._", "_:alarm_clock: Reminder you postponed._"),
    );
  return [
    section(lines.join("\n")),
    actions([
      updateButton(c.id, locale),
      stillOnTrackButton(c.id, locale),
      ...snoozeButtons(item.keys.join(" "), locale),
      showButton(c.ref, locale),
      // Past its due date: the owner may ask for a new one (a coordinator decides).
      ...(item.reasons.some((r) => r.kind === "overdue")
        ? [button(ACTIONS.proposeDueDate, tr(locale, "Proposer une nouvelle date", "Propose a new date"), c.id)]
        : []),
    ]),
  ];
}

function copyBlock(item: FoldedCopyItem, i: FoldedReminderInput): KnownBlock {
  const { commitment: c } = item;
  const due = c.dueOn ?? i.today;
  const rel = formatRelativeDays(daysUntil(i.today, due), i.locale);
  const who = item.owners.length
    ? `\n${tr(i.locale, item.owners.length > 1 ? "Pilotes" : "Pilote", item.owners.length > 1 ? "Owners" : "Owner")} : ${mentions(item.owners, i.locale)}`
    : "";
  const behalf = item.onBehalfOf ? `\n${standingInLine(item.onBehalfOf, i.locale)}` : "";
  return section(
    `${head(c)}${behalf}\n${tr(i.locale, `Échéance dépassée : ${formatDateLong(due, i.locale)} (${rel}).`, `Past its due date: ${formatDateLong(due, i.locale)} (${rel}).`)}${who}`,
    showButton(c.ref, i.locale),
  );
}

/** « 2 en retard, 1 à échéance proche, 1 sans nouvelles »: what the own sections are about, counted. */
function ownSummary(own: FoldedOwnItem[], locale: Locale): string {
  const count = (kind: FoldReason["kind"]) => own.filter((o) => o.reasons.some((r) => r.kind === kind)).length;
  const parts = [
    [count("overdue"), tr(locale, "en retard", "overdue")],
    [count("deadline"), tr(locale, "à échéance proche", "due soon")],
    [count("checkin"), tr(locale, "sans nouvelles depuis 30 jours", "with no news for 30 days")],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`)
    .join(", ");
}

/** The one message to one person at one sending slot. */
export function foldedReminderMessage(i: FoldedReminderInput): Reply {
  const { locale } = i;
  const n = i.own.length;
  const blocks: KnownBlock[] = [];
  const lead: string[] = [];
  const replaced = replacedIn(i);
  if (replaced.length > 0) {
    const who = listOf(
      replaced.map((u) => `<@${esc(u)}>`),
      locale,
    );
    lead.push(
      tr(
        locale,
        `:busts_in_silhouette: En remplacement de ${who} : vous recevez ${replaced.length === 1 ? "ses rappels pendant son absence" : "leurs rappels pendant leur absence"}.`,
        `:busts_in_silhouette: Standing in for ${who}: you receive their reminders while they are away.`,
      ),
    );
  }
  if (n > 0)
    lead.push(
      tr(
        locale,
        `:bell: ${n === 1 ? "Un engagement demande" : `${countOf(n, locale, "engagement", "engagements")} demandent`} votre attention : ${ownSummary(i.own, locale)}.`,
        `:bell: ${countOf(n, locale, "commitment needs", "commitments need")} your attention: ${ownSummary(i.own, locale)}.`,
      ),
    );
  const m = i.copies.length;
  if (m > 0)
    lead.push(
      tr(
        locale,
        `:clipboard: Pour information, ${m === 1 ? "un engagement est en retard" : `${countOf(m, locale, "engagement", "engagements")} sont en retard`} depuis plus d'une semaine.`,
        `:clipboard: For your information, ${countOf(m, locale, "commitment has", "commitments have")} been overdue for more than a week.`,
      ),
    );
  blocks.push(section(lead.join("\n")));

  const shownOwn = i.own.slice(0, FOLD_SHOWN);
  for (const item of shownOwn) blocks.push(...ownBlocks(item, i));
  if (n > shownOwn.length) blocks.push(moreBlock(n - shownOwn.length, "mes", locale));
  const room = Math.max(0, FOLD_SHOWN - shownOwn.length);
  const shownCopies = i.copies.slice(0, room);
  if (shownCopies.length > 0 && shownOwn.length > 0)
    blocks.push(context(tr(locale, "*Pour information*", "*For your information*")));
  for (const item of shownCopies) blocks.push(copyBlock(item, i));
  if (m > shownCopies.length) blocks.push(moreBlock(m - shownCopies.length, "retards", locale));

  const text = [
    replaced.length > 0 ? tr(locale, "En remplacement", "Standing in") : "",
    n > 0
      ? tr(
          locale,
          `${countOf(n, locale, "engagement", "engagements")} à suivre : ${ownSummary(i.own, locale)}`,
          `${countOf(n, locale, "commitment", "commitments")} to follow up: ${ownSummary(i.own, locale)}`,
        )
      : "",
    m > 0
      ? tr(
          locale,
          `${countOf(m, locale, "engagement", "engagements")} en retard (pour information)`,
          `${countOf(m, locale, "commitment", "commitments")} overdue (for your information)`,
        )
      : "",
  ]
    .filter(Boolean)
    .join(" — ");
  return { text, blocks };
}

/** « A, B et C » / « A, B and C ». */
function listOf(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${tr(locale, "et", "and")} ${items.at(-1) ?? ""}`;
}

/** « … et 7 autres » with the button that lists them all. */
function moreBlock(hidden: number, command: "mes" | "retards", locale: Locale): KnownBlock {
  return section(
    tr(locale, `… et ${hidden} ${hidden === 1 ? "autre" : "autres"}.`, `… and ${hidden} more.`),
    button(
      ACTIONS.showCommitment,
      command === "mes"
        ? tr(locale, "Voir tous mes engagements", "See all my commitments")
        : tr(locale, "Voir tous les retards", "See all overdue"),
      encodeNavValue(command === "mes" ? tr(locale, "mes", "mine") : tr(locale, "retards", "overdue"), locale),
    ),
  );
}
