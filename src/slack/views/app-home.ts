// The App Home: a personal dashboard. At most 100 blocks whatever the data (Slack's limit): each list
// is capped and ends with « … et N autres ».
import type { ActionsBlock, HomeView, KnownBlock, PlainTextOption } from "@slack/types";
import { DASHBOARD_LIMITS, type Dashboard, type PartyProgress } from "../../domain/dashboard.js";
import { localDateOf } from "../../domain/due-instants.js";
import {
  formatDateLong,
  formatDateShort,
  formatInstant,
  formatRelativeDays,
  meetingKindLabel,
  progressBar,
  statusCount,
  statusEmoji,
} from "../../domain/format.js";
import { daysUntil, isOverdue } from "../../domain/status.js";
import { truncate } from "../../domain/text.js";
import { type Commitment, type IsoDate, type Locale, type Meeting, STATUSES } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import { absenceHomeBlocks } from "./absence-messages.js";
import { button, channelLink, context, mention, section } from "./blocks.js";
import { statusText, toCompleteText } from "./commitment-text.js";
import { tr } from "./locale.js";
import { esc } from "./modal-parts.js";
import { decisionButtons, pendingLabel, requestDetails } from "./request-messages.js";

// What the dashboard reads is what the Home shows; of meetings it reads one more, to say that more follow.
export const HOME_LIMITS = {
  mine: DASHBOARD_LIMITS.mine,
  parties: 10,
  overdue: DASHBOARD_LIMITS.overdue,
  meetings: DASHBOARD_LIMITS.meetings - 1,
  editOptions: DASHBOARD_LIMITS.editable,
} as const;

export interface HomeData extends Dashboard {
  locale: Locale;
  timezone: string;
}

const more = (n: number, locale: Locale, command: string): KnownBlock =>
  context(
    tr(
      locale,
      `… et ${n} autre${n > 1 ? "s" : ""} — \`/csi ${command}\` pour tout voir`,
      `… and ${n} more — \`/csi ${command}\` to see them all`,
    ),
  );

function dueLine(c: Commitment, today: IsoDate, locale: Locale): string {
  if (!c.dueOn) return tr(locale, "sans échéance", "no due date");
  const days = daysUntil(today, c.dueOn);
  const date = formatDateShort(c.dueOn, locale);
  if (isOverdue(c, today))
    return tr(
      locale,
      `:warning: échéance dépassée (${date}, ${formatRelativeDays(days, locale)})`,
      `:warning: overdue (due ${date}, ${formatRelativeDays(days, locale)})`,
    );
  return tr(
    locale,
    `échéance ${date} (${formatRelativeDays(days, locale)})`,
    `due ${date} (${formatRelativeDays(days, locale)})`,
  );
}

function commitmentLine(c: Commitment, today: IsoDate, locale: Locale): string {
  const status = statusText(c, locale);
  return `*${esc(c.ref)}* · ${status} · ${progressBar(c.progress, 10, locale)}\n${esc(truncate(c.title, 200))}\n${dueLine(c, today, locale)}`;
}

const updateButton = (c: Commitment, locale: Locale) =>
  button(ACTIONS.openUpdate, tr(locale, "Mettre à jour", "Update"), c.id);

function coordinatorActions(d: HomeData): ActionsBlock {
  const { locale } = d;
  const elements: ActionsBlock["elements"] = [
    button(ACTIONS.openCreateCommitment, tr(locale, "Nouvel engagement", "New commitment"), "new", "primary"),
    button(ACTIONS.openScheduleMeeting, tr(locale, "Planifier une réunion", "Schedule a meeting"), "meeting"),
  ];
  if (d.lastMeeting) {
    const when = formatDateShort(localDateOf(d.lastMeeting.startsAt, d.timezone), locale);
    const kind = meetingKindLabel(d.lastMeeting.kind, locale, "short");
    elements.push(
      button(
        ACTIONS.openDecisions,
        tr(locale, `Relevé de décisions — ${kind} du ${when}`, `Decisions — ${kind} of ${when}`),
        d.lastMeeting.id,
      ),
    );
  }
  if (d.editable.length > 0) {
    const options: PlainTextOption[] = d.editable.slice(0, HOME_LIMITS.editOptions).map((c) => ({
      text: { type: "plain_text", text: truncate(`${c.ref} — ${c.title}`, 75), emoji: true },
      value: c.id,
    }));
    elements.push({
      type: "static_select",
      action_id: ACTIONS.openEditCommitment,
      placeholder: { type: "plain_text", text: tr(locale, "Modifier un engagement…", "Edit a commitment…") },
      options,
    });
  }
  return { type: "actions", elements };
}

