// What coordinators (and those refused) read after a modal or `/csi role`. Pure builders.

import { formatDateLong, formatInstant, meetingKindLabel } from "../../domain/format.js";
import type { ClosedContract } from "../../domain/renewal.js";
import { truncate } from "../../domain/text.js";
import type { Commitment, IsoDate, Locale, Meeting, Role } from "../../domain/types.js";
import { channelLink, esc, mention, section } from "./blocks.js";
import { mentions } from "./commitment-text.js";
import { tr } from "./locale.js";
import { contractClosedText } from "./renewal-blocks.js";
import { type Reply, textReply } from "./reply.js";

const reply = (text: string): Reply => ({ text: truncate(text.replace(/\*/g, ""), 3000), blocks: [section(text)] });

const who = (ids: readonly string[], locale: Locale) =>
  ids.length === 0
    ? tr(locale, "(aucun coordonnateur n'est encore désigné)", "(no coordinator has been named yet)")
    : mentions(ids, locale);

/** The polite refusal: what is reserved, and whom to ask. */
/** A coordinator's change refused: not a coordinator (whom to ask), or the contract is closed (which follows it). */
export function coordinatorsOnlyText(locale: Locale, coordinators: readonly string[], closed?: ClosedContract): string {
  if (closed) return contractClosedText(closed, locale);
  return tr(
    locale,
    `:lock: Cette action est réservée aux coordonnateurs du contrat. Vous pouvez vous adresser à ${who(coordinators, locale)}.`,
    `:lock: This is for the contract's coordinators only. You may ask ${who(coordinators, locale)}.`,
  );
}
export const coordinatorsOnly = (locale: Locale, coordinators: readonly string[], closed?: ClosedContract): Reply =>
  reply(coordinatorsOnlyText(locale, coordinators, closed));

export function commitmentSaved(
  locale: Locale,
  c: Commitment,
  mode: "create" | "edit",
  keptIndicators: readonly string[] = [],
): Reply {
  const head =
    mode === "create"
      ? tr(
          locale,
          `:white_check_mark: Engagement *${esc(c.ref)}* créé : ${esc(truncate(c.title, 200))}`,
          `:white_check_mark: Commitment *${esc(c.ref)}* created: ${esc(truncate(c.title, 200))}`,
        )
      : tr(
          locale,
          `:white_check_mark: Engagement *${esc(c.ref)}* modifié : ${esc(truncate(c.title, 200))}`,
          `:white_check_mark: Commitment *${esc(c.ref)}* updated: ${esc(truncate(c.title, 200))}`,
        );
  const owners = c.owners.length
    ? `\n${tr(locale, "Pilotes", "Owners")} : ${who(c.owners, locale)}`
    : `\n${tr(locale, "Aucun pilote désigné pour l'instant.", "No owner named yet.")}`;
  const kept = keptIndicators.length
    ? `\n:information_source: ${tr(
        locale,
        `Conservé${keptIndicators.length > 1 ? "s" : ""} car déjà mesuré${keptIndicators.length > 1 ? "s" : ""} : ${keptIndicators.map((l) => `« ${esc(truncate(l, 80))} »`).join(", ")}. L'historique de ces indicateurs reste consultable.`,
        `Kept because already measured: ${keptIndicators.map((l) => `“${esc(truncate(l, 80))}”`).join(", ")}. Their history stays available.`,
      )}`
    : "";
  return reply(`${head}${owners}${kept}`);
}

export function ownerNotice(locale: Locale, c: Commitment): Reply {
  return reply(
    tr(
      locale,
      `:wave: Vous êtes désormais pilote de l'engagement *${esc(c.ref)}* : ${esc(truncate(c.title, 200))}. Vous recevrez les rappels avant échéance et pourrez déclarer l'avancement avec \`/csi maj ${esc(c.ref)}\`.`,
      `:wave: You now own commitment *${esc(c.ref)}*: ${esc(truncate(c.title, 200))}. You will get reminders before it is due and can report progress with \`/csi update ${esc(c.ref)}\`.`,
    ),
  );
}

