// The words of each section of the weekly digest: its title and its lines (one per commitment, request, meeting or
// undelivered message), shared by the message (digest-blocks.ts) and its « Détails » modal. Pure.
import { isIsoDate } from "../../domain/calendar.js";
import type { Digest, DigestChange, DigestCommitment, DigestSection } from "../../domain/digest.js";
import type { DigestEvent } from "../../domain/digest-events.js";
import {
  formatDateLong,
  formatInstant,
  formatRelativeDays,
  meetingKindLabel,
  shownStatus,
} from "../../domain/format.js";
import type { ProgressState } from "../../domain/requests.js";
import { daysUntil } from "../../domain/status.js";
import { truncate } from "../../domain/text.js";
import { missingFields } from "../../domain/to-complete.js";
import type { Locale } from "../../domain/types.js";
import { channelLink, colon, esc, mention, plain } from "./blocks.js";
import { toCompleteText } from "./commitment-text.js";
import { tr } from "./locale.js";
import { pendingLabel } from "./request-messages.js";

export function sectionTitle(section: DigestSection, locale: Locale): string {
  const titles: Record<DigestSection, [string, string]> = {
    changes: [":pencil: Ce qui a changé depuis le dernier point", ":pencil: What changed since the last digest"],
    pending: [":hourglass: Demandes en attente de validation", ":hourglass: Requests awaiting sign-off"],
    postponed: [":calendar: Échéances reportées", ":calendar: Due dates moved"],
    ownerless: [":bust_in_silhouette: Sans pilote", ":bust_in_silhouette: Without an owner"],
    toComplete: [
      ":jigsaw: À compléter (décidés en réunion, sans pilote ou sans échéance)",
      ":jigsaw: To complete (decided in a meeting, without an owner or a due date)",
    ],
    awaitingReturn: [":palm_tree: Pilotes absents, sans remplaçant", ":palm_tree: Owners away, with no stand-in"],
    overdue: [":red_circle: En retard", ":red_circle: Overdue"],
    atRisk: [":large_orange_circle: Points de vigilance", ":large_orange_circle: At risk"],
    dueSoon: [
      ":hourglass_flowing_sand: Échéances des deux prochaines semaines",
      ":hourglass_flowing_sand: Due in the next two weeks",
    ],
    meetingsSoon: [":calendar: Réunions des deux prochaines semaines", ":calendar: Meetings in the next two weeks"],
    silent: [
      ":zipper_mouth_face: Sans nouvelles depuis plus de 30 jours",
      ":zipper_mouth_face: No news for more than 30 days",
    ],
    undeliverable: [":no_bell: Messages qui n'ont pas pu être remis", ":no_bell: Messages that could not be delivered"],
  };
  const [fr, en] = titles[section];
  return tr(locale, fr, en);
}

const dateOrNone = (date: string | null, locale: Locale): string =>
  date && isIsoDate(date) ? formatDateLong(date, locale) : tr(locale, "aucune", "none");

const stateText = (s: ProgressState, pending: boolean, locale: Locale): string =>
  `${shownStatus({ status: s.status, pending: pending ? [{ kind: "DONE" }] : [] }, locale).label} · ${s.progress}${locale === "fr" ? "\u202f%" : "%"}`;

/** « : the reason given » after a refusal, when one was given. */
const because = (reason: string | null | undefined, locale: Locale): string =>
  reason ? `${colon(locale)}${plain(reason, 200)}` : "";

/** What happened to one commitment in the window, in words: each request and decision as it was recorded. */
function eventText(e: DigestEvent, timezone: string, locale: Locale): string {
  const by = mention(e.actorId);
  switch (e.kind) {
    case "done_requested":
      return tr(locale, `demande de clôture par ${by}`, `request to close by ${by}`);
    case "done_confirmed":
      return tr(locale, `clôture validée par ${by}`, `completion confirmed by ${by}`);
    case "done_refused":
      return `${tr(locale, `demande de clôture refusée par ${by}`, `request to close refused by ${by}`)}${because(e.reason, locale)}`;
    case "due_date_requested":
      return tr(
        locale,
        `nouvelle échéance proposée par ${by} : ${dateOrNone(e.to, locale)}`,
        `new due date proposed by ${by}: ${dateOrNone(e.to, locale)}`,
      );
    case "due_date_confirmed":
      return tr(
        locale,
        `échéance reportée du ${dateOrNone(e.from, locale)} au ${dateOrNone(e.to, locale)} (validé par ${by})`,
        `due date moved from ${dateOrNone(e.from, locale)} to ${dateOrNone(e.to, locale)} (confirmed by ${by})`,
      );
    case "due_date_refused":
      return `${tr(locale, `nouvelle échéance refusée par ${by}`, `new due date refused by ${by}`)}${because(e.reason, locale)}`;
    case "milestone_done":
      return tr(
        locale,
        `jalon « ${plain(e.title, 100)} » franchi (${formatInstant(e.at, timezone, locale)})`,
        `milestone “${plain(e.title, 100)}” reached (${formatInstant(e.at, timezone, locale)})`,
      );
  }
}

