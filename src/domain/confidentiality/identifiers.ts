// ---------------------------------------------------------------------------------------------
// Numbers that identify one person or their property: vehicle plates (SIV « AB-123-CD » and the
// old FNI « 1234 AB 73 »), social-security numbers (NIR), bank accounts (IBAN, RIB), identity
// documents (identity card, passport, residence permit, driving licence, CAF or France Travail
// file numbers).

import { B, digitCount, E, type Rule, re } from "./rule-kit.js";
import type { Views } from "./text-views.js";

// SIV letters: no I, O nor U.
const SIV = "[A-HJ-NP-TV-Z]";
const DEPT = String.raw`(?:0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])`;
const VEHICLE = String.raw`(?:plaques?|immatricul\p{L}*|immat|vehicules?|voitures?|scooters?|motos?|quads?|camions?|fourgons?|fourgonnettes?|berlines?|utilitaires?|camionnettes?|4x4|cyclomoteurs?|deux-roues)`;
// Uppercase sequences that are words of the trade, not plate letters: « 12 ETP 20 ».
const NOT_PLATE_LETTERS = /^(?:ETP|QPV|CSI|PV|RG|AE|JE|CLS|EUR|HT|TTC|KM|H|AN|ANS|MOIS|PM|PN|ETAT|GLTD|CAF|ASE|PJJ)$/u;

// Numbers named as those of a company, a public body or an accounting record.
const ADMIN_BEFORE =
  /(?:siret|siren|tva|ej|engagement(?:\s+juridique)?|bon\s+de\s+commande|commande|chorus|rna|finess|uai|marche|facture|tiers|convention|subvention|contrat|arrete|deliberation|dossier|ticket|reference|ref|cassiopee|parquet|procedure|pv)\.?\s*(?:n[°o]\.?|numero)?\s*:?\s*$/iu;

const adminNumber = (m: RegExpExecArray, v: Views): boolean =>
  ADMIN_BEFORE.test(v.folded.slice(Math.max(0, m.index - 30), m.index));

/** Whether a vehicle word is within the 40 characters before `index`. */
function vehicleNear(folded: string, index: number): boolean {
  return new RegExp(`${VEHICLE}${E}`, "iu").test(folded.slice(Math.max(0, index - 40), index));
}

