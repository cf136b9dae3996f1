// ---------------------------------------------------------------------------------------------
// Birth dates and ages

import { B, E, type Rule, re } from "./rule-kit.js";

const MONTH_START = "(?:jan|feb|fev|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|aou|sep|oct|nov|dec)";

export const BIRTH_RULES: Rule[] = [
  {
    // The accent is what tells « né le » (born on) from « ne le » (negation): required here…
    kind: "BIRTH_DATE",
    on: "orig",
    re: re(String.raw`${B}née?s?\s+le${E}(?:\s+\d{1,2}(?:er)?(?:[ /.-]\p{L}*\d*){0,2})?`),
  },
  {
    // …and without it, only when a date follows (« nee le 12/03/2008 » typed on a phone).
    kind: "BIRTH_DATE",
    on: "folded",
    re: re(String.raw`${B}nee?\s+le\s+\d{1,2}(?:er)?[ /.-]+(?:\d{1,2}|${MONTH_START}\p{L}*)(?:[ /.-]+\d{2,4})?`),
  },
  {
    kind: "BIRTH_DATE",
    on: "folded",
    re: re(
      String.raw`${B}(?:dates?\s+de\s+naissance|dates?\s+of\s+birth|birth\s*dates?|born\s+on|born\s+in\s+(?:19|20)\d{2})${E}`,
    ),
  },
  {
    // Upper case only: « dob » in lower case is too rare to be worth the noise.
    kind: "BIRTH_DATE",
    on: "orig",
    re: re(String.raw`${B}D\.?O\.?B${E}`, "gu"),
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
    re: re(String.raw`${B}agee?\s+de\s+\d{1,3}\s*ans${E}`),
  },
  {
    kind: "AGE",
    on: "folded",
    re: re(String.raw`${B}${SINGULAR_DET_FR}\s+(?:${PERSON_NOUNS_FR.join("|")})\s+(?:agee?\s+)?de\s+\d{1,3}\s*ans${E}`),
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
