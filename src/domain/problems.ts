// What a rule of the domain refuses, as a code with the figures its wording needs. The domain never words
// it: `src/slack/views/problem-words.ts` says each code in French and in English, next to the field.
import type { DateWindow } from "./bounds.js";
import type { ConfidentialityFinding } from "./confidentiality/types.js";
import type { IsoDate } from "./types.js";

/** Codes that need nothing else to be said. */
export const SIMPLE_PROBLEMS = [
  // any field
  "invalid-value",
  "not-a-number",
  "number-out-of-bounds",
  "date-not-picked",
  "date-does-not-exist",
  "date-invalid",
  "date-in-past",
  "link-too-long",
  "link-not-web",
  // progress update
  "status-not-in-list",
  "progress-missing",
  "progress-not-whole",
  "progress-over-100",
  "comment-needed-at-risk",
  "next-step-missing",
  "evidence-needed-for-done",
  "proposed-date-missing",
  "proposed-date-not-after-today",
  "proposed-date-unchanged",
  "due-reason-missing",
  // refusing a request
  "refusal-reason-missing",
  // commitment form
  "party-missing",
  "party-not-in-contract",
  "title-missing",
  "title-too-short",
  "owners-not-in-list",
  // meeting form
  "meeting-kind-missing",
  "meeting-date-missing",
  "meeting-time-missing",
  "meeting-time-invalid",
  "meeting-in-past",
  "meeting-too-far-ahead",
  "channel-not-in-list",
  "attendees-not-in-list",
  // commitment written meanwhile by someone else
  "commitment-gone",
  "commitment-edited-meanwhile",
  // meeting decisions
  "no-decision",
  "meeting-gone",
  // contract form
  "no-party",
  "contract-title-length",
  "contract-ref-length",
  "signed-on-missing",
  "ends-on-missing",
  "ends-before-signed",
  // contract settings form
  "digest-day-invalid",
  "time-not-hh-mm",
  "quiet-hours-malformed",
  "quiet-hours-empty",
] as const;
export type SimpleProblemCode = (typeof SIMPLE_PROBLEMS)[number];

/** One line of the commitment form's indicators (« libellé ; unité ; départ ; cible ») that cannot be read. */
export type IndicatorLineProblem =
  | { code: "too-many-parts" }
  | { code: "label-empty" }
  | { code: "label-too-long"; max: number }
  | { code: "unit-too-long"; max: number; unit: string }
  | { code: "baseline-not-a-number"; typed: string }
  | { code: "target-not-a-number"; typed: string }
  | { code: "value-out-of-bounds"; limit: number }
  | { code: "same-label-as"; line: number };

/** One line of a meeting's decisions that cannot be recorded. */
export type DecisionLineProblem =
  | { code: "decision-too-long"; max: number }
  | { code: "personal-data"; findings: ConfidentialityFinding[] }
  | { code: "unknown-ref"; typed: string; suggestions: string[] }
  | { code: "milestone-missing" }
  | { code: "date-not-a-day"; typed: string }
  | { code: "date-outside-contract"; window: DateWindow }
  | { code: "unknown-party"; typed: string; parties: string[] }
  | { code: "new-title-missing" };

/** One line of a new contract's parties (« CODE ; Libellé ; Signataire ») that cannot be read. */
export type PartyLineProblem =
  | { code: "too-many-parts" }
  | { code: "code-malformed"; typed: string }
  | { code: "code-taken"; party: string }
  | { code: "label-length" }
  | { code: "signatory-too-long"; max: number };

/** Problems found line by line: the first few are said, the others counted. */
export interface LineProblems<P> {
  lines: { line: number; problem: P }[];
}

export type Problem =
  | { code: SimpleProblemCode }
  | { code: "text-too-long"; max: number }
  | { code: "too-many-owners"; max: number }
  | { code: "too-many-attendees"; max: number }
  | { code: "time-skipped-by-summer-time"; date: IsoDate }
  | { code: "personal-data"; findings: ConfidentialityFinding[] }
  | { code: "date-outside-contract"; window: DateWindow }
  | { code: "indicator-lines"; lines: { line: number; problem: IndicatorLineProblem }[] }
  | { code: "too-many-indicators"; max: number; typed: number }
  | { code: "ref-malformed"; next: string }
  | { code: "ref-other-party"; party: string; next: string }
  | { code: "ref-taken"; ref: string; next: string }
  | { code: "ref-just-taken"; ref: string }
  | { code: "ref-used-by-another"; ref: string }
  | ({ code: "decision-lines" } & LineProblems<DecisionLineProblem>)
  | { code: "too-many-decisions"; max: number }
  | ({ code: "party-lines" } & LineProblems<PartyLineProblem>)
  | { code: "too-many-parties"; max: number }
  | { code: "contract-ref-taken"; ref: string }
  | { code: "contract-ref-just-taken"; ref: string }
  | { code: "not-a-timezone"; typed: string };

/** One problem per field of a form (the first found), so that the form shows each next to its field. */
export type FieldProblems<F extends string> = Partial<Record<F, Problem>>;

export const problem = (code: SimpleProblemCode): Problem => ({ code });

/** A personal-data problem when the guard found something, null otherwise. */
export const personalData = (findings: ConfidentialityFinding[]): Problem | null =>
  findings.length > 0 ? { code: "personal-data", findings } : null;

const isSimple = (s: string): s is SimpleProblemCode => (SIMPLE_PROBLEMS as readonly string[]).includes(s);

/**
 * The problem a zod issue stands for: schemas of the domain give a SimpleProblemCode as their message; a string
 * too long says its maximum. Anything else (a shape no form sends) is an invalid value.
 */
export function problemOfIssue(issue: { code: string; message: string; maximum?: unknown; origin?: string }): Problem {
  if (isSimple(issue.message)) return { code: issue.message };
  if (issue.code === "too_big" && issue.origin === "string")
    return { code: "text-too-long", max: Number(issue.maximum) };
  return { code: "invalid-value" };
}
