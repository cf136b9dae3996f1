// What a coordinator types in the create/edit commitment modal, checked before anything is stored.
// Pure: no Slack, no Prisma. Problems are codes keyed by form field (the Slack layer words them and maps them
// to block ids).
import { z } from "zod";
import {
  type DateWindow,
  INDICATOR_LIMIT,
  indicatorInBounds,
  MAX_INDICATOR_LABEL,
  MAX_UNIT,
  withinWindow,
} from "./bounds.js";
import { isIsoDate } from "./calendar.js";
import { findPersonalData } from "./confidentiality.js";
import {
  type FieldProblems,
  type IndicatorLineProblem,
  type Problem,
  personalData,
  problemOfIssue,
  type SimpleProblemCode,
} from "./problems.js";
import { normalizeRef } from "./refs.js";
import type { IsoDate } from "./types.js";

const COMMITMENT_FIELDS = [
  "ref",
  "party",
  "title",
  "description",
  "lead_service",
  "owners",
  "due_on",
  "indicators",
] as const;
export type CommitmentField = (typeof COMMITMENT_FIELDS)[number];
export type FieldErrors<F extends string> = FieldProblems<F>;

export const MAX_TITLE = 300;
export const MAX_DESCRIPTION = 3000;
export const MAX_LEAD_SERVICE = 200;
export const MAX_INDICATORS = 20;
const MAX_OWNERS = 20;

/** The raw values of the form, as Slack gives them (null when left empty). */
export interface CommitmentFormValues {
  ref: string | null;
  party: string | null;
  title: string | null;
  description: string | null;
  leadService: string | null;
  owners: string[];
  dueOn: string | null;
  indicators: string | null;
}

export interface IndicatorInput {
  label: string;
  unit: string | null;
  baseline: number | null;
  target: number | null;
}

export interface CommitmentInput {
  ref: string;
  party: string;
  title: string;
  description: string | null;
  leadService: string | null;
  owners: string[];
  dueOn: IsoDate | null;
  indicators: IndicatorInput[];
}

interface CommitmentFormContext {
  /** Party codes of the contract, in display order. */
  parties: string[];
  /** Every ref already used in the contract. */
  existingRefs: string[];
  /** When editing: the commitment's current ref, which it may keep. */
  currentRef?: string;
  /** The contract's years (± a margin): a due date outside is refused. */
  dateWindow?: DateWindow;
}

export type Validation<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

/** The number after the party in a ref, or null when the ref belongs to another party. */
function refNumber(ref: string, party: string): number | null {
  const n = normalizeRef(ref);
  if (!n) return null;
  const m = /^([A-Z]+)-(\d+)$/.exec(n);
  return m && m[1] === party.toUpperCase() ? Number(m[2]) : null;
}

/** `PARTY-NN` with the number after the highest one in use (numbers are never reused). */
export function nextFreeRef(party: string, refs: readonly string[]): string {
  const highest = refs.reduce((max, r) => Math.max(max, refNumber(r, party) ?? 0), 0);
  return `${party.toUpperCase()}-${String(highest + 1).padStart(2, "0")}`;
}

/** « 1 000,5 », « 12.5 », « -3 » → number; null when not a number. */
export function parseLocaleNumber(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, "");
  if (s === "") return null;
  if (s.includes(",") && s.includes(".")) return null;
  const dotted = s.replace(",", ".");
  if (!/^[-+]?\d+(\.\d+)?$/.test(dotted)) return null;
  const n = Number(dotted);
  return Number.isFinite(n) ? n : null;
}

type IndicatorLinesResult = { ok: true; indicators: IndicatorInput[] } | { ok: false; error: Problem };

/** What is wrong with one line, or its indicator. */
function readIndicatorLine(line: string): IndicatorLineProblem | IndicatorInput {
  const parts = line.split(";").map((p) => p.trim());
  if (parts.length > 4) return { code: "too-many-parts" };
  const [label = "", unit = "", baselineRaw = "", targetRaw = ""] = parts;
  if (label === "") return { code: "label-empty" };
  if (label.length > MAX_INDICATOR_LABEL) return { code: "label-too-long", max: MAX_INDICATOR_LABEL };
  if (unit.length > MAX_UNIT) return { code: "unit-too-long", max: MAX_UNIT, unit };
  const baseline = baselineRaw === "" ? null : parseLocaleNumber(baselineRaw);
  if (baselineRaw !== "" && baseline === null) return { code: "baseline-not-a-number", typed: baselineRaw };
  const target = targetRaw === "" ? null : parseLocaleNumber(targetRaw);
  if (targetRaw !== "" && target === null) return { code: "target-not-a-number", typed: targetRaw };
  if ((baseline !== null && !indicatorInBounds(baseline)) || (target !== null && !indicatorInBounds(target)))
    return { code: "value-out-of-bounds", limit: INDICATOR_LIMIT };
  return { label, unit: unit === "" ? null : unit, baseline, target };
}

/** One indicator per line: « libellé ; unité ; valeur de départ ; cible » (only the label is required). */
export function parseIndicatorLines(text: string | null): IndicatorLinesResult {
  const lines = (text ?? "").split(/\r?\n/);
  const indicators: IndicatorInput[] = [];
  const problems: { line: number; problem: IndicatorLineProblem }[] = [];
  const seen = new Map<string, number>();
  lines.forEach((line, i) => {
    const n = i + 1;
    if (line.trim() === "") return;
    const read = readIndicatorLine(line);
    if ("code" in read) return void problems.push({ line: n, problem: read });
    const twin = seen.get(read.label.toLowerCase());
    if (twin !== undefined) return void problems.push({ line: n, problem: { code: "same-label-as", line: twin } });
    seen.set(read.label.toLowerCase(), n);
    indicators.push(read);
  });
  if (problems.length > 0) return { ok: false, error: { code: "indicator-lines", lines: problems } };
  if (indicators.length > MAX_INDICATORS)
    return { ok: false, error: { code: "too-many-indicators", max: MAX_INDICATORS, typed: indicators.length } };
  return { ok: true, indicators };
}