export function meetingScheduled(locale: Locale, m: Meeting, timezone: string): Reply {
  const title = m.title ? ` — ${esc(truncate(m.title, 150))}` : "";
  const place = m.place ? `\n:round_pushpin: ${esc(truncate(m.place, 200))}` : "";
  const channel = m.channelId ? `\n${tr(locale, "Canal", "Channel")} : ${channelLink(m.channelId)}` : "";
  const attendees = m.attendees.length ? `\n${tr(locale, "Participants", "Attendees")} : ${m.attendees.length}` : "";
  return reply(
    `${tr(locale, ":calendar: Réunion planifiée", ":calendar: Meeting scheduled")} : *${meetingKindLabel(m.kind, locale)}*${title}\n${formatInstant(m.startsAt, timezone, locale)}${place}${channel}${attendees}`,
  );
}

export function decisionsRecorded(
  locale: Locale,
  count: number,
  milestones: readonly { ref: string; title: string; dueOn?: IsoDate | null }[],
  commitments: readonly { ref: string; title: string }[],
): Reply {
  const lines = [
    tr(
      locale,
      `:memo: ${count} décision${count > 1 ? "s" : ""} enregistrée${count > 1 ? "s" : ""}.`,
      `:memo: ${count} decision${count > 1 ? "s" : ""} recorded.`,
    ),
    ...milestones.map((m) =>
      tr(
        locale,
        `• Jalon ajouté à *${esc(m.ref)}* : ${esc(truncate(m.title, 150))}${m.dueOn ? `, prévu le ${formatDateLong(m.dueOn, locale)}` : " (sans date : ses pilotes ou la coordination peuvent la fixer depuis la fiche)"}`,
        `• Milestone added to *${esc(m.ref)}*: ${esc(truncate(m.title, 150))}${m.dueOn ? `, due ${formatDateLong(m.dueOn, locale)}` : " (no date: its owners or the coordinators can set one from the sheet)"}`,
      ),
    ),
    ...commitments.map((c) =>
      tr(
        locale,
        `• Nouvel engagement *${esc(c.ref)}* : ${esc(truncate(c.title, 150))} — à compléter (pilotes, échéance) : il figure sur l'Accueil des coordonnateurs et dans \`/csi liste a-completer\``,
        `• New commitment *${esc(c.ref)}*: ${esc(truncate(c.title, 150))} — to complete (owners, due date): it is listed on the coordinators' Home and in \`/csi list incomplete\``,
      ),
    ),
  ];
  return reply(lines.slice(0, 40).join("\n"));
}

const ROLE_WORDS: Record<Locale, Record<Role, string>> = {
  fr: { COORDINATOR: "coordonnateur", MEMBER: "membre du comité", READER: "lecteur" },
  en: { COORDINATOR: "coordinator", MEMBER: "committee member", READER: "reader" },
};
export const roleWord = (role: Role, locale: Locale): string => ROLE_WORDS[locale][role];

export function roleUsage(locale: Locale, problem: "no_user" | "no_role" | "usage", typedName?: string): Reply {
  const why =
    problem === "no_user" && typedName
      ? tr(
          locale,
          `Slack ne connaît personne nommé ${esc(typedName)} : tapez @ puis choisissez la personne dans la liste que Slack propose.`,
          `Slack knows no one called ${esc(typedName)}: type @ then pick the person from the list Slack offers.`,
        )
      : problem === "no_user"
        ? tr(locale, "Mentionnez la personne avec @.", "Mention the person with @.")
        : problem === "no_role"
          ? tr(
              locale,
              "Indiquez le rôle : coordonnateur, membre ou lecteur.",
              "Say which role: coordinator, member or reader.",
            )
          : "";
  return reply(
    `${why ? `${why}\n` : ""}${tr(locale, "Utilisation : `/csi role @personne coordonnateur|membre|lecteur`", "Usage: `/csi role @user coordinator|member|reader`")}`,
  );
}

