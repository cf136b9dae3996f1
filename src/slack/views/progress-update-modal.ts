import type { ViewOutput } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import { INDICATOR_LIMIT } from "../../domain/bounds.js";
import {
  formatDateShort,
  formatInstant,
  formatNumber,
  progressBar,
  statusEmoji,
  statusLabel,
} from "../../domain/format.js";
import { UUID_RE } from "../../domain/ids.js";
import type { ProgressErrors, ProgressField, RawProgressForm } from "../../domain/progress-update.js";
import { type Commitment, type Indicator, type Locale, type ProgressUpdate, STATUSES } from "../../domain/types.js";
import { BLOCKS, CALLBACKS } from "../ids.js";
import { formReader, parseMetadata, toBlockErrors } from "../view-state.js";
import { colon, context, esc, mention, plain, section } from "./blocks.js";
import { tr } from "./locale.js";
import {
  datePicker,
  formModal,
  messageModal,
  numberInput,
  option,
  staticSelect,
  textInput,
  urlInput,
} from "./modal-parts.js";
import { problemTexts } from "./problem-words.js";
import { pendingLabel, whoDecidesText } from "./request-messages.js";

// private_metadata: which commitment, which update is corrected, which language. Never trusted
// for permissions: the submission listener checks the submitter again.
const metadataSchema = z
  .object({
    c: z.string().regex(UUID_RE),
    s: z.string().regex(UUID_RE).nullable().optional(),
    l: z.enum(["fr", "en"]).optional(),
  })
  .transform((m) => ({ commitmentId: m.c, supersedesId: m.s ?? null, locale: m.l ?? "fr" }));

type ProgressMetadata = z.output<typeof metadataSchema>;

export const encodeProgressMetadata = (m: ProgressMetadata): string =>
  JSON.stringify({ c: m.commitmentId, s: m.supersedesId, l: m.locale });

/** Null when the metadata is not ours (forged, truncated, from another view). */
export const decodeProgressMetadata = (raw: string | undefined): ProgressMetadata | null =>
  parseMetadata(raw, metadataSchema);

// Field ↔ block_id

export const indicatorBlockId = (indicatorId: string): string => `${BLOCKS.indicatorPrefix}${indicatorId}`;

const FIELD_BLOCKS: Record<Exclude<ProgressField, `indicator:${string}`>, string> = {
  status: BLOCKS.status,
  progress: BLOCKS.progress,
  comment: BLOCKS.comment,
  nextStep: BLOCKS.nextStep,
  nextStepOn: BLOCKS.nextStepOn,
  blockers: BLOCKS.blockers,
  evidenceUrl: BLOCKS.evidenceUrl,
  evidence: BLOCKS.evidence,
  proposedDueOn: BLOCKS.proposedDueOn,
  dueReason: BLOCKS.dueReason,
};

export function blockIdOf(field: ProgressField): string {
  if (field.startsWith("indicator:")) return indicatorBlockId(field.slice("indicator:".length));
  return FIELD_BLOCKS[field as keyof typeof FIELD_BLOCKS];
}

/** Validation problems as Slack wants them: `{ block_id: message }`, in the person's language. */
export const progressBlockErrors = (errors: ProgressErrors, locale: Locale): Record<string, string> =>
  toBlockErrors(problemTexts(errors, locale), blockIdOf);

/** Reads the submitted modal into untrusted strings; the domain validates them. */
export function readProgressForm(values: ViewOutput["state"]["values"]): RawProgressForm {
  const f = formReader({ state: { values } });
  return {
    status: f.option(BLOCKS.status),
    progress: f.text(BLOCKS.progress),
    indicators: f.textsUnder(BLOCKS.indicatorPrefix),
    comment: f.text(BLOCKS.comment),
    nextStep: f.text(BLOCKS.nextStep),
    nextStepOn: f.date(BLOCKS.nextStepOn),
    blockers: f.text(BLOCKS.blockers),
    evidenceUrl: f.text(BLOCKS.evidenceUrl),
    evidence: f.text(BLOCKS.evidence),
    proposedDueOn: f.date(BLOCKS.proposedDueOn),
    dueReason: f.text(BLOCKS.dueReason),
  };
}

// Views

const title = (locale: Locale) => tr(locale, "Mise à jour", "Progress update");

