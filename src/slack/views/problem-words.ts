// The words of every problem the domain's rules report (src/domain/problems.ts), French first, shown next to
// the field it concerns. Pure.

import type { FieldProblems, Problem, SimpleProblemCode } from "../../domain/problems.js";
import { truncate } from "../../domain/text.js";
import type { Locale } from "../../domain/types.js";
import { confidentialityError } from "./confidentiality-words.js";
import { dateWindowText } from "./date-window-text.js";
import { decisionLinesText, indicatorLinesText, partyLinesText } from "./line-problem-words.js";
import { tr } from "./locale.js";

const SIMPLE: Record<SimpleProblemCode, [fr: string, en: string]> = {
  "invalid-value": ["Valeur invalide.", "Invalid value."],
  "not-a-number": ["Saisissez un nombre, par ex. 12 ou 12.5.", "Enter a number, e.g. 12 or 12.5."],
  "number-out-of-bounds": [
    "Nombre hors limites : entre −1 000 milliards et 1 000 milliards.",
    "Number out of range: between −1,000 billion and 1,000 billion.",
  ],
  "date-not-picked": ["Choisissez une date dans le calendrier.", "Pick a date from the calendar."],
  "date-does-not-exist": ["Cette date n'existe pas.", "This date does not exist."],
  "date-invalid": ["Date invalide.", "Invalid date."],
  "date-in-past": [
    "Cette date est passée : choisissez aujourd'hui ou une date à venir.",
    "This date is in the past: choose today or a later date.",
  ],
  "link-too-long": ["Ce lien est trop long.", "This link is too long."],
  "link-not-web": [
    "Indiquez un lien web complet, commençant par https://",
    "Enter a full web link starting with https://",
  ],
  "status-not-in-list": ["Choisissez un statut dans la liste.", "Choose a status from the list."],
  "progress-missing": ["Indiquez l'avancement, de 0 à 100 %.", "Enter the progress, from 0 to 100%."],
  "progress-not-whole": ["L'avancement est un nombre entier de 0 à 100.", "Progress is a whole number from 0 to 100."],
  "progress-over-100": ["L'avancement ne peut dépasser 100 %.", "Progress cannot exceed 100%."],
  "comment-needed-at-risk": [
    "Pour un engagement en vigilance ou en retard, décrivez ce qui a été fait et ce qui bloque.",
    "For a commitment at risk or late, describe what was done and what is holding it back.",
  ],
  "next-step-missing": ["Décrivez l'étape prévue à cette date.", "Describe the step planned for this date."],
  "evidence-needed-for-done": [
    "Pour déclarer l'engagement réalisé, joignez un lien vers un justificatif ou décrivez la preuve (rapport, convention signée, indicateur atteint…).",
    "To report the commitment as done, add a link to evidence or describe the proof (a report, a signed agreement, an indicator at target…).",
  ],
  "proposed-date-missing": ["Choisissez la nouvelle date proposée.", "Pick the proposed new date."],
  "proposed-date-not-after-today": [
    "La nouvelle échéance doit être postérieure à aujourd'hui.",
    "The new due date must be after today.",
  ],
  "proposed-date-unchanged": [
    "C'est déjà l'échéance actuelle : choisissez une autre date.",
    "This is already the current due date: pick another date.",
  ],
  "due-reason-missing": [
    "Dites pourquoi une nouvelle date est nécessaire : la coordination en décide.",
    "Say why a new date is needed: the coordinators decide on it.",
  ],
  "refusal-reason-missing": [
    "Indiquez le motif du refus : il est envoyé au pilote.",
    "Give the reason for refusing: it is sent to the owner.",
  ],
  "party-missing": ["Choisissez la partie signataire.", "Choose the signatory party."],
  "party-not-in-contract": ["Choisissez une partie du contrat.", "Choose one of the contract's parties."],
  "title-missing": ["Le titre est obligatoire.", "The title is required."],
  "title-too-short": [
    "Le titre est obligatoire (3 caractères au moins).",
    "The title is required (at least 3 characters).",
  ],
  "owners-not-in-list": ["Choisissez les pilotes dans la liste.", "Pick the owners from the list."],
  "meeting-kind-missing": ["Choisissez le type de réunion.", "Choose the kind of meeting."],
  "meeting-date-missing": ["Choisissez la date.", "Choose the date."],
  "meeting-time-missing": ["Choisissez l'heure.", "Choose the time."],
  "meeting-time-invalid": ["Heure invalide (HH:MM).", "Invalid time (HH:MM)."],
  "meeting-in-past": [
    "Cette date est passée : une réunion se planifie dans le futur.",
    "This date is in the past: a meeting is scheduled in the future.",
  ],
  "meeting-too-far-ahead": [
    "Date trop lointaine (plus de 3 ans) : vérifiez l'année.",
    "Date too far ahead (over 3 years): check the year.",
  ],
  "channel-not-in-list": ["Choisissez un canal dans la liste.", "Pick a channel from the list."],
  "attendees-not-in-list": ["Choisissez les participants dans la liste.", "Pick the attendees from the list."],
  "commitment-gone": ["Cet engagement n'existe plus.", "This commitment no longer exists."],
  "meeting-gone": ["Cette réunion n'existe plus.", "This meeting no longer exists."],
  "no-decision": ["Saisissez au moins une décision (une par ligne).", "Type at least one decision (one per line)."],
  "no-party": [
    "Au moins une partie signataire : « CODE ; Libellé ; Signataire », une par ligne.",
    "At least one signatory party: “CODE ; Label ; Signatory”, one a line.",
  ],
  "contract-title-length": ["Intitulé de 3 à 200 caractères.", "A title of 3 to 200 characters."],
  "contract-ref-length": [
    "Référence de 3 à 40 caractères, par ex. CSI-AIX.",
    "A ref of 3 to 40 characters, e.g. CSI-AIX.",
  ],
  "signed-on-missing": ["Date de signature requise.", "The signature date is required."],
  "ends-on-missing": ["Date de fin requise.", "The end date is required."],
  "ends-before-signed": ["La fin vient après la signature.", "The end comes after the signature."],
  "digest-day-invalid": ["Choisissez un jour de la semaine.", "Choose a day of the week."],
  "time-not-hh-mm": ["Choisissez une heure (HH:mm).", "Choose a time (HH:mm)."],
  "quiet-hours-malformed": [
    "Heures calmes attendues sous la forme 19:00-09:00 (début-fin, de 00:00 à 23:59).",
    "Quiet hours look like 19:00-09:00 (start-end, from 00:00 to 23:59).",
  ],
  "quiet-hours-empty": [
    "Le début et la fin des heures calmes sont identiques : indiquez deux heures différentes.",
    "Quiet hours start and end at the same time: give two different times.",
  ],
  "commitment-edited-meanwhile": [
    "Cet engagement a été modifié par quelqu'un d'autre depuis l'ouverture du formulaire. Copiez votre saisie, puis fermez et rouvrez le formulaire pour partir de la version à jour.",
    "Someone changed this commitment since you opened this form. Copy what you typed, close and reopen the form to start from the current version.",
  ],
};