export function roleAssigned(locale: Locale, userId: string, role: Role, before: Role | null): Reply {
  const was = before
    ? tr(locale, ` (auparavant ${roleWord(before, locale)})`, ` (was ${roleWord(before, locale)})`)
    : "";
  return reply(
    tr(
      locale,
      `:white_check_mark: ${mention(userId)} est désormais *${roleWord(role, locale)}*${was}.`,
      `:white_check_mark: ${mention(userId)} is now *${roleWord(role, locale)}*${was}.`,
    ),
  );
}

/** What a role lets one do, said to the person who was just given it. */
const ROLE_CAN: Record<Role, [string, string]> = {
  COORDINATOR: [
    "Vous pouvez créer et modifier les engagements (`/csi nouveau`), planifier les réunions (`/csi reunion`), importer et exporter (`/csi import`, `/csi export`) et gérer les rôles (`/csi role`) ; le point hebdomadaire vous sera envoyé chaque lundi.",
    "You may create and edit commitments (`/csi new`), schedule meetings (`/csi meeting`), import and export (`/csi import`, `/csi export`) and manage roles (`/csi role`); the weekly digest will be sent to you every Monday.",
  ],
  MEMBER: [
    "Vous pouvez suivre tout le contrat : `/csi etat`, `/csi retards`, `/csi echeances`, `/csi reunions`, et l'onglet Accueil de Vigie.",
    "You may follow the whole contract: `/csi status`, `/csi overdue`, `/csi due`, `/csi meetings`, and Vigie's Home tab.",
  ],
  READER: [
    "Vous pouvez consulter le suivi du contrat : `/csi etat`, `/csi liste`, `/csi voir REF`.",
    "You may read the contract's follow-up: `/csi status`, `/csi list`, `/csi show REF`.",
  ],
};

/** The direct message to the person given a role: who did it, and what it lets them do. */
export function roleGranted(locale: Locale, actorId: string, role: Role): Reply {
  const [fr, en] = ROLE_CAN[role];
  return reply(
    tr(
      locale,
      `:wave: <@${actorId}> vous a nommé *${roleWord(role, locale)}* dans Vigie, le suivi du Contrat de Sécurité Intégrée.\n${fr}\n\`/csi aide\` donne toutes les commandes.`,
      `:wave: <@${actorId}> made you *${roleWord(role, locale)}* in Vigie, the follow-up of the Integrated Security Contract.\n${en}\n\`/csi help\` lists every command.`,
    ),
  );
}

export function roleUnchanged(locale: Locale, userId: string, role: Role): Reply {
  return reply(
    tr(
      locale,
      `${mention(userId)} est déjà *${roleWord(role, locale)}* : rien n'a changé.`,
      `${mention(userId)} is already *${roleWord(role, locale)}*: nothing changed.`,
    ),
  );
}

export function lastCoordinator(locale: Locale): Reply {
  return reply(
    tr(
      locale,
      ":warning: Impossible : ce serait retirer le dernier coordonnateur du contrat. Nommez d'abord un autre coordonnateur.",
      ":warning: Not possible: that would remove the contract's last coordinator. Name another coordinator first.",
    ),
  );
}

/** A coordinator's form asked for while no contract is loaded. */
export const noContractYetReply = (locale: Locale): Reply =>
  textReply(tr(locale, "Aucun contrat n'est encore chargé.", "No contract is loaded yet."));

/** « Relevé de décisions » on a meeting deleted since. */
export const meetingGoneReply = (locale: Locale): Reply =>
  textReply(
    tr(locale, ":grey_question: Cette réunion n'existe plus.", ":grey_question: This meeting no longer exists."),
  );

/** A form's storage failed: said beside its first field, everything typed kept. */
export const savingFailedText = (locale: Locale): string =>
  tr(
    locale,
    "L'enregistrement a échoué (incident technique). Votre saisie est conservée : réessayez dans un instant.",
    "Saving failed (technical incident). What you typed is kept: try again in a moment.",
  );