/** The lines the edit modal is prefilled with, in the format parseIndicatorLines reads back. */
export function indicatorLines(
  indicators: readonly { label: string; unit: string | null; baseline: number | null; target: number | null }[],
): string {
  const num = (n: number | null) => (n === null ? "" : String(n).replace(".", ","));
  return indicators
    .map((i) => [i.label, i.unit ?? "", num(i.baseline), num(i.target)].join(" ; ").replace(/( ; )+$/, ""))
    .join("\n");
}

// A schema's message is the code of the problem (problems.ts); a text too long says its maximum by itself.
const code = (c: SimpleProblemCode): string => c;

const optionalText = (max: number) =>
  z
    .string()
    .nullable()
    .transform((s) => (s ?? "").trim())
    .pipe(z.string().max(max))
    .transform((s) => (s === "" ? null : s));

/** Checks every field; on error returns one problem per field, so the modal shows them all at once. */
export function validateCommitmentForm(
  raw: CommitmentFormValues,
  ctx: CommitmentFormContext,
): Validation<CommitmentInput, CommitmentField> {
  const schema = z.object({
    ref: optionalText(20),
    party: z
      .string({ error: code("party-missing") })
      .refine((p) => ctx.parties.includes(p), code("party-not-in-contract")),
    title: z
      .string({ error: code("title-missing") })
      .transform((s) => s.trim())
      .pipe(z.string().min(3, code("title-too-short")).max(MAX_TITLE)),
    description: optionalText(MAX_DESCRIPTION),
    leadService: optionalText(MAX_LEAD_SERVICE),
    owners: z.array(z.string().regex(/^[UW][A-Z0-9]+$/, code("owners-not-in-list"))).max(MAX_OWNERS),
    dueOn: z
      .string()
      .nullable()
      .refine((d) => d === null || isIsoDate(d), code("date-invalid"))
      .refine((d) => d === null || !isIsoDate(d) || withinWindow(d, ctx.dateWindow), "outside"),
    indicators: z.string().nullable(),
  });
  const fieldOf: Record<keyof CommitmentFormValues, CommitmentField> = {
    ref: "ref",
    party: "party",
    title: "title",
    description: "description",
    leadService: "lead_service",
    owners: "owners",
    dueOn: "due_on",
    indicators: "indicators",
  };
  const errors: FieldErrors<CommitmentField> = {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof CommitmentFormValues | undefined;
      const field = key ? fieldOf[key] : undefined;
      if (field && !errors[field]) errors[field] = fieldProblem(field, issue, ctx);
    }
  }
  // Confidentiality first on free text: a refused text gets that explanation, not a length message.
  const freeText: [CommitmentField, string | null][] = [
    ["title", raw.title],
    ["description", raw.description],
    ["lead_service", raw.leadService],
    ["indicators", raw.indicators],
  ];
  for (const [field, text] of freeText) {
    const refused = text ? personalData(findPersonalData(text)) : null;
    if (refused) errors[field] = refused;
  }
  const indicators = parseIndicatorLines(raw.indicators);
  if (!indicators.ok && !errors.indicators) errors.indicators = indicators.error;

  let ref: string | null = null;
  if (!errors.party && !errors.ref && raw.party) {
    const refResult = checkRef(raw.ref, raw.party, ctx);
    if (refResult.ok) ref = refResult.ref;
    else errors.ref = refResult.error;
  }
  if (!parsed.success || Object.keys(errors).length > 0 || !indicators.ok || ref === null) return { ok: false, errors };
  const v = parsed.data;
  return {
    ok: true,
    value: {
      ref,
      party: v.party,
      title: v.title,
      description: v.description,
      leadService: v.leadService,
      owners: [...new Set(v.owners)],
      dueOn: v.dueOn,
      indicators: indicators.indicators,
    },
  };
}

/** The problem a zod issue of the form stands for, with what its field's wording needs. */
function fieldProblem(
  field: CommitmentField,
  issue: { code: string; message: string; origin?: string; maximum?: unknown },
  ctx: CommitmentFormContext,
): Problem {
  if (field === "owners" && issue.code === "too_big") return { code: "too-many-owners", max: MAX_OWNERS };
  if (field === "due_on" && issue.message === "outside" && ctx.dateWindow)
    return { code: "date-outside-contract", window: ctx.dateWindow };
  return problemOfIssue(issue);
}

function checkRef(
  typed: string | null,
  party: string,
  ctx: CommitmentFormContext,
): { ok: true; ref: string } | { ok: false; error: Problem } {
  const others = ctx.existingRefs.filter((r) => r !== ctx.currentRef);
  const next = nextFreeRef(party, others);
  if (typed === null || typed.trim() === "") return { ok: true, ref: next };
  const ref = normalizeRef(typed);
  if (ref === null) return { ok: false, error: { code: "ref-malformed", next } };
  if (!ref.startsWith(`${party.toUpperCase()}-`)) return { ok: false, error: { code: "ref-other-party", party, next } };
  if (others.some((r) => normalizeRef(r) === ref)) return { ok: false, error: { code: "ref-taken", ref, next } };
  return { ok: true, ref };
}