export const IDENTIFIER_RULES: Rule[] = [
  {
    // SIV, separated: « AB-123-CD », « AB 123 CD », « ab-123-cd ».
    kind: "VEHICLE_PLATE",
    on: "orig",
    re: re(String.raw`${B}${SIV}{2}([ -])\d{3}\1${SIV}{2}${E}`, "giu"),
    accept: (m, v) => /^\p{Lu}{2}/u.test(m[0]) || m[1] === "-" || vehicleNear(v.folded, m.index),
  },
  {
    // SIV, glued: « GH456JK » (capitals only: « le123cd » is no plate).
    kind: "VEHICLE_PLATE",
    on: "orig",
    re: re(String.raw`${B}${SIV}{2}\d{3}${SIV}{2}${E}`, "gu"),
  },
  {
    // Glued and in lower case, only next to a vehicle word: « scooter ab123cd ».
    kind: "VEHICLE_PLATE",
    on: "folded",
    re: re(String.raw`${B}[a-hj-np-tv-z]{2}\d{3}[a-hj-np-tv-z]{2}${E}`),
    accept: (m, v) => vehicleNear(v.folded, m.index),
  },
  {
    // FNI: « 1234 AB 73 », « 736 ABC 73 », « 12-ABC-2A »; without a vehicle word, three or four
    // figures and two or three letters that are not a word of the trade.
    kind: "VEHICLE_PLATE",
    on: "orig",
    re: re(String.raw`${B}(\d{1,4})([ -]?)(\p{Lu}{1,3})\2${DEPT}${E}`, "gu"),
    accept: (m, v) => {
      const [, digits = "", , letters = ""] = m;
      if (NOT_PLATE_LETTERS.test(letters) || /[IOU]/u.test(letters.slice(1))) return false;
      if (/^(?:19|20)\d{2}$/u.test(digits) && !vehicleNear(v.folded, m.index)) return false;
      return vehicleNear(v.folded, m.index) || (digits.length >= 3 && letters.length >= 2);
    },
  },
  {
    // NIR: sex, year, month, department (2A/2B too), commune, order, optional key: 13 or 15 figures.
    kind: "SOCIAL_SECURITY",
    on: "folded",
    re: re(
      String.raw`(?<![\p{L}\p{N}_])[12378]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d{2}|2[ab])\s?\d{3}\s?\d{3}(?:\s?\d{2})?(?![\p{N}])`,
    ),
    accept: (m, v) => !adminNumber(m, v),
  },
  {
    // Named: « NIR », « n° de sécu », « numéro de sécurité sociale », « carte Vitale », « n° SS ».
    kind: "SOCIAL_SECURITY",
    on: "folded",
    re: re(
      String.raw`${B}(?:nir|n[°o]\.?\s*(?:de\s+)?(?:secu|ss|insee)|num(?:ero)?\.?\s*(?:de\s+)?(?:secu|ss|insee)|(?:n[°o]\.?|num(?:ero)?\.?|immatriculation)\s*(?:de\s+|a\s+la\s+)?securite\s+sociale|securite\s+sociale|carte\s+vitale|secu)${E}\s*(?:n[°o]\.?)?\s*:?\s*[12378][\d\s]{6,}`,
    ),
  },
  {
    // IBAN: country code, check digits, then groups of four (« FR76 3000 6000 0112 3456 7890 189 »).
    kind: "BANK_ACCOUNT",
    on: "folded",
    re: re(String.raw`${B}[a-z]{2}\d{2}(?:\s?[a-z0-9]{4}){2,7}(?:\s?[a-z0-9]{1,4})?${E}`),
    accept: (m) => {
      const compact = m[0].replace(/\s/gu, "");
      return compact.length >= 14 && compact.length <= 34 && digitCount(compact) >= 10 && /^[A-Z]{2}/iu.test(compact);
    },
  },
  {
    // A RIB or account named as such: « RIB : 30002 00550 0000157845Z 02 », « compte n° 12345678901 ».
    kind: "BANK_ACCOUNT",
    on: "folded",
    re: re(
      String.raw`${B}(?:rib|iban|bic|compte(?:\s+bancaire)?|n[°o]\.?\s+de\s+compte|numero\s+de\s+compte)${E}\s*(?:n[°o]\.?)?\s*:?\s*(?:de\s+(?:la|sa|son)\s+[\p{L}-]+\s*:?\s*)?[a-z0-9][a-z0-9 ]{8,}`,
    ),
    accept: (m) => digitCount(m[0]) >= 8,
  },
  {
    // Identity and residence documents, benefit files: the word, then a number with 5 figures or more
    // or letters and figures mixed (« 19AB12345 »).
    kind: "ID_DOCUMENT",
    on: "folded",
    re: re(
      String.raw`${B}(?:carte\s+(?:nationale\s+)?d'identite|cni|passeport|titre\s+de\s+sejour|carte\s+de\s+sejour|carte\s+de\s+resident|recepisse|piece\s+d'identite|permis\s+de\s+conduire|agdref|(?:n[°o]\.?|numero)\s+(?:d'|de\s+l')?etranger|(?:n[°o]\.?|numero|identifiant)\s+(?:d')?allocataire|allocataire|n[°o]\.?\s+caf|identifiant\s+(?:france\s+travail|pole\s+emploi)|ine|n[°o]\.?\s+ine)${E}(?:\s+(?:caf|msa|de\s+la\s+mere|du\s+pere|du\s+jeune|francaise?|etrangere?|\p{L}{4,12}(?=\s+n[°o])))?\s*(?:n[°o]\.?|numero|num\.?)?\s*:?\s*([a-z0-9][a-z0-9 ]{4,20}[a-z0-9])`,
    ),
    accept: (m) => {
      const token = (m[1] ?? "").split(/\s(?=\p{L}{3,})/u)[0] ?? "";
      return (
        digitCount(token) >= 5 ||
        (digitCount(token) >= 2 && /\p{L}/u.test(token) && token.replace(/\s/gu, "").length >= 8)
      );
    },
  },
  {
    // A long run of figures with nothing else: it identifies something (a NIR, an account, a file),
    // unless it is named as a company or a State accounting number.
    kind: "ID_DOCUMENT",
    on: "folded",
    re: re(String.raw`(?<![\p{L}\p{N}_./+-])\d{11,}(?![\p{N}./-])`),
    accept: (m, v) => !adminNumber(m, v),
  },
];
