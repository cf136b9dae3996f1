// The words of problems found line by line in a text field (a meeting's decisions, a new contract's parties):
// « ligne 2 : … », the first few said, the others counted. Pure.

import type {
  DecisionLineProblem,
  IndicatorLineProblem,
  LineProblems,
  PartyLineProblem,
} from "../../domain/problems.js";
import { truncate } from "../../domain/text.js";
import type { Locale } from "../../domain/types.js";
import { confidentialityError } from "./confidentiality-words.js";
import { dateWindowText } from "./date-window-text.js";
import { tr } from "./locale.js";

type Words = [fr: string, en: string];

function decisionLineWords(p: DecisionLineProblem, locale: Locale): Words {
  switch (p.code) {
    case "decision-too-long":
      return [`${p.max} caractères au plus par décision`, `${p.max} characters at most per decision`];
    case "personal-data": {
      const said = confidentialityError(p.findings, locale) ?? "";
      return [said, said];
    }
    case "unknown-ref": {
      const hint = p.suggestions.length
        ? tr(
            locale,
            ` (vouliez-vous dire ${p.suggestions.join(", ")} ?)`,
            ` (did you mean ${p.suggestions.join(", ")}?)`,
          )
        : "";
      return [
        `l'engagement « ${p.typed.slice(0, 20)} » n'existe pas${hint}`,
        `commitment "${p.typed.slice(0, 20)}" does not exist${hint}`,
      ];
    }
    case "milestone-missing":
      return ["indiquez le jalon après « : »", "write the milestone after “:”"];
    case "date-not-a-day":
      return [
        `la date « ${p.typed.slice(0, 40)} » n'existe pas au calendrier`,
        `the date "${p.typed.slice(0, 40)}" is not a day of the calendar`,
      ];
    case "date-outside-contract": {
      const said = dateWindowText(p.window, locale);
      return [said, said];
    }
    case "unknown-party":
      return [
        `partie « ${p.typed.slice(0, 20)} » inconnue (${p.parties.join(", ")})`,
        `unknown party "${p.typed.slice(0, 20)}" (${p.parties.join(", ")})`,
      ];
    case "new-title-missing":
      return ["indiquez le titre du nouvel engagement après « : »", "write the new commitment's title after “:”"];
  }
}

function partyLineWords(p: PartyLineProblem): Words {
  switch (p.code) {
    case "too-many-parts":
      return ["3 parties au plus (code ; libellé ; signataire)", "at most 3 parts (code ; label ; signatory)"];
    case "code-malformed":
      return [
        `code « ${truncate(p.typed, 20)} » : 2 à 12 lettres ou chiffres, par ex. VILLE`,
        `code "${truncate(p.typed, 20)}": 2 to 12 letters or digits, e.g. CITY`,
      ];
    case "code-taken":
      return [`le code ${p.party} est déjà pris`, `code ${p.party} is already used`];
    case "label-length":
      return ["libellé de 1 à 100 caractères", "a label of 1 to 100 characters"];
    case "signatory-too-long":
      return [`signataire de ${p.max} caractères au plus`, `a signatory of ${p.max} characters at most`];
  }
}

function indicatorLineText(p: IndicatorLineProblem): Words {
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

/** « ligne N : … » for each line, the first `shown` joined, with the count of the others when `countMore`. */
function linesText<P>(
  lines: LineProblems<P>["lines"],
  locale: Locale,
  words: (p: P) => Words,
  shown: number,
  countMore: boolean,
): string {
  const said = lines.map(({ line, problem }) => {
    const [fr, en] = words(problem);
    return tr(locale, `ligne ${line} : ${fr}`, `line ${line}: ${en}`);
  });
  const more =
    countMore && said.length > shown
      ? tr(locale, ` (et ${said.length - shown} autres erreurs)`, ` (and ${said.length - shown} more errors)`)
      : "";
  return `${said.slice(0, shown).join(" ; ")}${more}`;
}

/** A meeting's decisions that cannot be recorded: three lines said, the others counted. */
export const decisionLinesText = (lines: LineProblems<DecisionLineProblem>["lines"], locale: Locale): string =>
  linesText(lines, locale, (p) => decisionLineWords(p, locale), 3, true).slice(0, 1900);

/** The commitment form's indicator lines that cannot be read: four lines said, the others counted. */
export const indicatorLinesText = (lines: LineProblems<IndicatorLineProblem>["lines"], locale: Locale): string =>
  linesText(lines, locale, indicatorLineText, 4, true);

/** A new contract's party lines that cannot be read: four lines said. */
export const partyLinesText = (lines: LineProblems<PartyLineProblem>["lines"], locale: Locale): string =>
  linesText(lines, locale, partyLineWords, 4, false);
