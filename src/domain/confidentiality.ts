// Confidentiality guard (README, « Exploitation », Confidentialité): free text typed by users must not carry
// personal data. GLTD/CLSPD case discussions concern named people and stay in their own
// confidential channels; Vigie stores only the follow-up of commitments. Pure: no Slack, no Prisma.
//
// HOW TO GUARD A FREE-TEXT FIELD (every field a person types goes through here before it is
// stored: progress comment, next step, blockers, evidence, commitment title/description/lead
// service/indicators, meeting title/place/agenda, decisions, import lines, refusal reasons,
// absence notes…):
//   const found = personalData(findPersonalData(value));  // a Problem (domain/problems.ts) | null
//   if (found) errors[field] = found;                      // worded by the view, next to the field
// Refuse with `response_action: "errors"` (or the command's reply) and keep what was typed: the
// view's words (slack/views/confidentiality-words.ts, confidentialityError) name the kind found and
// quote the words, so the author can rephrase. findPersonalData(text) lists the findings (kind,
// excerpt as typed, index); checkFreeText / checkLink give them, or null when the text may be stored.
//
// Heuristics, tuned for French institutional prose with English as a second language. The text is
// normalised first (text-views.ts: NFKC, invisible characters, digits of every script). The
// guiding rule is to flag what designates *one* person (a name or initials with an age, a birth, a
// health or case fact; a relative; numbers that identify someone) and to let aggregates (plurals,
// counts, percentages), institutions, public places and generic wording (« la victime » in a
// training) through. Tables of texts both ways: test/domain/confidentiality/.

import { ADDRESS_RULES } from "./confidentiality/addresses.js";
import { AGE_RULES, BIRTH_RULES } from "./confidentiality/birth-and-age.js";
import { CASE_RULES } from "./confidentiality/case-numbers.js";
import { EMAIL_RE, emailAllowed, OBFUSCATED_EMAIL_RE, plainDomain } from "./confidentiality/emails.js";
import { genericWording } from "./confidentiality/generic.js";
import { IDENTIFIER_RULES } from "./confidentiality/identifiers.js";
import { INDIVIDUAL_RULES } from "./confidentiality/individuals.js";
import { linkAsWords } from "./confidentiality/links.js";
import { NAMED_RULES } from "./confidentiality/named-persons.js";
import { PERSON_SCANNERS } from "./confidentiality/persons.js";
import { PHONE_RULES } from "./confidentiality/phones.js";
import { ACCOUNT_RULES, RELATIVE_RULES } from "./confidentiality/relatives.js";
import type { Hit, Rule } from "./confidentiality/rule-kit.js";
import { normalise } from "./confidentiality/text-views.js";
import type { ConfidentialityFinding, ConfidentialityKind, ConfidentialityOptions } from "./confidentiality/types.js";

export { DEFAULT_ALLOWED_EMAIL_DOMAINS, DEFAULT_ALLOWED_EMAIL_LOCAL_PARTS } from "./confidentiality/emails.js";
export type { ConfidentialityFinding, ConfidentialityKind, ConfidentialityOptions } from "./confidentiality/types.js";

const MAX_EXCERPT = 60;

const RULES: Rule[] = [
  ...PHONE_RULES,
  ...BIRTH_RULES,
  ...AGE_RULES,
  ...ADDRESS_RULES,
  ...CASE_RULES,
  ...IDENTIFIER_RULES,
  ...INDIVIDUAL_RULES,
  ...NAMED_RULES,
  ...RELATIVE_RULES,
  ...ACCOUNT_RULES,
];

// ---------------------------------------------------------------------------------------------

/**
 * Personal data found in `text`, in reading order. The text is normalised first (see
 * text-views.ts), and each finding quotes the original text: `text.slice(index, index +
 * excerpt.length) === excerpt`. Several kinds may cover the same words (« un mineur de 15 ans »
 * is both INDIVIDUAL and AGE); one kind is reported once per passage.
 */
