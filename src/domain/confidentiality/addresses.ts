// ---------------------------------------------------------------------------------------------
// Postal addresses

import { INSTITUTION, PRIVATE_PLACE } from "./lexicon.js";
import { B, clauseAround, E, foldWord, type Rule, re, words } from "./rule-kit.js";
import type { Views } from "./text-views.js";

const INSTITUTION_RE = new RegExp(`(?<![\\p{L}])${INSTITUTION}${E}`, "iu");
const PRIVATE_RE = new RegExp(`(?<![\\p{L}])${PRIVATE_PLACE}${E}`, "iu");

/**
 * The address of a public building, where a permanence or a meeting is held: « permanence à la
 * maison de la justice et du droit, 2 rue X », « commissariat, 585 avenue Y ». Someone's home is
 * never one: « famille relogée 3 avenue Foch », « domicilié 12 rue des Lilas ».
 */
function publicPlace(v: Views, index: number, end: number): boolean {
  const { start, stop } = clauseAround(v.folded, index, end);
  const clause = v.folded.slice(Math.max(start, index - 100), Math.min(stop, end + 60));
  return INSTITUTION_RE.test(clause) && !PRIVATE_RE.test(clause);
}

// Words that name a street and little else.
const STREET_TYPES_CLEAR = [
  "rue",
  "ruelle",
  "avenue",
  "av",
  "boulevard",
  "bd",
  "bld",
  "chemin",
  "impasse",
  "allee",
  "quai",
  "faubourg",
  "fbg",
  "rond-point",
  "lotissement",
  "montee",
  "sentier",
];
// Words that are also ordinary nouns (« 1 place en crèche », « 2 cours de français »): only an
// address when a capitalised name follows.
const STREET_TYPES_AMBIGUOUS = [
  "place",
  "route",
  "cours",
  "square",
  "passage",
  "residence",
  "cite",
  "voie",
  "esplanade",
  "promenade",
  "parvis",
  "hameau",
  "lieu-dit",
  "traverse",
  "clos",
];
const STREET_PARTICLES = words(["du", "de", "des", "la", "le", "les", "l", "d", "aux", "au"]);

export const ADDRESS_RULES: Rule[] = [
  {
    kind: "ADDRESS",
    on: "folded",
    re: re(
      String.raw`${B}(\d{1,4})(?:[a-d]|\s*(?:bis|ter|quater))?${E}\s*,?\s+(${[...STREET_TYPES_CLEAR, ...STREET_TYPES_AMBIGUOUS].join("|")})${E}\.?((?:\s+[\p{L}'-]+){1,3})`,
    ),
    accept: (m, v) => {
      const [, num = "", type = "", rest = ""] = m;
      // « en 2026 rue de Boigne » is a year followed by a street name, not a house number.
      if (/^(?:19|20)\d{2}$/.test(num)) return false;
      if (publicPlace(v, m.index, m.index + m[0].length)) return false;
      if (STREET_TYPES_CLEAR.includes(type.toLowerCase())) return true;
      const restStart = m.index + m[0].length - rest.length;
      const origRest = v.orig.slice(restStart, m.index + m[0].length);
      const first = origRest
        .trim()
        .split(/[\s']+/u)
        .find((w) => !STREET_PARTICLES.has(foldWord(w)));
      return first !== undefined && /^\p{Lu}/u.test(first);
    },
  },
  {
    // The inside of a building, which only a home has: « appartement 34 », « bât. C, 3e étage ».
    kind: "ADDRESS",
    on: "folded",
    re: re(
      String.raw`${B}(?:(?:appartement|appart|appt|apt)\.?\s*(?:n[°o]\.?\s*)?\d{1,4}[a-z]?|(?:bat(?:iment)?|escalier|esc)\.?\s+[a-z0-9]{1,2}\s*,?\s*(?:\d{1,2}(?:e|eme|er)\s+etage|etage\s+\d{1,2}|porte\s+\w{1,4}|(?:appartement|appt|apt)\.?\s*\d{1,4}))${E}`,
    ),
  },
  {
    // « 221B Baker Street »: capitalised name then a street word, case-sensitive on purpose.
    kind: "ADDRESS",
    on: "orig",
    re: re(
      String.raw`${B}\d{1,5}[A-Za-z]?\s+(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Drive|Boulevard|Close|Crescent|Terrace|Square|Place|Way|Gardens|Mews)(?![\p{L}\p{N}_])`,
      "gu",
    ),
    accept: (m) => !/^(?:19|20)\d{2}\s/.test(m[0]),
  },
];
