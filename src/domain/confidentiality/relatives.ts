// ---------------------------------------------------------------------------------------------
// Families and nicknames: « la famille Benali », « le fils Durand », « chez les Martin »,
// « dit « le Grand » », « alias Momo », « le dénommé Pablo », « un certain Bébert ».

import { KIN, PERSON_NOUN } from "./lexicon.js";
import { B, foldWord, type Rule, re, words } from "./rule-kit.js";
import type { Views } from "./text-views.js";

// Capitalised words after a kinship word that are not a surname: « la famille Ville-Hôpital »? no,
// but « les enfants Ukrainiens » (a nationality typed with a capital), months, institutions.
const NOT_A_SURNAME = words([
  "accueil",
  "etat",
  "ville",
  "mairie",
  "departement",
  "education",
  "nationale",
  "prefecture",
  "police",
  "justice",
  "republique",
  "france",
  "francais",
  "francaises",
  "ukrainiens",
  "ukrainiennes",
  "afghans",
  "syriens",
  "roms",
  "gens",
  "voyageurs",
  "chambery",
  "savoie",
  "janvier",
  "fevrier",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "aout",
  "septembre",
  "octobre",
  "novembre",
  "decembre",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
  "noel",
  "toussaint",
  "paques",
]);

/** The word starting at `at` in the original view, when it is capitalised (or quoted) like a name. */
function nameAt(v: Views, at: number): boolean {
  const word = /^[«"“]?\s*(\p{L}[\p{L}'-]*\.?)/u.exec(v.orig.slice(at, at + 40));
  if (!word) return false;
  const [all, w = ""] = word;
  if (/^[«"“]/u.test(all)) return true;
  return /^\p{Lu}/u.test(w) && !NOT_A_SURNAME.has(foldWord(w.replace(/[.'].*$/u, "")));
}

/** Index of the last capture group's start, from the end of the match. */
const tail = (m: RegExpExecArray): number => m.index + m[0].length - (m[m.length - 1] ?? "").length;

const PLACE_NOUN = `(?:quartier|immeuble|tour|batiment|bat|secteur|rue|place|square|parc|cite|lieu|zone|barre|dalle|residence|hall|parking|point|local|bar|commerce|snack|epicerie|magasin|stade|passage)`;

export const RELATIVE_RULES: Rule[] = [
  {
    // « la famille Benali », « le fils Durand », « les enfants Haddad », « le cadet des Benali ».
    kind: "NAMED_PERSON",
    on: "folded",
    re: re(
      String.raw`${B}(?:(?:la|le|les|l'|de\s+la|du|des|aux|chez\s+la|sa|son|ses)\s*)?${KIN}\s+(?:des\s+|de\s+la\s+famille\s+)?(\p{L})`,
    ),
    accept: (m, v) => nameAt(v, tail(m)),
  },
  {
    // « la petite S. », « le jeune K. »: one initial after a word for a person.
    kind: "NAMED_PERSON",
    on: "folded",
    re: re(String.raw`${B}(?:le|la|l'|ce|cette|du|de\s+la|au)\s*${PERSON_NOUN}\s+(\p{L})\.(?![\p{L}\p{N}])`),
    accept: (m, v) => /^\p{Lu}$/u.test(v.orig[m.index + m[0].length - 2] ?? ""), // the letter before the dot
  },
  {
    // « chez les Dupont », « visite aux Martin ».
    kind: "NAMED_PERSON",
    on: "folded",
    re: re(String.raw`${B}(?:chez|aux)\s+(?:les\s+)?(\p{L})`),
    accept: (m, v) =>
      nameAt(v, tail(m)) && /^\p{Lu}\p{Ll}+(?:\s|[,.;:!?]|$)/u.test(v.orig.slice(tail(m), tail(m) + 40)),
  },
  {
    // « les Benali », « des Durand »: a family by its name. Surnames take no plural « s », while
    // places and groups do (« les Combes », « les Charmettes », « les Verts »).
    kind: "NAMED_PERSON",
    on: "orig",
    re: re(String.raw`${B}(?:les|Les|des|chez\s+les)\s+(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_'-])`, "gu"),
    accept: (m, v) => {
      const name = m[1] ?? "";
      if (/[sx]$/u.test(name) || NOT_A_SURNAME.has(foldWord(name))) return false;
      // « rue des Lilas »-like names are plural; « quartier des Combe » would be a typo we forgive.
      return !new RegExp(`${PLACE_NOUN}\\s*$`, "iu").test(v.folded.slice(Math.max(0, m.index - 20), m.index));
    },
  },
  {
    // Nicknames: « alias Momo », « surnommé « Rocky » », « connu sous le surnom de Tito ».
    kind: "NAMED_PERSON",
    on: "folded",
    re: re(
      String.raw`${B}(alias|aka|a\.k\.a\.?|surnommee?s?|pseudo(?:nyme)?|se\s+faisant\s+appeler|qu'on\s+appelle|que\s+l'on\s+appelle|connue?\s+sous\s+le\s+(?:sur)?nom\s+de|connue?\s+comme|(?:sous\s+le\s+)?surnom\s+(?:de\s+)?)\s*:?\s*(?:[«"“]\s*)?(\p{L})`,
    ),
    accept: (m, v) => {
      const before = v.folded.slice(Math.max(0, m.index - 30), m.index);
      // « le quartier surnommé « la Cité » »: places have nicknames too.
      if (new RegExp(`${PLACE_NOUN}(?:\\s+[\\p{L}-]+)?\\s*,?\\s*$`, "iu").test(before)) return false;
      return /[«"“]/u.test(m[0]) || nameAt(v, tail(m));
    },
  },
  {
    // « Kevin dit « Kéké » », « un individu dit « le Grand » », « K.B. dit Momo »: not « le maire a dit ».
    kind: "NAMED_PERSON",
    on: "folded",
    re: re(String.raw`${B}dite?\s+(?:([«"“])\s*([^»"”]{1,30})[»"”]|(\p{L}))`),
    accept: (m, v) => {
      const before = v.orig.slice(Math.max(0, m.index - 40), m.index);
      const word = /(\p{L}[\p{L}'.-]*)\s*,?\s*$/u.exec(before)?.[1] ?? "";
      const isPerson =
        (/^\p{Lu}/u.test(word) && !/^(?:Il|Elle|On|Qui)$/u.test(word)) ||
        new RegExp(`^${PERSON_NOUN}$`, "iu").test(foldWord(word));
      if (!isPerson) return false;
      if (m[1] !== undefined) return (m[2] ?? "").trim().split(/\s+/u).length <= 3;
      return nameAt(v, tail(m));
    },
  },
  {
    // « le dénommé Pablo », « la nommée X », « un certain Bébert ».
    kind: "NAMED_PERSON",
    on: "folded",
    re: re(String.raw`${B}(?:le|la|les|un|une|du|au)\s+(?:(?:de)?nommee?s?|certaine?)\s+(?:[«"“]\s*)?(\p{L})`),
    accept: (m, v) => /[«"“]/u.test(m[0]) || nameAt(v, tail(m)),
  },
];

// Accounts of the public bodies themselves are public: « Facebook : @VilleDeChambery ».
const PUBLIC_ACCOUNT =
  /ville|mairie|pref|police|gendarmerie|chambery|savoie|gouv|officiel|clspd|justice|region|departement/iu;

/** Online accounts: « Snap : kev_73 », « compte Instagram @lina.b2010 », « TikTok @yanis73 ». */
export const ACCOUNT_RULES: Rule[] = [
  {
    kind: "NAMED_PERSON",
    on: "folded",
    re: re(
      String.raw`${B}(?:snap(?:chat)?|insta(?:gram)?|tiktok|facebook|fb|twitter|telegram|whatsapp|discord|pseudo\s+(?:snap|insta|tiktok)\p{L}*)\s*(?::\s*@?|@|\s+@)\s*([a-z0-9._-]{3,30})`,
    ),
    accept: (m) => !PUBLIC_ACCOUNT.test(m[1] ?? ""),
  },
];
