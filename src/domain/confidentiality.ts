// Confidentiality guard (design.md « Confidentiality »): free text typed by users must not carry
// personal data. GLTD/CLSPD case discussions concern named people and stay in their own
// confidential channels; Vigie stores only the follow-up of commitments. Pure: no Slack, no Prisma.
//
// Heuristics, tuned for French institutional prose with English as a second language. The
// guiding rule is to flag what designates *one* person (singular forms, numbers, names) and to let
// aggregates through (plurals, percentages, amounts, years, meeting dates, street names alone).

import { ADDRESS_RULES } from "./confidentiality/addresses.js";
import { AGE_RULES, BIRTH_RULES } from "./confidentiality/birth-and-age.js";
import { CASE_RULES } from "./confidentiality/case-numbers.js";
import { EMAIL_RE, emailAllowed } from "./confidentiality/emails.js";
import { INDIVIDUAL_RULES } from "./confidentiality/individuals.js";
import { NAMED_RULES } from "./confidentiality/named-persons.js";
import { PHONE_RULES } from "./confidentiality/phones.js";
import type { Rule } from "./confidentiality/rule-kit.js";
import { buildViews } from "./confidentiality/text-views.js";
import type { ConfidentialityFinding, ConfidentialityKind, ConfidentialityOptions } from "./confidentiality/types.js";

export { DEFAULT_ALLOWED_EMAIL_DOMAINS, DEFAULT_ALLOWED_EMAIL_LOCAL_PARTS } from "./confidentiality/emails.js";
export { confidentialityError } from "./confidentiality/messages.js";
export type { ConfidentialityFinding, ConfidentialityKind, ConfidentialityOptions } from "./confidentiality/types.js";

const MAX_EXCERPT = 60;

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
