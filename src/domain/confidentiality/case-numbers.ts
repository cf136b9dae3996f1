// ---------------------------------------------------------------------------------------------
// Case numbers

import { B, digitCount, E, type Rule, re } from "./rule-kit.js";

const CASE_KEYWORDS = String.raw`(?:p\.?v\.?|proces[\s-]verbal|rg|parquet|procedure|affaire|plainte|main\s+courante|cassiopee|ecrou|levee\s+d'ecrou|assistance\s+educative|aemo|ae|je|jap|ji|tpe|dossier\s+(?:ae|je|jap|ji|tpe|spip|pjj|penal|judiciaire|d'assistance\s+educative|d'instruction|au\s+parquet|cassiopee)|jugement|signalement|case|file|docket|crime\s+ref(?:erence)?)`;
// Keywords so short that a figure after them can be anything: a marker (« n° ») or a case-number
// shape (« 22/00123 ») must follow.
const SHORT_KEYWORD = /^(?:ae|je|ji|jap|tpe|rg|jugement|signalement)$/iu;
// After « n° de … » even a word that names other things too is a case: « n° d'instruction ».
const NUMBERED_KEYWORDS = `(?:${CASE_KEYWORDS}|instruction|ordonnance|minute)`;
const CASE_MARKER = String.raw`(?:n[°o]\.?|num(?:ero)?\.?|number|#|ref(?:erence)?\.?)`;
const CASE_NUMBER = String.raw`((?:[a-z]{1,4}\s?)?\d+(?:[./-]\d+)*)`;

function looksLikeCaseNumber(token: string): boolean {
  if (/^(?:19|20)\d{2}[-/](?:19|20)?\d{2}$/.test(token)) return false; // « 2026-2027 »: a period
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(token)) return false; // a date: « PV 12/03/2026 »
  return /[./-]/.test(token) || digitCount(token) >= 5;
}

export const CASE_RULES: Rule[] = [
  {
    // « plainte enregistrée sous le n° 2024/001234 »: a number a case was registered under.
    kind: "CASE_NUMBER",
    on: "folded",
    re: re(
      String.raw`${B}(?:enregistree?s?|inscrite?s?|referencee?s?|suivie?s?|ouverte?s?)\s+sous\s+(?:le\s+)?(?:n[°o]\.?|numero|la\s+reference|ref\.?)\s*:?\s*\d+(?:[./-]\d+)*${E}`,
    ),
  },
  {
    // « PV 2026/00123 », « RG 21/01234 », « procédure n° 2026-000123 », « case number 123-456 ».
    // « dossier » is left out on purpose: FIPD funding files have numbers too.
    kind: "CASE_NUMBER",
    on: "folded",
    re: re(String.raw`${B}(${CASE_KEYWORDS})${E}\s*(${CASE_MARKER}\s*)?(?:de\s+)?:?\s*${CASE_NUMBER}${E}`),
    accept: (m) => {
      const [, keyword = "", marker, number = ""] = m;
      if (!/\d/u.test(number)) return false;
      if (/^[a-z]/iu.test(number) && marker === undefined) return false;
      if (SHORT_KEYWORD.test(keyword.trim()))
        return marker !== undefined ? digitCount(number) >= 2 : /[./-]/u.test(number) && looksLikeCaseNumber(number);
      return marker !== undefined || looksLikeCaseNumber(number);
    },
  },
  {
    // « n° parquet 26.123.456 », « numéro de procédure : 2026-000123 »: explicit, always flagged.
    kind: "CASE_NUMBER",
    on: "folded",
    re: re(
      String.raw`${B}(?:n[°o]\.?|num(?:ero)?\.?)\s*(?:de\s+|d'|du\s+)?${NUMBERED_KEYWORDS}${E}\s*:?\s*(?:[a-z]{1,4}\s?)?\d+(?:[./-]\d+)*${E}`,
    ),
  },
];
