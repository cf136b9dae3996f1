// Confidentiality guard (design.md « Confidentiality »): free text typed by users must not carry
// personal data. GLTD/CLSPD case discussions concern named people and stay in their own
// confidential channels; Vigie stores only the follow-up of commitments. Pure: no Slack, no Prisma.
//
// Heuristics, tuned for French institutional prose with English as a second language. The
// guiding rule is to flag what designates *one* person (singular forms, numbers, names) and to let
// aggregates through (plurals, percentages, amounts, years, meeting dates, street names alone).

export type ConfidentialityKind =
  | "PHONE"
  | "EMAIL"
  | "BIRTH_DATE"
  | "AGE"
  | "ADDRESS"
  | "CASE_NUMBER"
  | "INDIVIDUAL"
  | "NAMED_PERSON";

export interface ConfidentialityFinding {
  kind: ConfidentialityKind;
  /** The matched text, verbatim: `text.slice(index, index + excerpt.length) === excerpt`. */
  excerpt: string;
  index: number;
}

export interface ConfidentialityOptions {
  /** Extra institutional domains, added to the defaults (a subdomain is allowed too). */
  allowedEmailDomains?: string[];
  /** Extra functional mailbox names (the part before « @ »), added to the defaults. */
  allowedEmailLocalParts?: string[];
}

/** Institutional domains: mail to a service of the State, the justice or the city is not private. */
export const DEFAULT_ALLOWED_EMAIL_DOMAINS: readonly string[] = [
  "gouv.fr",
  "interieur.gouv.fr",
  "justice.fr",
  "chambery.fr",
  "mairie-chambery.fr",
];

/** Functional mailboxes, allowed on any domain: they reach a service, not a person. */
export const DEFAULT_ALLOWED_EMAIL_LOCAL_PARTS: readonly string[] = [
  "contact",
  "accueil",
  "secretariat",
  "clspd",
  "gltd",
  "police-municipale",
  "policemunicipale",
  "noreply",
  "no-reply",
  "ne-pas-repondre",
  "info",
  "infos",
  "standard",
  "courrier",
];

const MAX_EXCERPT = 60;

// \b is ASCII-only in JS even with /u: « né » would have no boundary after « é ».
const B = String.raw`(?<![\p{L}\p{N}_])`;
const E = String.raw`(?![\p{L}\p{N}_])`;

/** Two views of the text, both the same length as the input so that indices map back. */
interface Views {
  /** Typography normalised (apostrophes, spaces, dashes), accents and case kept. */
  orig: string;
  /** Same, accents stripped: for accent-insensitive keywords. */
  folded: string;
}

interface Rule {
  kind: ConfidentialityKind;
  re: RegExp;
  on: keyof Views;
  /** Extra check that a regex alone cannot express cleanly; false drops the match. */
  accept?: (m: RegExpExecArray, v: Views) => boolean;
}

function normaliseChar(ch: string): string {
  switch (ch) {
    case "\u2018":
    case "\u2019":
    case "\u02bc":
      return "'";
    case "\u00a0":
    case "\u202f":
    case "\u2007":
    case "\u2009":
    case "\t":
      return " ";
    case "\u2010":
    case "\u2011":
    case "\u2012":
    case "\u2013":
    case "\u2014":
      return "-";
    case "\u00ba": // ordinal indicator, often typed for « n° »
      return "°";
    default:
      return ch;
  }
}

function buildViews(text: string): Views {
  const orig: string[] = [];
  const folded: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = normaliseChar(text[i] ?? "");
    orig.push(ch);
    const code = ch.charCodeAt(0);
    if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff)) {
      folded.push(ch);
    } else {
      // Only a single-unit base keeps the views aligned (œ, for instance, stays as it is).
      const base = ch.normalize("NFD").replace(/\p{M}+/gu, "");
      folded.push(base.length === 1 ? base : ch);
    }
  }
  const v = { orig: orig.join(""), folded: folded.join("") };
  return maskUrls(v);
}

// Links are references to public pages: digits and words in them are not about a person.
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>|]+/giu;

