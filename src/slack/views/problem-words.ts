// The words of every problem the domain's rules report (src/domain/problems.ts), French first, shown next to
// the field it concerns. Pure.
import { DATE_MARGIN_YEARS, type DateWindow } from "../../domain/bounds.js";
import { confidentialityError } from "../../domain/confidentiality.js";
import type { FieldProblems, IndicatorLineProblem, Problem, SimpleProblemCode } from "../../domain/problems.js";
import type { Locale } from "../../domain/types.js";
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
  "commitment-edited-meanwhile": [
    "Cet engagement a été modifié par quelqu'un d'autre depuis l'ouverture du formulaire. Copiez votre saisie, puis fermez et rouvrez le formulaire pour partir de la version à jour.",
    "Someone changed this commitment since you opened this form. Copy what you typed, close and reopen the form to start from the current version.",
  ],
};

/** « Choisissez une date entre 2020 et 2031 (…) »: the contract's years, as the bounds of a date field. */
export const dateWindowText = (w: DateWindow, locale: Locale): string =>
  tr(
    locale,
    `Choisissez une date entre ${w.from.slice(0, 4)} et ${w.to.slice(0, 4)} (années du contrat, à ${DATE_MARGIN_YEARS} ans près).`,
    `Choose a date between ${w.from.slice(0, 4)} and ${w.to.slice(0, 4)} (the contract's years, give or take ${DATE_MARGIN_YEARS}).`,
  );

function indicatorLineText(p: IndicatorLineProblem): [fr: string, en: string] {
  switch (p.code) {
    case "too-many-parts":
      return [
        "4 parties au plus, séparées par « ; » (libellé ; unité ; départ ; cible)",
        "at most 4 parts separated by “;” (label ; unit ; baseline ; target)",
      ];
    case "label-empty":
      return ["le libellé est vide", "the label is empty"];
    case "label-too-long":
      return [`le libellé dépasse ${p.max} caractères`, `the label is longer than ${p.max} characters`];
    case "unit-too-long":
      return [
        `l'unité dépasse ${p.max} caractères (« ${p.unit.slice(0, 20)}… »)`,
        `the unit is longer than ${p.max} characters ("${p.unit.slice(0, 20)}…")`,
      ];
    case "baseline-not-a-number":
      return [
        `la valeur de départ « ${p.typed.slice(0, 30)} » n'est pas un nombre`,
        `the baseline "${p.typed.slice(0, 30)}" is not a number`,
      ];
    case "target-not-a-number":
      return [
        `la cible « ${p.typed.slice(0, 30)} » n'est pas un nombre`,
        `the target "${p.typed.slice(0, 30)}" is not a number`,
      ];
    case "value-out-of-bounds":
      return [
        `les valeurs sont limitées à ± ${new Intl.NumberFormat("fr-FR").format(p.limit)}`,
        `values are limited to ± ${new Intl.NumberFormat("en-GB").format(p.limit)}`,
      ];
    case "same-label-as":
      return [`même libellé qu'à la ligne ${p.line}`, `same label as line ${p.line}`];
  }
}

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
    case "indicator-lines": {
      const said = p.lines.map(({ line, problem }) => {
        const [fr, en] = indicatorLineText(problem);
        return tr(locale, `ligne ${line} : ${fr}`, `line ${line}: ${en}`);
      });
      const shown = said.slice(0, 4).join(" ; ");
      const more =
        said.length > 4
          ? tr(locale, ` (et ${said.length - 4} autres erreurs)`, ` (and ${said.length - 4} more errors)`)
          : "";
      return `${shown}${more}`;
    }
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