export type { dateWindowText };

/** The sentence for one problem, in the reader's language. */
export function problemText(p: Problem, locale: Locale): string {
  switch (p.code) {
    case "text-too-long":
      return tr(locale, `${p.max} caractères au plus.`, `At most ${p.max} characters.`);
    case "too-many-owners":
      return tr(locale, `${p.max} pilotes au plus.`, `${p.max} owners at most.`);
    case "too-many-attendees":
      return tr(locale, `${p.max} participants au plus.`, `${p.max} attendees at most.`);
    case "time-skipped-by-summer-time":
      return tr(
        locale,
        `Cette heure n'existe pas le ${p.date.split("-").reverse().join("/")} : à 2 h, les horloges passent directement à 3 h (heure d'été). Choisissez une autre heure.`,
        `This time does not exist on ${p.date}: clocks jump from 2 am to 3 am (summer time). Choose another time.`,
      );
    case "personal-data":
      return confidentialityError(p.findings, locale) ?? "";
    case "date-outside-contract":
      return dateWindowText(p.window, locale);
    case "indicator-lines":
      return indicatorLinesText(p.lines, locale);
    case "decision-lines":
      return decisionLinesText(p.lines, locale);
    case "party-lines":
      return partyLinesText(p.lines, locale);
    case "too-many-decisions":
      return tr(locale, `${p.max} décisions au plus par envoi.`, `At most ${p.max} decisions at a time.`);
    case "too-many-parties":
      return tr(locale, `${p.max} parties au plus.`, `${p.max} parties at most.`);
    case "contract-ref-taken":
      return tr(locale, `${p.ref} existe déjà.`, `${p.ref} already exists.`);
    case "contract-ref-just-taken":
      return tr(locale, `${p.ref} vient d'être pris.`, `${p.ref} was just taken.`);
    case "not-a-timezone":
      return tr(
        locale,
        `« ${truncate(p.typed, 40)} » n'est pas un fuseau horaire : par ex. Europe/Paris, America/Cayenne, Indian/Reunion.`,
        `"${truncate(p.typed, 40)}" is not a time zone: e.g. Europe/Paris, America/Cayenne, Indian/Reunion.`,
      );
    case "too-many-indicators":
      return tr(
        locale,
        `${p.max} indicateurs au plus (vous en avez saisi ${p.typed}).`,
        `At most ${p.max} indicators (you typed ${p.typed}).`,
      );
    case "ref-malformed":
      return tr(
        locale,
        `Référence attendue sous la forme ${p.next} (partie, tiret, numéro).`,
        `A ref looks like ${p.next} (party, dash, number).`,
      );
    case "ref-other-party":
      return tr(
        locale,
        `La référence d'un engagement ${p.party} commence par ${p.party}- ; prochain numéro libre : ${p.next}.`,
        `A ${p.party} commitment's ref starts with ${p.party}-; next free number: ${p.next}.`,
      );
    case "ref-just-taken":
      return tr(
        locale,
        `${p.ref} vient d'être attribuée à un autre engagement. Choisissez une autre référence.`,
        `${p.ref} was just taken by another commitment. Choose another ref.`,
      );
    case "ref-used-by-another":
      return tr(
        locale,
        `${p.ref} est déjà utilisée par un autre engagement.`,
        `${p.ref} is already used by another commitment.`,
      );
    case "ref-taken":
      return tr(
        locale,
        `${p.ref} existe déjà. Prochain numéro libre : ${p.next}.`,
        `${p.ref} already exists. Next free number: ${p.next}.`,
      );
    default: {
      const [fr, en] = SIMPLE[p.code];
      return tr(locale, fr, en);
    }
  }
}

/** Each field's problem in words, for `toBlockErrors`. */
export function problemTexts<F extends string>(problems: FieldProblems<F>, locale: Locale): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const [field, p] of Object.entries(problems) as [F, Problem | undefined][]) {
    if (p) out[field] = problemText(p, locale);
  }
  return out;
}
