// ---------------------------------------------------------------------------------------------
// Civil titles followed by a surname: « M. Dupont », « Mrs Smith »

import { B, foldWord, type Rule, re, words } from "./rule-kit.js";

// Official functions that follow a civil title without naming anyone: « Madame la Préfète ».
const NOT_A_NAME = words([
  "le",
  "la",
  "les",
  "l",
  "prefet",
  "prefete",
  "sous-prefet",
  "sous-prefete",
  "maire",
  "procureur",
  "procureure",
  "president",
  "presidente",
  "directeur",
  "directrice",
  "adjoint",
  "adjointe",
  "commissaire",
  "juge",
  "depute",
  "deputee",
  "senateur",
  "senatrice",
  "conseiller",
  "conseillere",
  "secretaire",
  "ministre",
  "recteur",
  "rectrice",
  "delegue",
  "deleguee",
  "chef",
  "cheffe",
  "colonel",
  "commandant",
  "capitaine",
  "lieutenant",
  "general",
  "mayor",
  "chair",
  "chairman",
  "chairwoman",
  "prefect",
  "speaker",
  "justice",
  "minister",
  "secretary",
  "the",
]);

/** A capitalised word after a civil title that is a surname, not « le » nor « Préfet ». */
export function isName(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !NOT_A_NAME.has(foldWord(word.replace(/['.,;:].*$/u, "")));
}

export const NAMED_RULES: Rule[] = [
  {
    // Case-sensitive: the capital is what makes « M. Dupont » a name and « M. le Préfet » a function.
    kind: "NAMED_PERSON",
    on: "orig",
    re: re(
      String.raw`${B}(?:M\.|MM\.|(?:Mmes|Mme|Mlles|Mlle|Mrs|Mr|Ms|Mx)(?![\p{L}\p{N}_])\.?|Monsieur|Madame|Mademoiselle|Miss|Me|Ma[iî]tre)\s+(\p{Lu}[\p{L}'-]*)`,
      "gu",
    ),
    accept: (m) => isName(m[1] ?? ""),
  },
];