/** Shown at once inside Slack's 3-second trigger window, replaced by the form as soon as it is loaded. */
export const progressLoadingModal = (ref: string, locale: Locale): ModalView =>
  messageModal(
    {
      callbackId: CALLBACKS.progressUpdate,
      title: title(locale),
      text: tr(
        locale,
        `:hourglass_flowing_sand: Chargement de *${esc(ref)}*…`,
        `:hourglass_flowing_sand: Loading *${esc(ref)}*…`,
      ),
    },
    locale,
  );

/** A modal with a message only (nothing to correct, commitment gone…). */
export const progressNoticeModal = (text: string, locale: Locale): ModalView =>
  messageModal({ callbackId: CALLBACKS.progressUpdate, title: title(locale), text }, locale);

function indicatorHint(i: Indicator, locale: Locale): string | undefined {
  const parts: string[] = [];
  if (i.target !== null) parts.push(`${tr(locale, "cible", "target")} ${formatNumber(i.target, locale)}`);
  if (i.baseline !== null)
    parts.push(
      `${tr(locale, "référence", "baseline")} ${formatNumber(i.baseline, locale)}${i.baselineOn ? ` (${formatDateShort(i.baselineOn, locale)})` : ""}`,
    );
  if (i.current !== null && i.measuredOn)
    parts.push(`${tr(locale, "dernière mesure le", "last measured on")} ${formatDateShort(i.measuredOn, locale)}`);
  if (i.source) parts.push(`${tr(locale, "source", "source")}${colon(locale)}${i.source}`);
  if (parts.length === 0) return undefined;
  const text = parts.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface ProgressModalInput {
  commitment: Commitment;
  locale: Locale;
  timezone: string;
  /** The commitment's latest update, shown for context. */
  latest?: ProgressUpdate | null;
  /** When correcting: the update whose values fill the form (its id goes in the metadata). */
  correcting?: ProgressUpdate | null;
  /** Who would validate a « Réalisé » from this user: every coordinator but them. */
  deciders?: readonly string[];
}

// Slack allows 100 blocks in a modal; 15 are Vigie's own.
const MAX_INDICATORS = 80;

/** The progress-update form: status, progress, one input per indicator, what was done, next step, blockers, evidence. */
export function progressUpdateModal({
  commitment: c,
  locale,
  timezone,
  latest,
  correcting,
  deciders,
}: ProgressModalInput): ModalView {
  const from = correcting ?? null;
  const status = from?.status ?? c.status;
  const progress = from?.progress ?? c.progress;
  const fromValues = new Map((from?.indicatorValues ?? []).map((v) => [v.indicatorId, v.value]));

  const facts: string[] = [
    `${statusEmoji(c.status)} ${statusLabel(c.status, locale)} · ${progressBar(c.progress, 10, locale)}` +
      (c.dueOn ? ` · ${tr(locale, "échéance", "due")} ${formatDateShort(c.dueOn, locale)}` : ""),
  ];
  if (latest)
    facts.push(
      tr(
        locale,
        `Dernière mise à jour : ${formatInstant(latest.createdAt, timezone, locale)}, par ${mention(latest.authorId)}.`,
        `Last update: ${formatInstant(latest.createdAt, timezone, locale)}, by ${mention(latest.authorId)}.`,
      ),
    );
  for (const p of c.pending) facts.push(`${pendingLabel(p.kind, locale)} (${mention(p.requestedBy)})`);
  if (deciders) facts.push(whoDecidesText(deciders, locale));

  const blocks: KnownBlock[] = [section(`*${esc(c.ref)}* — ${plain(c.title, 2900)}`), context(...facts)];
  if (from) {
    blocks.push(
      section(
        tr(
          locale,
          `:pencil2: Vous corrigez votre mise à jour du ${formatInstant(from.createdAt, timezone, locale)} (version ${from.version}). L'ancienne version reste visible dans l'historique.`,
          `:pencil2: You are correcting your update of ${formatInstant(from.createdAt, timezone, locale)} (version ${from.version}). The previous version stays visible in the history.`,
        ),
      ),
    );
  }

  blocks.push(
    staticSelect(
      BLOCKS.status,
      tr(locale, "Statut", "Status"),
      STATUSES.map((st) => option(statusLabel(st, locale), st)),
      {
        initial: status,
        hint: tr(
          locale,
          "« Réalisé » demande une preuve, passe l'avancement à 100 % et attend la validation d'un coordonnateur autre que vous.",
          '"Done" needs a proof, sets progress to 100% and waits for sign-off by a coordinator other than you.',
        ),
      },
    ),
    numberInput(BLOCKS.progress, tr(locale, "Avancement (%)", "Progress (%)"), {
      decimal: false,
      min: 0,
      max: 100,
      initial: progress,
    }),
  );

  const indicators = c.indicators.slice(0, MAX_INDICATORS);
  if (indicators.length > 0) {
    blocks.push(
      section(tr(locale, "*Indicateurs* (valeurs agrégées uniquement)", "*Indicators* (aggregate figures only)")),
    );
    for (const i of indicators) {
      const hint = indicatorHint(i, locale);
      blocks.push(
        numberInput(indicatorBlockId(i.id), i.unit ? `${i.label} (${i.unit})` : i.label, {
          optional: true,
          decimal: true,
          min: -INDICATOR_LIMIT,
          max: INDICATOR_LIMIT,
          initial: fromValues.has(i.id) ? fromValues.get(i.id) : i.current,
          ...(hint ? { hint } : {}),
        }),
      );
    }
  }

  const optional = { optional: true, maxLength: 3000 } as const;
  blocks.push(
    textInput(BLOCKS.comment, tr(locale, "Ce qui a été fait", "What was done"), {
      ...optional,
      multiline: true,
      initial: from?.comment,
      hint: tr(
        locale,
        "Obligatoire si l'engagement est en point de vigilance ou en retard.",
        "Required when the commitment is at risk or late.",
      ),
    }),
    textInput(BLOCKS.nextStep, tr(locale, "Prochaine étape", "Next step"), { ...optional, initial: from?.nextStep }),
    datePicker(BLOCKS.nextStepOn, tr(locale, "Date de la prochaine étape", "Date of the next step"), {
      optional: true,
      initial: from?.nextStepOn,
    }),
    textInput(BLOCKS.blockers, tr(locale, "Difficultés, points de blocage", "Blockers"), {
      ...optional,
      multiline: true,
      initial: from?.blockers,
    }),
    urlInput(BLOCKS.evidenceUrl, tr(locale, "Lien vers un justificatif", "Link to evidence"), {
      optional: true,
      initial: from?.evidenceUrl,
      hint: tr(
        locale,
        "Pour « Réalisé » : un lien vers le justificatif, ou la preuve décrite ci-dessous.",
        'For "Done": a link to the evidence, or the proof described below.',
      ),
    }),
    textInput(BLOCKS.evidence, tr(locale, "Preuve de réalisation", "Proof of completion"), {
      ...optional,
      multiline: true,
      initial: from?.evidence,
      hint: tr(
        locale,
        "Pour « Réalisé » : le rapport, la convention signée, l'indicateur atteint… (si vous n'avez pas de lien).",
        'For "Done": the report, the signed agreement, the indicator at target… (if you have no link).',
      ),
    }),
    datePicker(BLOCKS.proposedDueOn, tr(locale, "Proposer une nouvelle échéance", "Propose a new due date"), {
      optional: true,
      hint: tr(
        locale,
        "Facultatif. Validée par un coordonnateur ; l'échéance actuelle reste dans l'historique.",
        "Optional. Signed off by a coordinator; the current due date stays in the history.",
      ),
    }),
    textInput(BLOCKS.dueReason, tr(locale, "Motif de la nouvelle échéance", "Reason for the new due date"), {
      ...optional,
      multiline: true,
    }),
    context(
      tr(
        locale,
        ":lock: Aucune donnée personnelle (nom, âge, adresse, téléphone, n° de procédure…) : les situations individuelles se traitent dans les instances confidentielles du GLTD et du CLSPD.",
        ":lock: No personal data (names, ages, addresses, phone numbers, case numbers…): individual situations are dealt with in the GLTD's and CLSPD's confidential meetings.",
      ),
    ),
  );

  return formModal(
    {
      callbackId: CALLBACKS.progressUpdate,
      title: title(locale),
      submit: tr(locale, "Enregistrer", "Save"),
      privateMetadata: encodeProgressMetadata({ commitmentId: c.id, supersedesId: from?.id ?? null, locale }),
      blocks,
    },
    locale,
  );
}