function maskUrls(v: Views): Views {
  const blank = (s: string) => s.replace(URL_RE, (u) => " ".repeat(u.length));
  return { orig: blank(v.orig), folded: blank(v.folded) };
}

function re(source: string, flags = "giu"): RegExp {
  return new RegExp(source, flags);
}

function words(list: readonly string[]): Set<string> {
  return new Set(list);
}

function foldWord(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
}

// ---------------------------------------------------------------------------------------------
// Phones

function digitCount(s: string): number {
  return s.replace(/\D/g, "").length;
}

const PHONE_RULES: Rule[] = [
  {
    // French numbers: ten digits in pairs, with one consistent separator (the back-reference
    // keeps « 01 2026 2027 » or a date from passing as a number).
    kind: "PHONE",
    on: "folded",
    re: re(
      String.raw`(?<![\p{L}\p{N}_+/])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9]|0[1-9])([ .-]?)\d{2}(?:\1\d{2}){3}(?!\p{N})`,
    ),
  },
  {
    // International numbers: a country code, then 9–15 digits in all (E.164).
    kind: "PHONE",
    on: "folded",
    re: re(
      String.raw`(?<![\p{L}\p{N}_+/])(?:\+|00)\s?(?!33)[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?!\p{N})`,
    ),
    accept: (m, v) => {
      const n = digitCount(m[0]);
      if (n < 9 || n > 15) return false;
      // « +12 500 000 € » is a budget increase, not a number to call.
      const after = v.folded.slice(m.index + m[0].length, m.index + m[0].length + 12);
      return !/^\s*(?:%|€|\$|£|euros?\b|eur\b|k€|m€|pts?\b|points?\b|habitants?\b)/iu.test(after);
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Emails

const EMAIL_RE = re(String.raw`(?<![\p{L}\p{N}_.+-])([a-z0-9][a-z0-9._%+-]*)@([a-z0-9-]+(?:\.[a-z0-9-]+)+)`);

function emailAllowed(local: string, domain: string, options: ConfidentialityOptions): boolean {
  const l = local.toLowerCase();
  const d = domain.toLowerCase().replace(/\.$/, "");
  const locals = [...DEFAULT_ALLOWED_EMAIL_LOCAL_PARTS, ...(options.allowedEmailLocalParts ?? [])];
  if (locals.some((x) => x.toLowerCase() === l)) return true;
  const domains = [...DEFAULT_ALLOWED_EMAIL_DOMAINS, ...(options.allowedEmailDomains ?? [])];
  return domains.some((x) => {
    const a = x.toLowerCase().replace(/^@|^\./, "");
    return d === a || d.endsWith(`.${a}`);
  });
}

// ---------------------------------------------------------------------------------------------
// Birth dates and ages

const MONTH_START = "(?:jan|feb|fev|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|aou|sep|oct|nov|dec)";

const BIRTH_RULES: Rule[] = [
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
    re: re(String.raw`${B}(?:dates?\s+de\s+naissance|dates?\s+of\s+birth|birth\s*dates?|born\s+on|born\s+in\s+(?:19|20)\d{2})${E}`),
  },
  {
    // Upper case only: « dob » in lower case is too rare to be worth the noise.
    kind: "BIRTH_DATE",
    on: "orig",
    re: re(String.raw`${B}D\.?O\.?B${E}`, "gu"),
  },
];

const PERSON_NOUNS_FR = [
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

const AGE_RULES: Rule[] = [
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

// ---------------------------------------------------------------------------------------------
// Postal addresses

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

const ADDRESS_RULES: Rule[] = [
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

// ---------------------------------------------------------------------------------------------
// Case numbers

const CASE_KEYWORDS = String.raw`(?:p\.?v\.?|rg|parquet|procedure|affaire|plainte|main\s+courante|case|file|docket|crime\s+ref(?:erence)?)`;
const CASE_MARKER = String.raw`(?:n[°o]\.?|num(?:ero)?\.?|number|#|ref(?:erence)?\.?)`;
const CASE_NUMBER = String.raw`(\d+(?:[./-]\d+)*)`;

function looksLikeCaseNumber(token: string): boolean {
  if (/^(?:19|20)\d{2}[-/](?:19|20)?\d{2}$/.test(token)) return false; // « 2026-2027 »: a period
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(token)) return false; // a date: « PV 12/03/2026 »
  return /[./-]/.test(token) || digitCount(token) >= 5;
}

const CASE_RULES: Rule[] = [
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

// ---------------------------------------------------------------------------------------------
// Words that designate one person in a judicial or social case

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

const INDIVIDUAL_RULES: Rule[] = [
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
      String.raw`(?<!(?:les|des|ces|aux|de|plusieurs|\d+)\s+)${B}mise?\s+en\s+(?:cause|examen)${E}(?!\s+de\s+la\s+responsabilite)`,
    ),
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
function isName(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !NOT_A_NAME.has(foldWord(word.replace(/['.,;:].*$/u, "")));
}

const NAMED_RULES: Rule[] = [
  {
    // Case-sensitive: the capital is what makes « M. Dupont » a name and « M. le Préfet » a function.
    kind: "NAMED_PERSON",
    on: "orig",
    re: re(
      String.raw`${B}(?:M\.|MM\.|(?:Mmes|Mme|Mlles|Mlle|Mrs|Mr|Ms|Mx)(?![\p{L}\p{N}_])\.?|Monsieur|Madame|Mademoiselle|Miss)\s+(\p{Lu}[\p{L}'-]*)`,
      "gu",
    ),
    accept: (m) => isName(m[1] ?? ""),
  },
];

const RULES: Rule[] = [
  ...PHONE_RULES,
  ...BIRTH_RULES,
  ...AGE_RULES,
  ...ADDRESS_RULES,
  ...CASE_RULES,
  ...INDIVIDUAL_RULES,
  ...NAMED_RULES,
];

// ---------------------------------------------------------------------------------------------

interface Span extends ConfidentialityFinding {
  end: number;
}

function push(spans: Span[], text: string, kind: ConfidentialityKind, start: number, length: number): void {
  // Trailing spaces and dots caught by optional parts are not part of the datum.
  let end = start + length;
  while (end > start && /[\s.,;:]/u.test(text[end - 1] ?? "")) end--;
  if (end <= start) return;
  spans.push({ kind, index: start, end, excerpt: text.slice(start, Math.min(end, start + MAX_EXCERPT)) });
}

/**
 * Personal data found in `text`, in reading order. Several kinds may cover the same words
 * (« un mineur de 15 ans » is both INDIVIDUAL and AGE); one kind is reported once per passage.
 */
export function findPersonalData(text: string, options: ConfidentialityOptions = {}): ConfidentialityFinding[] {
  if (text.trim() === "") return [];
  const views = buildViews(text);
  const spans: Span[] = [];

  for (const rule of RULES) {
    for (const m of views[rule.on].matchAll(rule.re)) {
      if (rule.accept && !rule.accept(m, views)) continue;
      push(spans, text, rule.kind, m.index, m[0].length);
    }
  }
  for (const m of views.folded.matchAll(EMAIL_RE)) {
    const [, local = "", domain = ""] = m;
    if (!/\.[a-z]{2,}$/iu.test(domain)) continue; // « a@b.1 » is not an address
    if (emailAllowed(local, domain, options)) continue;
    push(spans, text, "EMAIL", m.index, m[0].length);
  }

  spans.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: Span[] = [];
  // Two rules of the same kind on the same words (accented and unaccented « né le ») count once.
  // Spans come sorted by start, so an overlap is a start before the furthest end of that kind.
  const reach = new Map<ConfidentialityKind, number>();
  for (const s of spans) {
    if (s.index < (reach.get(s.kind) ?? -1)) continue;
    reach.set(s.kind, s.end);
    kept.push(s);
  }
  return kept.map(({ kind, excerpt, index }) => ({ kind, excerpt, index }));
}

// ---------------------------------------------------------------------------------------------
// Message

const MAX_MESSAGE = 150;
const NBSP = "\u00a0";

const LABELS: Record<"fr" | "en", Record<ConfidentialityKind, string>> = {
  fr: {
    PHONE: "téléphone",
    EMAIL: "courriel",
    BIRTH_DATE: "date de naissance",
    AGE: "âge",
    ADDRESS: "adresse",
    CASE_NUMBER: "n° de procédure",
    INDIVIDUAL: "personne visée",
    NAMED_PERSON: "nom",
  },
  en: {
    PHONE: "phone number",
    EMAIL: "email",
    BIRTH_DATE: "date of birth",
    AGE: "age",
    ADDRESS: "address",
    CASE_NUMBER: "case number",
    INDIVIDUAL: "individual",
    NAMED_PERSON: "name",
  },
};

// Identifying data is shown only by its first characters: enough to find it, not to repeat it.
function shortExcerpt(f: ConfidentialityFinding, max: number): string {
  const flat = f.excerpt.replace(/\s+/gu, " ").trim();
  if (flat.length <= max) return flat;
  // Cut between words when that loses little: « un mineur de 15… » rather than « …15 an… ».
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function excerptLength(kind: ConfidentialityKind): number {
  return kind === "INDIVIDUAL" || kind === "AGE" ? 18 : 5;
}

function compose(locale: "fr" | "en", plural: boolean, labels: string[], truncated: boolean): string {
  if (locale === "fr") {
    const list = labels.join(", ") + (truncated ? ", etc." : "");
    const head = plural ? "Données personnelles détectées" : "Donnée personnelle détectée";
    const pronoun = plural ? "les" : "la";
    return `${head} (${list}). Les cas individuels relèvent des canaux confidentiels du GLTD/CLSPD${NBSP}: veuillez ${pronoun} retirer.`;
  }
  const list = labels.join(", ") + (truncated ? ", etc." : "");
  const pronoun = plural ? "them" : "it";
  return `Personal data detected (${list}). Individual cases belong in the GLTD/CLSPD's confidential channels: please remove ${pronoun}.`;
}

/**
 * One message naming each kind found (the first with a short excerpt), and why it must be
 * removed: individual cases belong in the GLTD/CLSPD's confidential channels. Always at most
 * 150 characters (Slack shows field errors briefly): the excerpt, then the list, give way first.
 * Null when there is nothing to report.
 */
export function confidentialityError(findings: ConfidentialityFinding[], locale: "fr" | "en"): string | null {
  const first = findings[0];
  if (first === undefined) return null;
  const kinds: ConfidentialityKind[] = [];
  for (const f of findings) if (!kinds.includes(f.kind)) kinds.push(f.kind);
  const plural = findings.length > 1;
  const labels = kinds.map((k) => LABELS[locale][k]);
  const quote = (s: string) => (locale === "fr" ? `«${NBSP}${s}${NBSP}»` : `“${s}”`);

  for (let n = labels.length; n >= 1; n--) {
    const some = labels.slice(0, n);
    const truncated = n < labels.length;
    const [firstLabel = "", ...rest] = some;
    const bare = compose(locale, plural, some, truncated);
    // « le mineur » or « âgé de 16 ans » speak for themselves: the quote replaces the label.
    const speaks = first.kind === "INDIVIDUAL" || first.kind === "AGE";
    const prefix = speaks ? "" : `${firstLabel} `;
    // Room left for the excerpt once the label is swapped for prefix and quotes.
    const room = MAX_MESSAGE - bare.length + firstLabel.length - prefix.length - quote("").length;
    const max = Math.min(excerptLength(first.kind), room - 1);
    // Below a few characters an excerpt helps no one find the words: the label alone will do.
    if (max >= (speaks ? 8 : 3)) {
      const labelled = `${prefix}${quote(shortExcerpt(first, max))}`;
      return compose(locale, plural, [labelled, ...rest], truncated);
    }
    if (bare.length <= MAX_MESSAGE) return bare;
  }
  // Unreachable with the labels above; kept so that a longer label can never break Slack.
  return compose(locale, plural, [], true).slice(0, MAX_MESSAGE);
}
