// ---------------------------------------------------------------------------------------------
// Words that designate one person in a judicial or social case

import { PERSON_NOUNS_FR } from "./birth-and-age.js";
import { isName } from "./named-persons.js";
import { B, E, foldWord, type Rule, re, words } from "./rule-kit.js";

const TITLES_FR = words(["m.", "mme", "mlle", "monsieur", "madame", "mademoiselle"]);
// Capitalised words that follow « signalement de » without being a person.
const INSTITUTIONS = words([
  "ville",
  "mairie",
  "prefecture",
  "prefet",
  "parquet",
  "procureur",
  "police",
  "gendarmerie",
  "commissariat",
  "etat",
  "departement",
  "conseil",
  "education",
  "ecole",
  "college",
  "lycee",
  "chambery",
  "savoie",
  "caf",
  "ase",
  "pjj",
  "spip",
  "gltd",
  "clspd",
  "csi",
  "bailleur",
  "association",
]);

// Words ending in « s » or « x » that are not plurals: « le fils mis en cause », « il est pas mis… ».
const SINGULAR_IN_S = words([
  "fils",
  "pas",
  "plus",
  "sous",
  "dans",
  "chez",
  "vers",
  "tres",
  "apres",
  "depuis",
  "mais",
  "puis",
  "alors",
  "lors",
  "corps",
  "jamais",
  "toujours",
]);

export const INDIVIDUAL_RULES: Rule[] = [
  {
    // Singular noun « le mineur »; « des mineurs » and « une infraction mineure » pass.
    kind: "INDIVIDUAL",
    on: "folded",
    re: re(String.raw`${B}(?:le|la|un|une|ce|cette|du|au|son|sa|ledit|ladite)\s+mineure?${E}(?!\s+partie)`),
  },
  {
    // Plural determiners mark a count (« nombre de mis en cause »); « remis en cause » never matches.
    kind: "INDIVIDUAL",
    on: "folded",
    re: re(
      String.raw`(?<!(?:les|des|ces|aux|de|plusieurs|\d+)\s+)${B}mise?s?\s+en\s+(?:cause|examen)${E}(?!\s+de\s+la\s+responsabilite)`,
    ),
    // « mineurs mis en cause », « majeurs mis en cause »: after a plural noun, a count.
    accept: (m, v) => {
      const word = /([\p{L}]+)\s+$/u.exec(v.folded.slice(Math.max(0, m.index - 30), m.index))?.[1]?.toLowerCase() ?? "";
      if (/^mises\s/iu.test(m[0])) return false;
      // « la mise en cause de la responsabilité de l'État »: the noun, about a thing.
      const next = v.folded.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (
        /^mise\s/iu.test(m[0]) &&
        /(?:la|une|sa|leur|cette)\s+$/iu.test(v.folded.slice(Math.max(0, m.index - 8), m.index)) &&
        /^\s+(?:de|du|des|d')\s*\p{Ll}/u.test(next)
      )
        return false;
      return !(/[sx]$/u.test(word) && !SINGULAR_IN_S.has(word));
    },
  },
  {
    kind: "INDIVIDUAL",
    on: "folded",
    re: re(String.raw`${B}(?:la|une|cette|sa|ladite|leur|notre|votre)\s+victime${E}`),
  },
  {
    kind: "INDIVIDUAL",
    on: "folded",
    re: re(String.raw`${B}(?:le|la|un|une|ce|cette|du|au)\s+(?:prevenue?|suspecte?)${E}`),
  },
  {
    kind: "INDIVIDUAL",
    on: "folded",
    re: re(String.raw`${B}(?:auteure?\s+presumee?|presumee?\s+auteure?|l'auteure?\s+des\s+faits|l'interessee?)${E}`),
  },
  {
    // « garde à vue de M. X », not « garde à vue de 24 heures ».
    kind: "INDIVIDUAL",
    on: "folded",
    re: re(
      String.raw`${B}garde\s+a\s+vue\s+(?:de\s+|du\s+|d')(?!\s*(?:\d|(?:courte|longue|moins|plus|quelques|plusieurs)${E}))`,
    ),
  },
  {
    // Singular « placé(e) »: the accent tells it from the noun « une place en foyer ».
    kind: "INDIVIDUAL",
    on: "folded",
    re: re(
      String.raw`${B}placee?\s+(?:en\s+foyer|en\s+famille\s+d'accueil|a\s+l'ase|en\s+garde\s+a\s+vue|en\s+detention|en\s+cef|en\s+epm|en\s+centre\s+educatif|sous\s+controle\s+judiciaire)${E}`,
    ),
    accept: (m, v) => {
      const word = v.orig.slice(m.index, m.index + 6).toLowerCase();
      return word.startsWith("placé") || word.startsWith("placee");
    },
  },
  {
    // An individual report: « fait l'objet d'un signalement ».
    kind: "INDIVIDUAL",
    on: "folded",
    re: re(String.raw`${B}fait\s+l'objet\s+d'un\s+signalement${E}`),
  },
  {
    // « signalement concernant Kevin », « signalement du jeune », « signalement de M. X ».
    kind: "INDIVIDUAL",
    on: "folded",
    re: re(
      String.raw`${B}signalement\s+(concernant\s|visant\s|relatif\s+a\s|au\s+sujet\s+de\s|au\s+sujet\s+d'|de\s|du\s|d')\s*(?:(un|une|le|la|l'|ce|cette|son|sa)${E}\s*)?([\p{L}][\p{L}-]*\.?)`,
    ),
    accept: (m, v) => {
      const [, connector = "", det, word = ""] = m;
      const w = foldWord(word);
      const end = m.index + m[0].length;
      // « signalement de M. Martin », but not « signalement de M. le Maire ».
      if (TITLES_FR.has(w)) return isName(/^\s*(\S+)/u.exec(v.orig.slice(end, end + 40))?.[1] ?? "");
      const bare = w.replace(/\.$/, "");
      if (det !== undefined || connector.trim() === "du") return PERSON_NOUNS_FR.includes(bare);
      const wordStart = m.index + m[0].length - word.length;
      const original = v.orig.slice(wordStart, wordStart + word.length);
      // A capitalised first name, but not an institution nor an acronym (« PJJ », « ASE »).
      return /^\p{Lu}\p{Ll}/u.test(original) && !INSTITUTIONS.has(bare);
    },
  },
  {
    // « the suspect », but « a suspect package » or « the victim support team » are services.
    kind: "INDIVIDUAL",
    on: "folded",
    re: re(
      String.raw`${B}(?:the|a|an|this|that|his|her|their)\s+(?:victim|suspect|accused|defendant|offender|perpetrator)${E}(?!\s+(?:support|services?|care|assistance|unit|team|package|parcel|vehicles?|car|device|item|activity|behaviou?r|transactions?|programmes?|programs?|rehabilitation|management|surveys?|groups?|organi[sz]ations?|charity|helpline|advocates?|liaison|awareness)${E})`,
    ),
  },
  {
    // « minor » and « juvenile » are mostly adjectives in English: only a following verb, a
    // possessive or punctuation makes them the person.
    kind: "INDIVIDUAL",
    on: "folded",
    re: re(
      String.raw`${B}(?:the|a|this|that)\s+(?:juvenile|minor)${E}(?=\s*(?:[.,;:!?)]|$)|'s${E}|\s+(?:was|is|has|had|who|whom|whose|will|would|could|should|did|does|aged|from|at|with|\d)${E})`,
    ),
  },
];
