// French first names, from a maintained data package rather than a hand-typed list:
// @zxcvbn-ts/language-fr (MIT, the French dictionaries of the zxcvbn-ts password checker: 2,525
// first names given in France today, accented and unaccented spellings). Its two name lists are published under
// each other's key: `lastnames-fr` holds the 2,525 first names (« léo », « inès », « yanis »…) and
// `firstnames-fr` the surnames; test/domain/confidentiality/first-names.test.ts pins that down so an
// upstream fix cannot silently empty the guard. Only that list's file is imported: the package's index loads its
// four dictionaries (common words, Wikipedia…), about 8 MB more resident memory for words the guard never reads.
import lastnamesFr from "@zxcvbn-ts/language-fr/dist/lastnames.json.mjs";
import { foldWord } from "./rule-kit.js";

// First names that are first of all ordinary French words or holidays, months, places: only a
// stronger sign (an age, a date, a surname) makes them a person, never their capital alone.
const ORDINARY_WORDS = [
  "aime",
  "ange",
  "ambre",
  "aube",
  "avril",
  "blanche",
  "bon",
  "claire",
  "colombe",
  "constance",
  "eden",
  "esperance",
  "fleur",
  "france",
  "grace",
  "juste",
  "loire",
  "lou",
  "loup",
  "marin",
  "marine",
  "mai",
  "noel",
  "olive",
  "paris",
  "prince",
  "prudence",
  "reine",
  "rose",
  "sage",
  "toussaint",
  "valence",
  "victoire",
  "violette",
];

const FIRST_NAMES: ReadonlySet<string> = new Set(lastnamesFr.map(foldWord).filter((w) => !ORDINARY_WORDS.includes(w)));

/** Number of first names known to the guard (for its tests). */
export const FIRST_NAME_COUNT = FIRST_NAMES.size;

/**
 * A capitalised word (or ALL-CAPS) that is a French first name, hyphenated ones included
 * (« Jean-Pierre », « Marie-Lou »). « Rose » or « Noël » are not: they are ordinary words too.
 */
export function isFirstName(word: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  const parts = foldWord(word).split("-");
  return parts.every((p) => FIRST_NAMES.has(p));
}

/** A first name in any case, for lists where capitals were lost: « kevin », « INES ». */
export function isFirstNameAnyCase(word: string): boolean {
  const parts = foldWord(word).split("-");
  return parts.length > 0 && parts.every((p) => FIRST_NAMES.has(p));
}
