// ---------------------------------------------------------------------------------------------
// Birth dates and ages

import { AGE_NUMBER, AGE_YEARS, BIRTH_WHEN, PERSON_NOUN } from "./lexicon.js";
import { B, clauseAround, E, lastOccurrence, type Rule, re } from "./rule-kit.js";
import type { Views } from "./text-views.js";

const MONTH_START = "(?:jan|feb|fev|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|aou|sep|oct|nov|dec)";

// What can be « né » without being a person: « le dispositif, né en 2019 », « l'idée est née d'un
// constat ». Found in the same sentence, before or just after (« Né en 2018, le conseil… »).
const BORN_THINGS = String.raw`(?:dispositifs?|programmes?|projets?|plans?|contrats?|csi|clspd|cisp?d|gltd|copil|conseils?|partenariats?|initiatives?|reseaux?|associations?|structures?|services?|maisons?|actions?|idees?|collaborations?|demarches?|cellules?|instances?|comites?|observatoires?|labels?|operations?|festivals?|evenements?|sites?|quartiers?|centres?|poles?|equipes?|brigades?|groupes?|collectifs?|fonds|protocoles?|conventions?|chartes?|accords?|outils?|applications?|logiciels?|journal|forums?|lieux?|espaces?|ateliers?|chantiers?|concepts?|mouvements?|federations?|fondations?|ville|commune|agglomeration|metropole|police\s+municipale|volonte|constat|besoin|reflexion|travail|dynamique|mobilisation|ecole|college|lycee|club|entreprise|mission|methode|experimentation|demarche|reforme|loi|texte|cooperation|alliance|coordination|instance|charte|pacte|fete|marche|evenement|course|prix|concours|journee|semaine|rencontres?)`;
// …but a person nearer to the participle wins: « le fils du président du club, né en 2010 ».
const PERSON_NEAR = String.raw`(?:jeune|mineure?|enfant|fils|fille|frere|soeur|garcon|adolescente?|eleve|individu|homme|femme|bebe|nourrisson|jumeau|jumelle|cadet(?:te)?|ainee?|victime|suspecte?|interesse|interessee|\p{Lu}\.)`;

const THING_RE = new RegExp(`(?<![\\p{L}])${BORN_THINGS}${E}`, "iu");
const PERSON_RE = new RegExp(`(?<![\\p{L}])${PERSON_NEAR}(?![\\p{L}])`, "iu");
const SUBJECT_AFTER = new RegExp(`^[^.;]{0,40}?,\\s*(?:le|la|l'|les|ce|cette|notre)\\s*${BORN_THINGS}${E}`, "iu");

/** Whether « né(e) » at [index, end) speaks of a thing (a programme, an idea), not of a person. */
function bornThing(v: Views, index: number, end: number): boolean {
  const { start, stop } = clauseAround(v.folded, index, end);
  const from = Math.max(start, index - 80);
  const lastThing = lastOccurrence(v.folded, THING_RE, from, index);
  const lastPerson = lastOccurrence(v.folded, PERSON_RE, from, index);
  if (lastThing >= 0 && lastThing > lastPerson) return true;
  // « Né en 2018, le conseil local… »: the subject comes after the participle.
  const atStart = v.folded.slice(from, index).trim() === "";
  return atStart && SUBJECT_AFTER.test(v.folded.slice(end, Math.min(stop, end + 60)));
}

const BORN = String.raw`(?:nee?s?|ne\(e\)|nee?\(s\)|ne\(e\)s?)`;

