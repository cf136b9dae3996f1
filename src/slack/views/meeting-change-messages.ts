// What `/csi reunion deplacer|annuler` answers the coordinator. Pure builders; every error repeats the command.

import { countOf, formatDateLong, formatInstant, meetingKindLabel } from "../../domain/format.js";
import type { MeetingChangeProblem } from "../../domain/meeting-change-input.js";
import type { IsoDate, Locale, Meeting } from "../../domain/types.js";
import { COMMAND } from "../ids.js";
import { plain } from "./blocks.js";
import { tr } from "./locale.js";
import { type Reply, textReply } from "./reply.js";

const what = (m: Meeting, timezone: string, locale: Locale): string =>
  `${meetingKindLabel(m.kind, locale, "short")}${m.title ? ` « ${plain(m.title, 120)} »` : ""} ${tr(locale, "du", "of")} ${formatInstant(m.startsAt, timezone, locale)}`;

const mailNote = (n: number, locale: Locale, verb: { fr: string; en: string }): string =>
  n === 0
    ? ""
    : `\n:envelope: ${tr(locale, `${countOf(n, "fr", "destinataire", "destinataires")} par courriel ${n > 1 ? verb.fr : verb.fr.replace(/^recevront/, "recevra")}.`, `${countOf(n, "en", "e-mail recipient", "e-mail recipients")} ${verb.en}.`)}`;

export const meetingChangeUsage = (locale: Locale): string =>
  tr(
    locale,
    `\`${COMMAND} reunion deplacer 17/12/2026 18/12/2026 14h30\` (la date actuelle, puis la nouvelle date et l'heure) ou \`${COMMAND} reunion annuler 17/12/2026\` ; ajoutez COPIL, GLTD ou CLSPD si plusieurs réunions tombent ce jour-là.`,
    `\`${COMMAND} meeting move 17/12/2026 18/12/2026 14:30\` (the current date, then the new date and time) or \`${COMMAND} meeting cancel 17/12/2026\`; add COPIL, GLTD or CLSPD when several meetings fall that day.`,
  );

const typedBack = (typed: string, locale: Locale): string =>
  `\n${tr(locale, "Votre saisie, à corriger :", "What you typed, to correct:")}\n\`\`\`${plain(typed.replace(/`/g, "'"), 500)}\`\`\``;

function problemText(p: MeetingChangeProblem, locale: Locale): string {
  switch (p.kind) {
    case "no_date":
      return tr(locale, "Indiquez la date actuelle de la réunion.", "Give the meeting's current date.");
    case "bad_date":
      return tr(
        locale,
        `« ${plain(p.typed, 40)} » n'est pas une date (ex. 17/12/2026).`,
        `“${plain(p.typed, 40)}” is not a date (e.g. 17/12/2026).`,
      );
    case "no_new_date":
      return tr(locale, "Indiquez la nouvelle date et l'heure.", "Give the new date and time.");
    case "bad_time":
      return p.typed
        ? tr(
            locale,
            `« ${plain(p.typed, 40)} » n'est pas une heure (ex. 14h30).`,
            `“${plain(p.typed, 40)}” is not a time (e.g. 14:30).`,
          )
        : tr(locale, "Indiquez l'heure (ex. 14h30).", "Give the time (e.g. 14:30).");
    case "nonexistent_time":
      return tr(
        locale,
        `${plain(p.typed, 60)} n'existe pas à Paris (passage à l'heure d'été) : choisissez une autre heure.`,
        `${plain(p.typed, 60)} does not exist in Paris (clocks go forward): choose another time.`,
      );
    case "past":
      return tr(
        locale,
        "Cette date est passée : une réunion se déplace dans le futur.",
        "This date is past: a meeting moves to the future.",
      );
  }
}

export const meetingChangeInvalid = (p: MeetingChangeProblem, typed: string, locale: Locale): Reply =>
  textReply(`:warning: ${problemText(p, locale)}\n${meetingChangeUsage(locale)}${typedBack(typed, locale)}`);

export const meetingNotFound = (on: IsoDate, typed: string, locale: Locale): Reply =>
  textReply(
    `:mag: ${tr(locale, `Aucune réunion à venir le ${formatDateLong(on, locale)}.`, `No upcoming meeting on ${formatDateLong(on, locale)}.`)} ${tr(locale, `\`${COMMAND} reunions\` les liste.`, `\`${COMMAND} meetings\` lists them.`)}${typedBack(typed, locale)}`,
  );

export const meetingAmbiguous = (meetings: Meeting[], timezone: string, typed: string, locale: Locale): Reply =>
  textReply(
    `:warning: ${tr(locale, "Plusieurs réunions ce jour-là :", "Several meetings that day:")} ${meetings.map((m) => what(m, timezone, locale)).join(" ; ")}. ${tr(locale, "Ajoutez COPIL, GLTD ou CLSPD.", "Add COPIL, GLTD or CLSPD.")}${typedBack(typed, locale)}`,
  );

export const meetingMoved = (
  before: Meeting,
  after: Meeting,
  recipients: number,
  timezone: string,
  locale: Locale,
): Reply =>
  textReply(
    `:calendar: ${tr(locale, "Réunion déplacée", "Meeting moved")} : ${what(before, timezone, locale)} → *${formatInstant(after.startsAt, timezone, locale)}*.${mailNote(recipients, locale, { fr: "recevront la mise à jour de leur invitation", en: "will receive the updated invitation" })}`,
  );

export const meetingCancelled = (m: Meeting, recipients: number, timezone: string, locale: Locale): Reply =>
  textReply(
    `:x: ${tr(locale, "Réunion annulée", "Meeting cancelled")} : ${what(m, timezone, locale)}.${mailNote(recipients, locale, { fr: "recevront l'annulation dans leur agenda", en: "will receive the cancellation in their calendar" })}`,
  );
