// The words of the confidentiality guard (src/domain/confidentiality.ts): what it found, and why it must be removed.
// The domain reports findings; this says them, French first. Pure.
import type { ConfidentialityFinding, ConfidentialityKind } from "../../domain/confidentiality.js";

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
    HEALTH: "santé de",
    VEHICLE_PLATE: "plaque",
    SOCIAL_SECURITY: "n° de sécu",
    BANK_ACCOUNT: "compte bancaire",
    ID_DOCUMENT: "n° de pièce",
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
    HEALTH: "health of",
    VEHICLE_PLATE: "plate",
    SOCIAL_SECURITY: "social security no.",
    BANK_ACCOUNT: "bank account",
    ID_DOCUMENT: "ID no.",
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

// Words (a role, an age, a name, a birth, a health fact) are quoted at length so that the author
// finds them; identifying numbers and addresses by their first characters only.
function excerptLength(kind: ConfidentialityKind): number {
  switch (kind) {
    case "INDIVIDUAL":
    case "AGE":
    case "NAMED_PERSON":
    case "HEALTH":
    case "BIRTH_DATE":
      return 24;
    default:
      return 5;
  }
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
