// ---------------------------------------------------------------------------------------------
// Case numbers

import { B, digitCount, E, type Rule, re } from "./rule-kit.js";

const CASE_KEYWORDS = String.raw`(?:p\.?v\.?|rg|parquet|procedure|affaire|plainte|main\s+courante|case|file|docket|crime\s+ref(?:erence)?)`;
const CASE_MARKER = String.raw`(?:n[°o]\.?|num(?:ero)?\.?|number|#|ref(?:erence)?\.?)`;
const CASE_NUMBER = String.raw`(\d+(?:[./-]\d+)*)`;

function looksLikeCaseNumber(token: string): boolean {
  if (/^(?:19|20)\d{2}[-/](?:19|20)?\d{2}$/.test(token)) return false; // « 2026-2027 »: a period
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(token)) return false; // a date: « PV 12/03/2026 »
  return /[./-]/.test(token) || digitCount(token) >= 5;
}

export const CASE_RULES: Rule[] = [
  {
    // « PV 2026/00123 », « RG 21/01234 », « procédure n° 2026-000123 », « case number 123-456 ».
    // « dossier » is left out on purpose: FIPD funding files have numbers too.
    kind: "CASE_NUMBER",
    on: "folded",
    re: re(String.raw`${B}${CASE_KEYWORDS}${E}\s*(${CASE_MARKER}\s*)?(?:de\s+)?:?\s*${CASE_NUMBER}${E}`),
    accept: (m) => m[1] !== undefined || looksLikeCaseNumber(m[2] ?? ""),
  },
  {
    // « n° parquet 26.123.456 », « numéro de procédure : 2026-000123 »: explicit, always flagged.
    kind: "CASE_NUMBER",
    on: "folded",
    re: re(String.raw`${B}(?:n[°o]\.?|num(?:ero)?\.?)\s*(?:de\s+|d')?${CASE_KEYWORDS}${E}\s*:?\s*\d+(?:[./-]\d+)*${E}`),
  },
];