/** « *ETAT-01* Titre — En cours · 80 % → ⏳ Réalisé — en attente de validation · 100 % (1 mise à jour) » then its requests and decisions. */
function changeLine(ch: DigestChange, timezone: string, locale: Locale): string {
  const c = ch.commitment;
  const head = `*${esc(c.ref)}* ${esc(truncate(c.title, 70))}`;
  const moved =
    ch.before && ch.after && (ch.before.status !== ch.after.status || ch.before.progress !== ch.after.progress);
  const state =
    ch.before && ch.after
      ? moved
        ? `${stateText(ch.before, false, locale)} → *${stateText(ch.after, ch.pendingAtEnd, locale)}*`
        : tr(
            locale,
            `inchangé (${stateText(ch.after, ch.pendingAtEnd, locale)})`,
            `unchanged (${stateText(ch.after, ch.pendingAtEnd, locale)})`,
          )
      : "";
  const n =
    ch.updates > 0
      ? tr(
          locale,
          `${ch.updates} mise${ch.updates > 1 ? "s" : ""} à jour`,
          `${ch.updates} update${ch.updates > 1 ? "s" : ""}`,
        )
      : "";
  const summary = [state, n].filter(Boolean).join(" · ");
  const events = ch.events.map((e) => `\n    ↳ ${eventText(e, timezone, locale)}`).join("");
  return `• ${head}${summary ? ` — ${summary}` : ""}${events}`;
}

const commitmentLine = (c: DigestCommitment, d: Digest, locale: Locale): string =>
  `${shownStatus(c, locale).emoji} *${esc(c.ref)}* ${esc(truncate(c.title, 90))}` +
  (c.dueOn ? ` — ${formatRelativeDays(daysUntil(d.today, c.dueOn), locale)}` : "");

/** Every line of one section, fully. */
export function sectionLines(d: Digest, section: DigestSection, timezone: string, locale: Locale): string[] {
  switch (section) {
    case "changes":
      return d.changes.map((ch) => changeLine(ch, timezone, locale));
    case "pending":
      return d.pending.map(
        (p) =>
          `${pendingLabel(p.kind, locale)} — *${esc(p.ref)}* ${esc(truncate(p.title, 70))}${p.proposedDueOn ? ` (${formatDateLong(p.proposedDueOn, locale)})` : ""} · ${tr(locale, "demandé par", "asked by")} ${mention(p.requestedBy)}, ${formatInstant(p.requestedAt, timezone, locale)}`,
      );
    case "postponed":
      return d.postponed.map(
        ({ commitment: c, event: e }) =>
          `:calendar: *${esc(c.ref)}* ${esc(truncate(c.title, 70))} — ${dateOrNone(e.from, locale)} → *${dateOrNone(e.to, locale)}* (${tr(locale, "validé par", "confirmed by")} ${mention(e.actorId)})`,
      );
    case "ownerless":
      return d.ownerless.map((c) => commitmentLine(c, d, locale));
    case "toComplete":
      return d.toComplete.map((c) => `${commitmentLine(c, d, locale)} — ${toCompleteText(missingFields(c), locale)}`);
    case "awaitingReturn":
      return d.awaitingReturn.map(
        (a) =>
          `${tr(locale, `En attente du retour de ${mention(a.userId)} (absence jusqu'au ${formatDateLong(a.endsOn, locale)} inclus) :`, `Waiting for ${mention(a.userId)} to be back (away until ${formatDateLong(a.endsOn, locale)}):`)}\n${a.commitments.map((c) => `  ${commitmentLine(c, d, locale)}`).join("\n")}`,
      );
    case "overdue":
    case "atRisk":
    case "dueSoon":
    case "silent":
      return d[section].map((c) => commitmentLine(c, d, locale));
    case "meetingsSoon":
      return d.meetingsSoon.map(
        (m) =>
          `:calendar: *${meetingKindLabel(m.kind, locale, "short")}*${m.title ? ` ${esc(truncate(m.title, 80))}` : ""} — ${formatInstant(m.startsAt, timezone, locale)}`,
      );
    case "undeliverable":
      return d.undeliverable.map((u) =>
        u.kind.startsWith("mail-")
          ? `:envelope: ${mailKindLabel(u.kind, locale)} — ${esc(u.reason)}`
          : `:no_bell: ${/^[UW]/.test(u.target) ? mention(u.target) : channelLink(u.target)} — ${esc(u.kind)} : \`${esc(u.reason)}\``,
      );
  }
}

/** An e-mail that could not be delivered, by kind (its reason names the recipient, never the address). */
function mailKindLabel(kind: string, locale: Locale): string {
  const labels: Record<string, [string, string]> = {
    "mail-digest": ["Courriel du point hebdomadaire", "Weekly digest e-mail"],
    "mail-report": ["Courriel du rapport avant réunion", "Report e-mail before a meeting"],
    "mail-invite": ["Invitation à une réunion par courriel", "Meeting invitation e-mail"],
    "mail-cancel": ["Annulation de réunion par courriel", "Meeting cancellation e-mail"],
  };
  const [fr, en] = labels[kind] ?? ["Courriel", "E-mail"];
  return tr(locale, fr, en);
}
