// Rules of a progress update (design.md « ProgressUpdate »), checked on the server whatever the
// modal let through. Pure: no Slack, no Prisma. Every problem is reported against its own field so
// that the form can show it next to what the user typed, and keep the rest.
import { z } from "zod";
import { checkLink, confidentialityError, findPersonalData } from "./confidentiality.js";
import { tr } from "./locale.js";
import {
  type Commitment,
  type IndicatorValue,
  type IsoDate,
  type Locale,
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
}

/** A valid update, ready to be stored. */
export type ProgressDraft = Pick<
  ProgressUpdate,
  "status" | "progress" | "indicatorValues" | "comment" | "nextStep" | "nextStepOn" | "blockers" | "evidenceUrl"
>;

export type ProgressErrors = Partial<Record<ProgressField, string>>;

export type ProgressValidation = { ok: true; draft: ProgressDraft } | { ok: false; errors: ProgressErrors };

export interface ValidationContext {
  /** The commitment's indicators: only these ids are accepted. */
  indicators: Pick<Commitment["indicators"][number], "id" | "label">[];
  /** Today in the contract's time zone, to refuse a next step in the past. */
  today: IsoDate;
  locale: Locale;
}

/** Statuses that oblige the owner to say what was done and what goes wrong. */
export const STATUSES_NEEDING_COMMENT: readonly Status[] = ["AT_RISK", "LATE"];

// Slack caps a plain_text_input at 3,000 characters; a longer value did not come from the modal.
export const MAX_TEXT = 3000;
export const MAX_URL = 2000;

const blankToNull = (v: unknown): unknown => (typeof v === "string" && v.trim() === "" ? null : v);
const trimmed = (v: unknown): unknown => (typeof v === "string" ? v.trim() : v);