function partyLine(p: PartyProgress, locale: Locale): string {
  const counts = STATUSES.filter((s) => p.byStatus[s] > 0)
    .map((s) => `${statusEmoji(s)} ${statusCount(s, p.byStatus[s], locale)}`)
    .join(" · ");
  const overdue =
    p.overdue > 0 ? tr(locale, ` · :warning: ${p.overdue} en retard`, ` · :warning: ${p.overdue} overdue`) : "";
  const n = tr(
    locale,
    `${p.total} engagement${p.total > 1 ? "s" : ""}`,
    `${p.total} commitment${p.total === 1 ? "" : "s"}`,
  );
  return `*${esc(truncate(p.label, 100))}* — ${n} · ${tr(locale, "moyenne", "average")} ${progressBar(p.averageProgress, 10, locale)}${overdue}\n${counts || "—"}`;
}

function meetingLine(m: Meeting, d: HomeData): string {
  const title = m.title ? ` — ${esc(truncate(m.title, 120))}` : "";
  const place = m.place ? `\n:round_pushpin: ${esc(truncate(m.place, 150))}` : "";
  const channel = m.channelId ? ` · ${channelLink(m.channelId)}` : "";
  return `*${meetingKindLabel(m.kind, d.locale, "short")}*${title}\n:calendar: ${formatInstant(m.startsAt, d.timezone, d.locale)}${channel}${place}`;
}

/** Coordinators' queues: requests to decide (with Confirmer / Refuser) and commitments to give an owner. */
function coordinatorQueues(d: HomeData): KnownBlock[] {
  const { locale } = d;
  const blocks: KnownBlock[] = [];
  const pending = d.pendingRequests ?? [];
  if (pending.length) {
    blocks.push(
      { type: "divider" },
      section(
        tr(
          locale,
          `*Demandes en attente de validation* (${pending.length})`,
          `*Requests awaiting sign-off* (${pending.length})`,
        ),
      ),
    );
    for (const p of pending.slice(0, HOME_QUEUE)) {
      const details = requestDetails(p, locale);
      blocks.push(
        section(
          `${pendingLabel(p.kind, locale)} — *${esc(p.ref)}* ${esc(truncate(p.title, 120))}\n${tr(locale, "Demandée par", "Asked by")} ${mention(p.requestedBy)}${details ? `\n${details}` : ""}`,
        ),
      );
      if (p.requestedBy === d.userId)
        blocks.push(
          context(
            tr(
              locale,
              "Votre demande : un autre coordonnateur la valide.",
              "Your request: another coordinator signs it off.",
            ),
          ),
        );
      else blocks.push(decisionButtons(p.id, locale));
    }
  }
  const ownerless = d.ownerless ?? [];
  if (ownerless.length) {
    blocks.push(
      { type: "divider" },
      section(
        tr(
          locale,
          `*À attribuer* (${ownerless.length}) — sans pilote, personne n'est relancé`,
          `*To assign* (${ownerless.length}) — no owner, nobody is reminded`,
        ),
      ),
    );
    for (const c of ownerless.slice(0, HOME_QUEUE))
      blocks.push(
        section(
          `*${esc(c.ref)}* ${esc(truncate(c.title, 150))}`,
          button(ACTIONS.openEditCommitment, tr(locale, "Attribuer", "Assign"), c.id),
        ),
      );
    if (ownerless.length > HOME_QUEUE)
      blocks.push(
        context(
          tr(locale, `… et ${ownerless.length - HOME_QUEUE} autres`, `… and ${ownerless.length - HOME_QUEUE} more`),
        ),
      );
  }
  const toComplete = d.toComplete ?? [];
  if (toComplete.length) {
    blocks.push(
      { type: "divider" },
      section(
        tr(
          locale,
          `*À compléter* (${toComplete.length}) — engagements décidés en réunion, sans pilote ou sans échéance`,
          `*To complete* (${toComplete.length}) — commitments decided in a meeting, without an owner or a due date`,
        ),
      ),
    );
    for (const c of toComplete.slice(0, HOME_QUEUE))
      blocks.push(
        section(
          `*${esc(c.ref)}* ${esc(truncate(c.title, 150))}\n${toCompleteText(c.missing, locale)}`,
          button(ACTIONS.openEditCommitment, tr(locale, "Compléter", "Complete"), c.id),
        ),
      );
    if (toComplete.length > HOME_QUEUE)
      blocks.push(
        context(
          tr(locale, `… et ${toComplete.length - HOME_QUEUE} autres`, `… and ${toComplete.length - HOME_QUEUE} more`),
        ),
      );
  }
  return blocks;
}

/** The person's other contracts: one button each to show it here instead (at most 5; `/csi contrat` lists them all). */
function otherContractsBlocks(d: HomeData): KnownBlock[] {
  const others = d.otherContracts ?? [];
  if (others.length === 0) return [];
  const { locale } = d;
  return [
    context(
      tr(
        locale,
        `Vous suivez aussi ${others.length === 1 ? "un autre contrat" : `${others.length} autres contrats`} :`,
        `You also follow ${others.length === 1 ? "another contract" : `${others.length} other contracts`}:`,
      ),
    ),
    {
      type: "actions",
      block_id: "home_contracts",
      elements: others.slice(0, 5).map((c) => ({
        type: "button" as const,
        action_id: `${ACTIONS.homeContract}_${c.id}`,
        text: { type: "plain_text" as const, text: truncate(`${c.ref} — ${c.title}`, 75), emoji: true },
        value: c.id,
      })),
    },
  ];
}