export function findPersonalData(text: string, options: ConfidentialityOptions = {}): ConfidentialityFinding[] {
  if (text.trim() === "") return [];
  const { views, from, to } = normalise(text);
  const hits: Hit[] = [];

  for (const rule of RULES) {
    for (const m of views[rule.on].matchAll(rule.re)) {
      if (rule.accept && !rule.accept(m, views)) continue;
      hits.push({ kind: rule.kind, index: m.index, end: m.index + m[0].length });
    }
  }
  for (const scan of PERSON_SCANNERS) hits.push(...scan(views));
  for (const m of views.folded.matchAll(EMAIL_RE)) {
    const [, local = "", domain = ""] = m;
    if (!/\.[a-z]{2,}$/iu.test(domain)) continue; // « a@b.1 » is not an address
    if (emailAllowed(local, domain, options)) continue;
    hits.push({ kind: "EMAIL", index: m.index, end: m.index + m[0].length });
  }
  for (const m of views.folded.matchAll(OBFUSCATED_EMAIL_RE)) {
    const [written, local = "", domainWritten = ""] = m;
    if (written.includes("@") && !/\s/u.test(written)) continue; // a plain address, seen above
    const domain = plainDomain(domainWritten);
    if (domain === null || emailAllowed(local, domain, options)) continue;
    hits.push({ kind: "EMAIL", index: m.index, end: m.index + written.length });
  }

  const spans: Hit[] = [];
  for (const h of hits) {
    // Trailing spaces and dots caught by optional parts are not part of the datum.
    let end = h.end;
    // A match that stops inside a word (« la famille B… ») quotes the whole word.
    while (
      end < views.orig.length &&
      /\p{L}/u.test(views.orig[end - 1] ?? "") &&
      /[\p{L}\p{N}]/u.test(views.orig[end] ?? "")
    )
      end++;
    while (end > h.index && /[\s.,;:(]/u.test(views.orig[end - 1] ?? "")) end--;
    if (end <= h.index) continue;
    if (genericWording(views, h.kind, h.index, end)) continue;
    spans.push({ kind: h.kind, index: h.index, end });
  }
  spans.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: ConfidentialityFinding[] = [];
  // Two rules of the same kind on the same words (accented and unaccented « né le ») count once.
  // Spans come sorted by start, so an overlap is a start before the furthest end of that kind.
  const reach = new Map<ConfidentialityKind, number>();
  for (const s of spans) {
    if (s.index < (reach.get(s.kind) ?? -1)) continue;
    reach.set(s.kind, s.end);
    const start = from[s.index] ?? 0;
    const end = Math.min(to[s.end - 1] ?? text.length, start + MAX_EXCERPT);
    kept.push({ kind: s.kind, index: start, excerpt: text.slice(start, end) });
  }
  return kept;
}

/**
 * What the guard refuses in a free-text field (the view words it), or null when the text may be stored (empty
 * text included).
 */
export function checkFreeText(
  text: string | null | undefined,
  options: ConfidentialityOptions = {},
): ConfidentialityFinding[] | null {
  return refusal(text, (t) => findPersonalData(t, options));
}

function refusal(
  text: string | null | undefined,
  find: (text: string) => ConfidentialityFinding[],
): ConfidentialityFinding[] | null {
  const found = text ? find(text) : [];
  return found.length ? found : null;
}

// Kinds a link's path cannot tell from a file's or a page's own identifiers (random ids).
const NOT_IN_LINKS: readonly ConfidentialityKind[] = ["ID_DOCUMENT", "VEHICLE_PLATE"];

/**
 * Personal data in a link (an evidence URL): its path, query and fragment read as words, or the
 * address of a « mailto: » / « tel: » link. Excerpts quote that readable form, not the raw link.
 */
export function findPersonalDataInLink(link: string, options: ConfidentialityOptions = {}): ConfidentialityFinding[] {
  const words = linkAsWords(link);
  if (words === null) return [];
  return findPersonalData(words, options).filter((f) => !NOT_IN_LINKS.includes(f.kind));
}

/** checkFreeText for a link field. */
export function checkLink(
  link: string | null | undefined,
  options: ConfidentialityOptions = {},
): ConfidentialityFinding[] | null {
  return refusal(link, (l) => findPersonalDataInLink(l, options));
}
