// ---------------------------------------------------------------------------------------------
// Named people: a first name, a full name or initials, with what makes them a case: an age, a date
// of birth, a health fact, a judicial or social fact, a relative, a nickname.
//
// A first name alone is not refused (« Jean Moulin », « Léo Lagrange » name schools and
// federations, and professionals sign their reports): it takes one of those facts in the same
// sentence. Places and bodies named after someone (« collège Louise de Savoie », « rue Victor Hugo »)
// are never a person.

import { isFirstName } from "./first-names.js";
import { AGE_NUMBER, AGE_YEARS, CASE_FACT, FULL_DATE, HEALTH_FACT, KIN, NAMED_AFTER, PERSON_NOUN } from "./lexicon.js";
import { clauseAround, E, type Hit, occursIn, type Scanner } from "./rule-kit.js";
import type { Views } from "./text-views.js";

const CAP_WORD = /(?<![\p{L}\p{N}_])\p{Lu}\p{L}*(?:-\p{Lu}\p{L}*)*/gu;
// « K.B. », « K. B. », « M.-L. P. », « J.D »: one to three capitals, each with its dot.
const INITIALS = /(?<![\p{L}\p{N}_.])(?:\p{Lu}\.\s?-?\s?){1,2}\p{Lu}(?:\.|(?![\p{L}\p{N}_]))/gu;
// Dotted acronyms that look like initials: « P.V. », « N.B. », « R.A.S. »…
const NOT_INITIALS = new Set([
  "PV",
  "AS",
  "EN",
  "NB",
  "PS",
  "PJ",
  "RG",
  "UE",
  "RN",
  "RD",
  "DG",
  "OK",
  "TV",
  "CV",
  "PC",
  "RH",
  "QG",
  "JO",
  "AG",
  "CA",
  "US",
  "UK",
  "RAS",
  "CAF",
  "PJJ",
  "ASE",
  "SOS",
  "USA",
  "ONU",
  "RSA",
  "CMU",
  "TGI",
  "TPE",
  "OPJ",
  "APJ",
]);

const ix = (source: string) => new RegExp(source, "iu");

const AGE_AFTER = ix(String.raw`^\s*[,([:-]?\s*(?:agee?\s+de\s+)?${AGE_NUMBER}(?:${AGE_YEARS}|\s*a\.)`);
const DATE_AFTER = ix(
  String.raw`^\s*[,([:-]?\s*(°|nee?\s+(?:le|en)|ne\(e\)\s+(?:le|en)|d\.?d\.?n\.?\s*:?|dob\s*:?)?\s*(${FULL_DATE}|(?:19|20)\d{2}\s*[)\]]|(?<=[,(-]\s*)(?:19|20)\d{2}(?=\s*(?:[,;.)]|$)))`,
);
// People whose case reaches a CSI were born before 2020: a later date after a name is a meeting's.
const LATEST_BIRTH_YEAR = 2019;

/** The year of a date as written (« 12/03/09 » is 2009, « 12/03/26 » 2026, « 12/03/95 » 1995). */
function yearOf(date: string): number | null {
  const four = /(?:19|20)\d{2}/u.exec(date);
  if (four) return Number(four[0]);
  const two = /[./-](\d{2})(?!\d)\s*$/u.exec(date.trim());
  if (!two) return null;
  const yy = Number(two[1]);
  return yy <= 30 ? 2000 + yy : 1900 + yy;
}

function birthDateAfter(after: string): RegExpExecArray | null {
  const m = DATE_AFTER.exec(after);
  if (!m) return null;
  // « né le », « DDN », « ° » say it is a birth date; a bare date must be old enough to be one.
  if (m[1] !== undefined) return m;
  const year = yearOf(m[2] ?? "");
  return year === null || year <= LATEST_BIRTH_YEAR ? m : null;
}
const ALIAS_AFTER = ix(String.raw`^\s*,?\s*(?:dite?|alias|aka|a\.k\.a\.?|surnommee?)${E}`);
const HEALTH = ix(`${HEALTH_FACT}${E}`);
const CASE = ix(`${CASE_FACT}${E}`);
const SCHOOL = ix(
  String.raw`(?:eleve|scolaris\p{L}*|college|lycee|ecole|classe\s+de|cpe|internat|seconde|terminale|(?<![\p{L}\p{N}])(?:[3-6]e|[3-6]eme|cm[12]|ce[12]|cp|lp)${E})`,
);
const NOUN_BEFORE = ix(String.raw`(?:^|\s)(?:le|la|l'|un|une|ce|cette|du|au|sa|son|de\s+la)\s*${PERSON_NOUN}\s*$`);
const INTRO_BEFORE = ix(
  String.raw`(?:situation|cas|suivi|dossier|convocation|garde\s+a\s+vue|audition|placement|orientation|exclusion|signalement|fugue|interpellation|accompagnement|prise\s+en\s+charge|mesure(?:\s+de\s+reparation)?|incarceration|hospitalisation|deferement|condamnation|plainte)\s+(?:de|d'|du|concernant|pour|visant)\s*(?:la\s+|le\s+)?(?:jeune\s+|petite?\s+|mineure?\s+)?$`,
);
const KIN_BEFORE = ix(String.raw`${KIN}\s+(?:de|d'|du)\s*(?:la\s+|le\s+)?(?:jeune\s+|petite?\s+)?$`);
const PLACE_BEFORE = ix(
  String.raw`(?<![\p{L}])${NAMED_AFTER}(?![\p{L}])\.?(?:\s+(?:de|du|des|la|le|les)|\s*d'|\s*l')*\s*(?:[\p{L}-]+\s+(?:et\s+)?)?$`,
);
// « Mme Martin »: the civil-title rule reports it already, with its own wording.
const TITLE_BEFORE =
  /(?:^|[^\p{L}])(?:M\.|MM\.|Mmes?|Mlles?|Mrs?|Ms|Monsieur|Madame|Mademoiselle|Me|Maître|Dr|Docteur)\s*$/u;