/** Items of each coordinator queue shown on the Home (Slack allows 100 blocks in a Home tab). */
const HOME_QUEUE = 5;

export function appHomeView(d: HomeData): HomeView {
  const { locale, today } = d;
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncate(`Vigie — ${d.contractTitle}`, 150), emoji: true } },
    context(
      tr(
        locale,
        `Bonjour ${mention(d.userId)}, voici la situation au ${formatDateLong(today, locale)}.`,
        `Hello ${mention(d.userId)}, here is where things stand on ${formatDateLong(today, locale)}.`,
      ),
    ),
  ];
  if (d.closed)
    blocks.push(
      context(
        tr(
          locale,
          ":lock: Ce contrat est clos (lecture seule) : il a été renouvelé, ses engagements ne se mettent plus à jour ici.",
          ":lock: This contract is closed (read-only): it was renewed, its commitments are no longer updated here.",
        ),
      ),
    );
  blocks.push(...otherContractsBlocks(d));
  if (d.isCoordinator) blocks.push(coordinatorActions(d), ...coordinatorQueues(d));
  const mineTotal = d.mineTotal ?? d.mine.length;
  blocks.push(
    { type: "divider" },
    section(tr(locale, `*Mes engagements* (${mineTotal})`, `*My commitments* (${mineTotal})`)),
  );
  if (mineTotal === 0)
    blocks.push(context(tr(locale, "Vous n'êtes pilote d'aucun engagement.", "You do not own any commitment.")));
  for (const c of d.mine.slice(0, HOME_LIMITS.mine))
    blocks.push(section(commitmentLine(c, today, locale), d.closed ? undefined : updateButton(c, locale)));
  if (mineTotal > HOME_LIMITS.mine) blocks.push(more(mineTotal - HOME_LIMITS.mine, locale, tr(locale, "mes", "mine")));

  if (!d.canReadContract) {
    blocks.push(
      { type: "divider" },
      context(
        tr(
          locale,
          "Le suivi du contrat est réservé aux membres du comité de pilotage.",
          "The contract's follow-up is for steering-committee members.",
        ),
      ),
    );
    return { type: "home", blocks };
  }

  blocks.push(
    { type: "divider" },
    section(tr(locale, "*Avancement du contrat par partie*", "*Contract progress per party*")),
  );
  for (const p of d.parties.slice(0, HOME_LIMITS.parties)) blocks.push(section(partyLine(p, locale)));
  if (d.parties.length > HOME_LIMITS.parties)
    blocks.push(more(d.parties.length - HOME_LIMITS.parties, locale, tr(locale, "etat", "status")));

  const overdueTotal = d.overdueTotal ?? d.overdue.length;
  blocks.push({ type: "divider" }, section(tr(locale, `*En retard* (${overdueTotal})`, `*Overdue* (${overdueTotal})`)));
  if (overdueTotal === 0)
    blocks.push(
      context(
        tr(locale, ":white_check_mark: Aucun engagement en retard.", ":white_check_mark: No overdue commitment."),
      ),
    );
  for (const c of d.overdue.slice(0, HOME_LIMITS.overdue)) {
    const canUpdate = !d.closed && (d.isCoordinator || c.owners.includes(d.userId));
    blocks.push(section(commitmentLine(c, today, locale), canUpdate ? updateButton(c, locale) : undefined));
  }
  if (overdueTotal > HOME_LIMITS.overdue)
    blocks.push(more(overdueTotal - HOME_LIMITS.overdue, locale, tr(locale, "retards", "overdue")));

  blocks.push({ type: "divider" }, section(tr(locale, "*Prochaines réunions*", "*Next meetings*")));
  if (d.meetings.length === 0) blocks.push(context(tr(locale, "Aucune réunion planifiée.", "No meeting scheduled.")));
  for (const m of d.meetings.slice(0, HOME_LIMITS.meetings)) blocks.push(section(meetingLine(m, d)));
  if (d.meetings.length > HOME_LIMITS.meetings)
    blocks.push(more(d.meetings.length - HOME_LIMITS.meetings, locale, tr(locale, "reunions", "meetings")));

  blocks.push(
    { type: "divider" },
    section(tr(locale, "*Absence*", "*Away*")),
    ...absenceHomeBlocks(d.absence ?? null, today, locale),
  );
  blocks.push(context(tr(locale, "`/csi aide` pour toutes les commandes.", "`/csi help` for every command.")));
  return { type: "home", blocks };
}
