// Rules of a progress update (append-only: a correction is a new version), checked on the server whatever the
// modal let through. Pure: no Slack, no Prisma. Every problem is reported against its own field so
// that the form can show it next to what the user typed, and keep the rest.
import { z } from "zod";
import { type DateWindow, indicatorInBounds, withinWindow } from "./bounds.js";
import { findPersonalData, findPersonalDataInLink } from "./confidentiality.js";
import { type FieldProblems, personalData, problem, problemOfIssue, type SimpleProblemCode } from "./problems.js";
import { DONE_PROGRESS } from "./requests.js";
import {
  type Commitment,
  type IndicatorValue,
  type IsoDate,
  type ProgressUpdate,
  STATUSES,
  type Status,
} from "./types.js";

/** The form's fields. Indicator fields are `indicator:<indicator id>`. */
export type ProgressField =
  | "status"
  | "progress"
  | "comment"
  | "nextStep"
  | "nextStepOn"
  | "blockers"
  | "evidenceUrl"
  | "evidence"
  | "proposedDueOn"
  | "dueReason"
  | `indicator:${string}`;

export const indicatorField = (indicatorId: string): ProgressField => `indicator:${indicatorId}`;

/** What the form sent, untrusted: every value a string or null/absent, as Slack gives them. */
export interface RawProgressForm {
  status?: string | null;
  progress?: string | null;
  /** Indicator id → typed value (absent when the input was left empty). */
  indicators?: Record<string, string | null | undefined>;
  comment?: string | null;
  nextStep?: string | null;
  nextStepOn?: string | null;
  blockers?: string | null;
  evidenceUrl?: string | null;
  evidence?: string | null;
  /** « Proposer une nouvelle date »: the date and why. */
  proposedDueOn?: string | null;
  dueReason?: string | null;
}

/** A valid update, ready to be stored. */
export type ProgressDraft = Pick<
  ProgressUpdate,
  | "status"
  | "progress"
  | "indicatorValues"
  | "comment"
  | "nextStep"
  | "nextStepOn"
  | "blockers"
  | "evidenceUrl"
  | "evidence"
>;

/** A new due date proposed with the update: a request that a coordinator decides. */
export interface DueDateProposal {
  dueOn: IsoDate;
  reason: string;
}

export type ProgressErrors = FieldProblems<ProgressField>;

type ProgressValidation =
  | { ok: true; draft: ProgressDraft; dueProposal: DueDateProposal | null }
  | { ok: false; errors: ProgressErrors };

export interface ValidationContext {
  /** The commitment's indicators: only these ids are accepted. */
  indicators: Pick<Commitment["indicators"][number], "id" | "label">[];
  /** Today in the contract's time zone, to refuse a next step in the past. */
  today: IsoDate;
  /** The commitment's due date: a proposed new date must differ from it. */
  dueOn?: IsoDate | null;
  /** The contract's years (± a margin): a next step after them is refused. */
  dateWindow?: DateWindow;
}

/** Statuses that oblige the owner to say what was done and what goes wrong. */
const STATUSES_NEEDING_COMMENT: readonly Status[] = ["AT_RISK", "LATE"];

// Slack caps a plain_text_input at 3,000 characters; a longer value did not come from the modal.
export const MAX_TEXT = 3000;
const MAX_URL = 2000;

const blankToNull = (v: unknown): unknown => (typeof v === "string" && v.trim() === "" ? null : v);
const trimmed = (v: unknown): unknown => (typeof v === "string" ? v.trim() : v);

// A schema's message is the code of the problem (problems.ts); a text too long says its maximum by itself.
const code = (c: SimpleProblemCode): string => c;