/** Each field alone; cross-field rules (AT_RISK needs a comment, DONE needs evidence) come after. */
function fieldSchemas(locale: Locale) {
  const text = z.preprocess(
    (v) => blankToNull(trimmed(v)),
    z
      .string()
      .max(MAX_TEXT, tr(locale, `${MAX_TEXT} caractères au plus.`, `At most ${MAX_TEXT} characters.`))
      .nullable()
      .default(null),
  );
  return {
    status: z.enum(STATUSES, {
      message: tr(locale, "Choisissez un statut dans la liste.", "Choose a status from the list."),
    }),
    progress: z.preprocess(
      (v) => blankToNull(trimmed(v)),
      z
        .string({ message: tr(locale, "Indiquez l'avancement, de 0 à 100 %.", "Enter the progress, from 0 to 100%.") })
        .regex(
          /^\d{1,3}$/,
          tr(locale, "L'avancement est un nombre entier de 0 à 100.", "Progress is a whole number from 0 to 100."),
        )
        .transform(Number)
        .refine((n) => n <= 100, tr(locale, "L'avancement ne peut dépasser 100 %.", "Progress cannot exceed 100%.")),
    ),
    indicator: z.preprocess(
      (v) => blankToNull(trimmed(v)),
      z
        .string()
        // number_input sends « 12.5 »; a French user typing in a forged or older client may send « 12,5 ».
        .transform((s) => s.replace(",", "."))
        .refine(
          (s) => /^-?\d+(\.\d+)?$/.test(s) && s.length <= 20,
          tr(locale, "Saisissez un nombre, par ex. 12 ou 12.5.", "Enter a number, e.g. 12 or 12.5."),
        )
        .transform(Number)
        .nullable()
        .default(null),
    ),
    text,
    date: z.preprocess(
      (v) => blankToNull(trimmed(v)),
      z
        .string()
        .regex(
          /^\d{4}-\d{2}-\d{2}$/,
          tr(locale, "Choisissez une date dans le calendrier.", "Pick a date from the calendar."),
        )
        .refine(
          (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
          tr(locale, "Cette date n'existe pas.", "This date does not exist."),
        )
        .nullable()
        .default(null),
    ),
    url: z.preprocess(
      (v) => blankToNull(trimmed(v)),
      z
        .string()
        .max(MAX_URL, tr(locale, "Ce lien est trop long.", "This link is too long."))
        .refine(
          isWebLink,
          tr(
            locale,
            "Indiquez un lien web complet, commençant par https://",
            "Enter a full web link starting with https://",
          ),
        )
        .nullable()
        .default(null),
    ),
  };
}

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
export const FREE_TEXT_FIELDS = ["comment", "nextStep", "blockers"] as const satisfies readonly ProgressField[];

/**
 * Checks a submitted form. Returns the update to store, or one message per field in error; every
 * rule is applied so that the user sees all problems at once, not one per submit.
 */
export function validateProgressUpdate(form: RawProgressForm, ctx: ValidationContext): ProgressValidation {
  const { locale } = ctx;
  const s = fieldSchemas(locale);
  const errors: ProgressErrors = {};

  const take = <T>(field: ProgressField, schema: z.ZodType<T>, value: unknown): T | undefined => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    errors[field] = r.error.issues[0]?.message ?? tr(locale, "Valeur invalide.", "Invalid value.");
    return undefined;
  };

  const status = take("status", s.status, form.status ?? undefined);
  const progress = take("progress", s.progress, form.progress ?? null);
  const comment = take("comment", s.text, form.comment);
  const nextStep = take("nextStep", s.text, form.nextStep);
  const nextStepOn = take("nextStepOn", s.date, form.nextStepOn);
  const blockers = take("blockers", s.text, form.blockers);
  const evidenceUrl = take("evidenceUrl", s.url, form.evidenceUrl);

  const indicatorValues: IndicatorValue[] = [];
  for (const indicator of ctx.indicators) {
    const value = take(indicatorField(indicator.id), s.indicator, form.indicators?.[indicator.id]);
    if (typeof value === "number") indicatorValues.push({ indicatorId: indicator.id, value });
  }

  // The guard runs on each free-text field: the message names what was found, next to that field.
  for (const field of FREE_TEXT_FIELDS) {
    const value = { comment, nextStep, blockers }[field];
    if (typeof value !== "string" || errors[field]) continue;
    const message = confidentialityError(findPersonalData(value), locale);
    if (message) errors[field] = message;
  }
  // A link names a public page, but its path may name a person (« PV_Kevin_Durand_12-04-2009.pdf »).
  const linkRefused = evidenceUrl && !errors.evidenceUrl ? checkLink(evidenceUrl, locale) : null;
  if (linkRefused) errors.evidenceUrl = linkRefused;

  if (status && STATUSES_NEEDING_COMMENT.includes(status) && comment === null && !errors.comment) {
    errors.comment = tr(
      locale,
      "Pour un engagement en vigilance ou en retard, décrivez ce qui a été fait et ce qui bloque.",
      "For a commitment at risk or late, describe what was done and what is holding it back.",
    );
  }
  if (nextStepOn && !errors.nextStepOn) {
    if (nextStepOn < ctx.today) {
      errors.nextStepOn = tr(
        locale,
        "Cette date est passée : choisissez aujourd'hui ou une date à venir.",
        "This date is in the past: choose today or a later date.",
      );
    } else if (nextStep === null && !errors.nextStep) {
      errors.nextStep = tr(locale, "Décrivez l'étape prévue à cette date.", "Describe the step planned for this date.");
    }
  }
  if (status === "DONE" && evidenceUrl === null && indicatorValues.length === 0 && !errors.evidenceUrl) {
    errors.evidenceUrl = tr(
      locale,
      "Pour déclarer l'engagement réalisé, joignez un lien vers un justificatif ou renseignez au moins un indicateur.",
      "To report the commitment as done, add a link to evidence or fill in at least one indicator.",
    );
  }

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
    },
  };
}

/**
 * What the commitment becomes once the update is stored. DONE is only requested: the status stays
 * as it was until a coordinator confirms.
 */
export interface CommitmentChange {
  status: Status;
  progress: number;
  doneRequested: boolean;
  /** Indicators whose value changed (or was first measured): their current value and date move. */
  indicators: IndicatorValue[];
}

export function commitmentChangeFor(
  commitment: { status: Status; indicators: Pick<Commitment["indicators"][number], "id" | "current">[] },
  draft: Pick<ProgressDraft, "status" | "progress" | "indicatorValues">,
): CommitmentChange {
  const doneRequested = draft.status === "DONE" && commitment.status !== "DONE";
  const current = new Map(commitment.indicators.map((i) => [i.id, i.current]));
  return {
    status: doneRequested ? commitment.status : draft.status,
    progress: draft.progress,
    doneRequested,
    indicators: draft.indicatorValues.filter((v) => current.get(v.indicatorId) !== v.value),
  };
}