export const BIRTH_RULES: Rule[] = [
  {
    // « né le », « née en 2010 », « né(e) le 4 juin », « née à Chambéry le 12/05/2010 », « né en mars 2011 ».
    // Without an accent, only with a date after it (« ne le » is a negation).
    kind: "BIRTH_DATE",
    on: "folded",
    re: re(
      String.raw`${B}${BORN}\s+(?:(?:a|au|en)\s+\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)?\s*,?\s*)?(?:le|en|du|au\s+mois\s+de)?\s*${BIRTH_WHEN}`,
    ),
    accept: (m, v) => {
      const plural = /^n[ée]e?s|\(s\)/iu.test(v.orig.slice(m.index, m.index + 8)) && !/\(e\)/u.test(m[0]);
      if (
        plural &&
        !/(?:ses|leurs|deux|trois|freres|soeurs|jumeaux|jumelles|fratrie)\s+[^.;]{0,30}$/iu.test(
          v.folded.slice(Math.max(0, m.index - 40), m.index),
        )
      )
        return false;
      return !bornThing(v, m.index, m.index + m[0].length);
    },
  },
  {
    // « né le » without a date, accent required: the accent tells « né le » from « ne le ».
    kind: "BIRTH_DATE",
    on: "orig",
    re: re(String.raw`${B}née?\s+le${E}`),
    accept: (m, v) => !bornThing(v, m.index, m.index + m[0].length),
  },
  {
    // …and without the accent, only when a date follows (« nee le 12/03/2008 » typed on a phone).
    kind: "BIRTH_DATE",
    on: "folded",
    re: re(String.raw`${B}nee?\s+le\s+\d{1,2}(?:er)?[ /.-]+(?:\d{1,2}|${MONTH_START}\p{L}*)(?:[ /.-]+\d{2,4})?`),
    accept: (m, v) => !bornThing(v, m.index, m.index + m[0].length),
  },
  {
    kind: "BIRTH_DATE",
    on: "folded",
    re: re(
      String.raw`${B}(?:(?:dates?|annees?|lieu|jour)\s+de\s+naissance|dates?\s+of\s+birth|birth\s*dates?|born\s+on|born\s+in\s+(?:19|20)\d{2}|date\s+de\s+naiss\.?|naiss(?:ance|\.)?\s*(?::|le|en)?\s*${BIRTH_WHEN})${E}`,
    ),
  },
  {
    // « DDN », « D.D.N. », « DOB », « dob », « d.o.b. ».
    kind: "BIRTH_DATE",
    on: "folded",
    re: re(String.raw`${B}(?:d\.?d\.?n|d\.?o\.?b)${E}\.?`),
  },
  {
    // « ° 14/02/2011 », « (° 2010) »: the genealogists' sign for « born »; not « n° 2010 », not « 20 °C ».
    kind: "BIRTH_DATE",
    on: "folded",
    re: re(String.raw`(?<![\p{N}°]\s?)(?<!(?:^|[^\p{L}])(?:n|no|num|numero|nr)\s*)°\s*${BIRTH_WHEN}`),
  },
];

export const PERSON_NOUNS_FR = [
  "jeune",
  "mineur",
  "mineure",
  "enfant",
  "adolescent",
  "adolescente",
  "ado",
  "garcon",
  "fille",
  "homme",
  "femme",
  "individu",
  "personne",
  "victime",
  "suspect",
  "suspecte",
  "prevenu",
  "prevenue",
  "eleve",
  "lyceen",
  "lyceenne",
  "collegien",
  "collegienne",
  "famille",
  "habitant",
  "habitante",
  "locataire",
  "resident",
  "residente",
  "pere",
  "mere",
  "fils",
  "patient",
  "patiente",
  "usager",
  "usagere",
  "auteur",
  "auteure",
  "interesse",
  "interessee",
];

const SINGULAR_DET_FR = "(?:un|une|le|la|ce|cette|du|au|son|sa)";

export const AGE_RULES: Rule[] = [
  {
    // Singular agreement only: « jeunes âgés de 12 à 16 ans » describes a public, not a person.
    kind: "AGE",
    on: "folded",
    re: re(String.raw`${B}agee?\s+de\s+${AGE_NUMBER}${AGE_YEARS}`),
  },
  {
    // « un mineur de 15 ans », « la jeune fille, 14 ans », « garçon (13 ans) », « une élève de quinze ans ».
    kind: "AGE",
    on: "folded",
    re: re(
      String.raw`${B}(?:${SINGULAR_DET_FR}\s+|l'\s*)?(?:${PERSON_NOUNS_FR.join("|")}|${PERSON_NOUN})(?:\s+(?:homme|fille|garcon|femme))?\s*(?:,|\(|-)?\s*(?:agee?\s+)?(?:de\s+)?${AGE_NUMBER}${AGE_YEARS}`,
    ),
  },
  {
    // « Âge : 15 ans », « age 16 ».
    kind: "AGE",
    on: "folded",
    re: re(String.raw`${B}age\s*:\s*${AGE_NUMBER}(?:${AGE_YEARS})?(?![\p{N}-])`),
  },
  {
    // « Kevin, 16 ans, … »: the press style for naming someone with their age.
    kind: "AGE",
    on: "orig",
    re: re(String.raw`${B}\p{Lu}[\p{L}'-]+,\s*\d{1,2}\s*ans\s*,`, "gu"),
  },
  {
    // « aged 16 », not « aged 16 to 25 » nor « people aged 16 and over » (a target group).
    kind: "AGE",
    on: "folded",
    re: re(
      String.raw`(?<!(?:people|persons|children|youths?|adults|teenagers|pupils|students|boys|girls|minors|residents|those)\s+)${B}aged\s+\d{1,3}${E}(?!\s*(?:[-+]|to${E}|and${E}|or${E}|through${E}))`,
    ),
  },
  {
    kind: "AGE",
    on: "folded",
    re: re(String.raw`${B}\d{1,3}(?:-year-old|\s+year\s+old|-year\s+old|\s+year-old)${E}`),
  },
];