/** Each field alone; cross-field rules (AT_RISK needs a comment, DONE needs evidence) come after. */
const fields = {
  status: z.enum(STATUSES, { message: code("status-not-in-list") }),
  progress: z.preprocess(
    (v) => blankToNull(trimmed(v)),
    z
      .string({ message: code("progress-missing") })
      .regex(/^\d{1,3}$/, code("progress-not-whole"))
      .transform(Number)
      .refine((n) => n <= 100, code("progress-over-100")),
  ),
  indicator: z.preprocess(
    (v) => blankToNull(trimmed(v)),
    z
      .string()
      // number_input sends « 12.5 »; a French user typing in a forged or older client may send « 12,5 ».
      .transform((s) => s.replace(",", "."))
      .refine((s) => /^-?\d+(\.\d+)?$/.test(s) && s.length <= 20, code("not-a-number"))
      .transform(Number)
      .refine(indicatorInBounds, code("number-out-of-bounds"))
      .nullable()
      .default(null),
  ),
  text: z.preprocess((v) => blankToNull(trimmed(v)), z.string().max(MAX_TEXT).nullable().default(null)),
  date: z.preprocess(
    (v) => blankToNull(trimmed(v)),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, code("date-not-picked"))
      .refine(
        (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
        code("date-does-not-exist"),
      )
      .nullable()
      .default(null),
  ),
  url: z.preprocess(
    (v) => blankToNull(trimmed(v)),
    z.string().max(MAX_URL, code("link-too-long")).refine(isWebLink, code("link-not-web")).nullable().default(null),
  ),
};

/** An absolute http(s) link with a host: what a colleague can open to check the evidence. */
export function isWebLink(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".") && !/\s/.test(s);
  } catch {
    return false;
  }
}

/** The free-text fields checked by the confidentiality guard. */
const FREE_TEXT_FIELDS = [
  "comment",
  "nextStep",
  "blockers",
  "evidence",
  "dueReason",
] as const satisfies readonly ProgressField[];

/**
 * Checks a submitted form. Returns the update to store, or one problem per field in error; every
 * rule is applied so that the user sees all problems at once, not one per submit.
 */
export function validateProgressUpdate(form: RawProgressForm, ctx: ValidationContext): ProgressValidation {
  const s = fields;
  const errors: ProgressErrors = {};

  const take = <T>(field: ProgressField, schema: z.ZodType<T>, value: unknown): T | undefined => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    const issue = r.error.issues[0];
    errors[field] = issue ? problemOfIssue(issue) : problem("invalid-value");
    return undefined;
  };

  const status = take("status", s.status, form.status ?? undefined);
  const progress = take("progress", s.progress, form.progress ?? null);
  const comment = take("comment", s.text, form.comment);
  const nextStep = take("nextStep", s.text, form.nextStep);
  const nextStepOn = take("nextStepOn", s.date, form.nextStepOn);
  const blockers = take("blockers", s.text, form.blockers);
  const evidenceUrl = take("evidenceUrl", s.url, form.evidenceUrl);
  const evidence = take("evidence", s.text, form.evidence);
  const proposedDueOn = take("proposedDueOn", s.date, form.proposedDueOn);
  const dueReason = take("dueReason", s.text, form.dueReason);

  const indicatorValues: IndicatorValue[] = [];
  for (const indicator of ctx.indicators) {
    const value = take(indicatorField(indicator.id), s.indicator, form.indicators?.[indicator.id]);
    if (typeof value === "number") indicatorValues.push({ indicatorId: indicator.id, value });
  }

  // The guard runs on each free-text field: the problem names what was found, next to that field.
  for (const field of FREE_TEXT_FIELDS) {
    const value = { comment, nextStep, blockers, evidence, dueReason }[field];
    if (typeof value !== "string" || errors[field]) continue;
    const refused = personalData(findPersonalData(value));
    if (refused) errors[field] = refused;
  }
  // A link names a public page, but its path may name a person (« PV_Kevin_Durand_12-04-2009.pdf »).
  const linkRefused = evidenceUrl && !errors.evidenceUrl ? personalData(findPersonalDataInLink(evidenceUrl)) : null;
  if (linkRefused) errors.evidenceUrl = linkRefused;

  if (status && STATUSES_NEEDING_COMMENT.includes(status) && comment === null && !errors.comment) {
    errors.comment = problem("comment-needed-at-risk");
  }
  if (nextStepOn && !errors.nextStepOn) {
    if (ctx.dateWindow && !withinWindow(nextStepOn, ctx.dateWindow)) {
      errors.nextStepOn = { code: "date-outside-contract", window: ctx.dateWindow };
    } else if (nextStepOn < ctx.today) {
      errors.nextStepOn = problem("date-in-past");
    } else if (nextStep === null && !errors.nextStep) {
      errors.nextStep = problem("next-step-missing");
    }
  }
  // « Réalisé » is a decision: it needs a proof a coordinator can check, not just any figure.
  if (status === "DONE" && evidenceUrl === null && evidence === null && !errors.evidenceUrl && !errors.evidence) {
    errors.evidence = problem("evidence-needed-for-done");
  }
  Object.assign(errors, dueProposalErrors(proposedDueOn, dueReason, errors, ctx));

  if (Object.keys(errors).length > 0 || status === undefined || progress === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    draft: {
      status,
      progress,
      indicatorValues,
      comment: comment ?? null,
      nextStep: nextStep ?? null,
      nextStepOn: nextStepOn ?? null,
      blockers: blockers ?? null,
      evidenceUrl: evidenceUrl ?? null,
      evidence: evidence ?? null,
      // « Réalisé » sets progress to 100 %, whatever was typed.
      ...(status === "DONE" ? { progress: DONE_PROGRESS } : {}),
    },
    dueProposal: proposedDueOn && dueReason ? { dueOn: proposedDueOn, reason: dueReason } : null,
  };
}