const ALL_CAPS_BEFORE = /(\p{Lu}{2,}(?:[-']\p{Lu}+)*)\s+$/u;
const NEXT_NAME = /^\s+(\p{Lu}\p{Ll}[\p{L}'-]*|\p{Lu}{2,}[\p{Lu}'-]*|\p{Lu}\.)/u;

interface Context {
  before: string;
  after: string;
  /** Whether a fact of this kind is in the sentence (outside the name itself). */
  has: (fact: RegExp) => boolean;
}

function contextOf(v: Views, start: number, end: number): Context {
  const { start: cs, stop } = clauseAround(v.folded, start, end);
  return {
    before: v.folded.slice(Math.max(cs, start - 40), start),
    after: v.folded.slice(end, stop),
    has: (fact) => occursIn(v.folded, fact, cs, start) || occursIn(v.folded, fact, end, stop),
  };
}

/** What makes a named person a case, and the kind to report; null when nothing does. */
function factAbout(ctx: Context, end: number): { kind: Hit["kind"]; end: number } | null {
  const age = AGE_AFTER.exec(ctx.after);
  if (age) return { kind: "AGE", end: end + age[0].length };
  const date = birthDateAfter(ctx.after);
  if (date) return { kind: "BIRTH_DATE", end: end + date[0].length };
  if (ctx.has(HEALTH)) return { kind: "HEALTH", end };
  if (ALIAS_AFTER.test(ctx.after)) return { kind: "NAMED_PERSON", end };
  if (NOUN_BEFORE.test(ctx.before) || INTRO_BEFORE.test(ctx.before) || KIN_BEFORE.test(ctx.before))
    return { kind: "NAMED_PERSON", end };
  if (ctx.has(CASE)) return { kind: "NAMED_PERSON", end };
  return null;
}

const firstNames: Scanner = (v) => {
  const hits: Hit[] = [];
  for (const m of v.orig.matchAll(CAP_WORD)) {
    if (!isFirstName(m[0])) continue;
    let start = m.index;
    let end = start + m[0].length;
    const lead = v.folded.slice(Math.max(0, start - 60), start);
    if (PLACE_BEFORE.test(lead) || TITLE_BEFORE.test(v.orig.slice(Math.max(0, start - 20), start))) continue;
    // « Kevin Durand », « Yanis B. », « DURAND Kevin »: the whole name is what gets quoted.
    const next = NEXT_NAME.exec(v.orig.slice(end, end + 40));
    if (next) end += next[0].length;
    const caps = ALL_CAPS_BEFORE.exec(v.orig.slice(Math.max(0, start - 40), start));
    if (caps && !next) start -= caps[0].length;
    const fact = factAbout(contextOf(v, start, end), end);
    if (fact) hits.push({ kind: fact.kind, index: start, end: fact.end });
  }
  return hits;
};

const initials: Scanner = (v) => {
  const hits: Hit[] = [];
  for (const m of v.orig.matchAll(INITIALS)) {
    const letters = m[0].replace(/[^\p{Lu}]/gu, "");
    if (NOT_INITIALS.has(letters)) continue;
    const end = m.index + m[0].length;
    const ctx = contextOf(v, m.index, end);
    const fact = factAbout(ctx, end) ?? (ctx.has(SCHOOL) ? { kind: "NAMED_PERSON" as const, end } : null);
    if (fact) hits.push({ kind: fact.kind, index: m.index, end: fact.end });
  }
  return hits;
};

// « Le jeune est suivi au CMP », « l'enfant, diabétique, … »: health about one person, even unnamed.
const SINGULAR_PERSON = ix(
  String.raw`(?<![\p{L}\p{N}_])(?:le|la|l'|ce|cette|un|une|du|au|son|sa)\s*(?:jeune|mineure?|enfant|adolescente?|ado|eleve|collegien(?:ne)?|lyceen(?:ne)?|fille|garcon|fillette|interesse|interessee|patiente?)${E}(?!\s+sur\s+(?:\d|deux|trois|quatre|cinq|dix))`,
);

const unnamedHealth: Scanner = (v) => {
  const hits: Hit[] = [];
  const re = new RegExp(SINGULAR_PERSON.source, "giu");
  for (const m of v.folded.matchAll(re)) {
    const end = m.index + m[0].length;
    if (contextOf(v, m.index, end).has(HEALTH)) hits.push({ kind: "HEALTH", index: m.index, end });
  }
  return hits;
};

// « Le jeune a été déféré », « l'adolescente a fugué »: a case, even unnamed.
const unnamedCase: Scanner = (v) => {
  const hits: Hit[] = [];
  const re = new RegExp(SINGULAR_PERSON.source, "giu");
  for (const m of v.folded.matchAll(re)) {
    const end = m.index + m[0].length;
    const { stop } = clauseAround(v.folded, m.index, end);
    if (occursIn(v.folded, CASE, end, stop)) hits.push({ kind: "INDIVIDUAL", index: m.index, end });
  }
  return hits;
};

export const PERSON_SCANNERS: Scanner[] = [firstNames, initials, unnamedHealth, unnamedCase];
