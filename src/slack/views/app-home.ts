// The App Home: a personal dashboard. At most 100 blocks whatever the data (Slack's limit): each list
// is capped and ends with « … et N autres ».
import type { HomeView, KnownBlock } from "@slack/types";
import { formatDateLong } from "../../domain/format.js";
import { truncate } from "../../domain/text.js";
import type { Commitment, Locale } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import { absenceHomeBlocks } from "./absence-messages.js";
import { coordinatorActions, coordinatorQueues } from "./app-home-coordinator.js";
import { HOME_LIMITS, type HomeData } from "./app-home-data.js";
import { commitmentLine, meetingLine, partyLine } from "./app-home-lines.js";
import { button, context, mention, section } from "./blocks.js";
import { tr } from "./locale.js";

export { HOME_LIMITS, type HomeData } from "./app-home-data.js";

const more = (n: number, locale: Locale, command: string): KnownBlock =>
  context(
    tr(
      locale,
      `… et ${n} autre${n > 1 ? "s" : ""} — \`/csi ${command}\` pour tout voir`,
      `… and ${n} more — \`/csi ${command}\` to see them all`,
    ),
  );

const updateButton = (c: Commitment, locale: Locale) =>
  button(ACTIONS.openUpdate, tr(locale, "Mettre à jour", "Update"), c.id);

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