/** « Proposer une nouvelle date » alone (overdue reminder): the date and its reason, both required. */
export function validateDueProposal(
  form: Pick<RawProgressForm, "proposedDueOn" | "dueReason">,
  ctx: Pick<ValidationContext, "today" | "dueOn">,
): { ok: true; proposal: DueDateProposal } | { ok: false; errors: ProgressErrors } {
  const errors: ProgressErrors = {};
  const date = fields.date.safeParse(form.proposedDueOn ?? null);
  const reason = fields.text.safeParse(form.dueReason ?? null);
  const firstProblem = (issues: { code: string; message: string }[]) =>
    issues[0] ? problemOfIssue(issues[0]) : problem("invalid-value");
  if (!date.success) errors.proposedDueOn = firstProblem(date.error.issues);
  if (!reason.success) errors.dueReason = firstProblem(reason.error.issues);
  const dueOn = date.success ? date.data : null;
  const why = reason.success ? reason.data : null;
  if (!errors.proposedDueOn && !dueOn) errors.proposedDueOn = problem("proposed-date-missing");
  if (typeof why === "string" && !errors.dueReason) {
    const refused = personalData(findPersonalData(why));
    if (refused) errors.dueReason = refused;
  }
  Object.assign(errors, dueProposalErrors(dueOn, why, errors, { ...ctx, indicators: [] }));
  if (Object.keys(errors).length > 0 || !dueOn || !why) return { ok: false, errors };
  return { ok: true, proposal: { dueOn, reason: why } };
}

/** A new date must come with its reason (and the reverse), be later than today and differ from the current one. */
function dueProposalErrors(
  dueOn: IsoDate | null | undefined,
  reason: string | null | undefined,
  errors: ProgressErrors,
  ctx: ValidationContext,
): ProgressErrors {
  const out: ProgressErrors = {};
  if (errors.proposedDueOn || errors.dueReason) return out;
  if (dueOn && !reason) out.dueReason = problem("due-reason-missing");
  if (reason && !dueOn) out.proposedDueOn = problem("proposed-date-missing");
  if (dueOn && dueOn <= ctx.today) out.proposedDueOn = problem("proposed-date-not-after-today");
  else if (dueOn && ctx.dueOn && dueOn === ctx.dueOn) out.proposedDueOn = problem("proposed-date-unchanged");
  return out;
}

/** Indicators whose value changed (or was first measured): their current value and date move. */
export function changedIndicators(
  indicators: readonly Pick<Commitment["indicators"][number], "id" | "current">[],
  values: readonly IndicatorValue[],
): IndicatorValue[] {
  const current = new Map(indicators.map((i) => [i.id, i.current]));
  return values.filter((v) => current.get(v.indicatorId) !== v.value);
}
