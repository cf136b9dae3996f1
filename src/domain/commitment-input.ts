// What a coordinator types in the create/edit commitment modal, checked before anything is stored.
// Pure: no Slack, no Prisma. Errors are keyed by form field (the Slack layer maps them to block ids).
import { z } from "zod";
import {
  type DateWindow,
  dateWindowError,
  INDICATOR_LIMIT,
  indicatorInBounds,
  MAX_INDICATOR_LABEL,
  MAX_UNIT,
  withinWindow,
} from "./bounds.js";
import { isIsoDate } from "./calendar.js";
import { confidentialityError, findPersonalData } from "./confidentiality.js";
import { tr } from "./locale.js";
import { normalizeRef } from "./refs.js";
import type { IsoDate, Locale } from "./types.js";

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
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

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
  locale: Locale;
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

type IndicatorLinesResult = { ok: true; indicators: IndicatorInput[] } | { ok: false; error: string };

/** One indicator per line: « libellé ; unité ; valeur de départ ; cible » (only the label is required). */
export function parseIndicatorLines(text: string | null, locale: Locale): IndicatorLinesResult {
  const lines = (text ?? "").split(/\r?\n/);
  const indicators: IndicatorInput[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  lines.forEach((line, i) => {
    const n = i + 1;
    if (line.trim() === "") return;
    const parts = line.split(";").map((p) => p.trim());
    const say = (fr: string, en: string) => problems.push(tr(locale, `ligne ${n} : ${fr}`, `line ${n}: ${en}`));
    if (parts.length > 4)
      return say(
        "4 parties au plus, séparées par « ; » (libellé ; unité ; départ ; cible)",
        "at most 4 parts separated by “;” (label ; unit ; baseline ; target)",
      );
    const [label = "", unit = "", baselineRaw = "", targetRaw = ""] = parts;
    if (label === "") return say("le libellé est vide", "the label is empty");
    if (label.length > MAX_INDICATOR_LABEL)
      return say(
        `le libellé dépasse ${MAX_INDICATOR_LABEL} caractères`,
        `the label is longer than ${MAX_INDICATOR_LABEL} characters`,
      );
    if (unit.length > MAX_UNIT)
      return say(
        `l'unité dépasse ${MAX_UNIT} caractères (« ${unit.slice(0, 20)}… »)`,
        `the unit is longer than ${MAX_UNIT} characters ("${unit.slice(0, 20)}…")`,
      );
    const baseline = baselineRaw === "" ? null : parseLocaleNumber(baselineRaw);
    if (baselineRaw !== "" && baseline === null)
      return say(
        `la valeur de départ « ${baselineRaw.slice(0, 30)} » n'est pas un nombre`,
        `the baseline "${baselineRaw.slice(0, 30)}" is not a number`,
      );
    const target = targetRaw === "" ? null : parseLocaleNumber(targetRaw);
    if (targetRaw !== "" && target === null)
      return say(
        `la cible « ${targetRaw.slice(0, 30)} » n'est pas un nombre`,
        `the target "${targetRaw.slice(0, 30)}" is not a number`,
      );
    if ((baseline !== null && !indicatorInBounds(baseline)) || (target !== null && !indicatorInBounds(target)))
      return say(
        `les valeurs sont limitées à ± ${new Intl.NumberFormat("fr-FR").format(INDICATOR_LIMIT)}`,
        `values are limited to ± ${new Intl.NumberFormat("en-GB").format(INDICATOR_LIMIT)}`,
      );
    const key = label.toLowerCase();
    const twin = seen.get(key);
    if (twin !== undefined) return say(`même libellé qu'à la ligne ${twin}`, `same label as line ${twin}`);
    seen.set(key, n);
    indicators.push({ label, unit: unit === "" ? null : unit, baseline, target });
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 4).join(" ; ");
    const more =
      problems.length > 4
        ? tr(locale, ` (et ${problems.length - 4} autres erreurs)`, ` (and ${problems.length - 4} more errors)`)
        : "";
    return { ok: false, error: `${shown}${more}` };
  }
  if (indicators.length > MAX_INDICATORS) {
    return {
      ok: false,
      error: tr(
        locale,
        `${MAX_INDICATORS} indicateurs au plus (vous en avez saisi ${indicators.length}).`,
        `At most ${MAX_INDICATORS} indicators (you typed ${indicators.length}).`,
      ),
    };
  }
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

const optionalText = (max: number, fr: string, en: string, locale: Locale) =>
  z
    .string()
    .nullable()
    .transform((s) => (s ?? "").trim())
    .pipe(z.string().max(max, tr(locale, fr, en)))
    .transform((s) => (s === "" ? null : s));

/** Checks every field; on error returns one message per field, so the modal shows them all at once. */
export function validateCommitmentForm(
  raw: CommitmentFormValues,
  ctx: CommitmentFormContext,
): Validation<CommitmentInput, CommitmentField> {
  const { locale } = ctx;
  const schema = z.object({
    ref: optionalText(20, "20 caractères au plus.", "20 characters at most.", locale),
    party: z
      .string({ error: tr(locale, "Choisissez la partie signataire.", "Choose the signatory party.") })
      .refine(
        (p) => ctx.parties.includes(p),
        tr(locale, "Choisissez une partie du contrat.", "Choose one of the contract's parties."),
      ),
    title: z
      .string({ error: tr(locale, "Le titre est obligatoire.", "The title is required.") })
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .min(
            3,
            tr(
              locale,
              "Le titre est obligatoire (3 caractères au moins).",
              "The title is required (at least 3 characters).",
            ),
          )
          .max(MAX_TITLE, tr(locale, `${MAX_TITLE} caractères au plus.`, `${MAX_TITLE} characters at most.`)),
      ),
    description: optionalText(
      MAX_DESCRIPTION,
      `${MAX_DESCRIPTION} caractères au plus.`,
      `${MAX_DESCRIPTION} characters at most.`,
      locale,
    ),
    leadService: optionalText(
      MAX_LEAD_SERVICE,
      `${MAX_LEAD_SERVICE} caractères au plus.`,
      `${MAX_LEAD_SERVICE} characters at most.`,
      locale,
    ),
    owners: z
      .array(
        z
          .string()
          .regex(
            /^[UW][A-Z0-9]+$/,
            tr(locale, "Choisissez les pilotes dans la liste.", "Pick the owners from the list."),
          ),
      )
      .max(MAX_OWNERS, tr(locale, `${MAX_OWNERS} pilotes au plus.`, `${MAX_OWNERS} owners at most.`)),
    dueOn: z
      .string()
      .nullable()
      .refine((d) => d === null || isIsoDate(d), tr(locale, "Date invalide.", "Invalid date."))
      .refine(
        (d) => d === null || !isIsoDate(d) || withinWindow(d, ctx.dateWindow),
        ctx.dateWindow ? dateWindowError(ctx.dateWindow, locale) : "",
      ),
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
      if (field && !errors[field]) errors[field] = issue.message;
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
    const message = text ? confidentialityError(findPersonalData(text), locale) : null;
    if (message) errors[field] = message;
  }
  const indicators = parseIndicatorLines(raw.indicators, locale);
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

function checkRef(
  typed: string | null,
  party: string,
  ctx: CommitmentFormContext,
): { ok: true; ref: string } | { ok: false; error: string } {
  const { locale } = ctx;
  const others = ctx.existingRefs.filter((r) => r !== ctx.currentRef);
  const next = nextFreeRef(party, others);
  if (typed === null || typed.trim() === "") return { ok: true, ref: next };
  const ref = normalizeRef(typed);
  if (ref === null) {
    return {
      ok: false,
      error: tr(
        locale,
        `Référence attendue sous la forme ${next} (partie, tiret, numéro).`,
        `A ref looks like ${next} (party, dash, number).`,
      ),
    };
  }
  if (!ref.startsWith(`${party.toUpperCase()}-`)) {
    return {
      ok: false,
      error: tr(
        locale,
        `La référence d'un engagement ${party} commence par ${party}- ; prochain numéro libre : ${next}.`,
        `A ${party} commitment's ref starts with ${party}-; next free number: ${next}.`,
      ),
    };
  }
  if (others.some((r) => normalizeRef(r) === ref)) {
    return {
      ok: false,
      error: tr(
        locale,
        `${ref} existe déjà. Prochain numéro libre : ${next}.`,
        `${ref} already exists. Next free number: ${next}.`,
      ),
    };
  }
  return { ok: true, ref };
}
