import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
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
import { truncate } from "../../domain/text.js";
import {
  type Commitment,
  type Indicator,
  type Locale,
  type ProgressUpdate,
  STATUSES,
  type Status,
} from "../../domain/types.js";
import { BLOCKS, CALLBACKS, INPUT_ACTION } from "../ids.js";
import { esc, mention } from "./blocks.js";
import { tr } from "./locale.js";
import { pendingLabel, whoDecidesText } from "./request-messages.js";

// ---------------------------------------------------------------------------------------------
// private_metadata: which commitment, which update is corrected, which language. Never trusted
// for permissions: the submission listener checks the submitter again.

const metadataSchema = z.object({
  c: z.string().regex(UUID_RE),
  s: z.string().regex(UUID_RE).nullable().optional(),
  l: z.enum(["fr", "en"]).optional(),
});

interface ProgressMetadata {
  commitmentId: string;
  /** The update this submission corrects, when « Corriger ma dernière mise à jour » opened it. */
  supersedesId: string | null;
  locale: Locale;
}

export const encodeProgressMetadata = (m: ProgressMetadata): string =>
  JSON.stringify({ c: m.commitmentId, s: m.supersedesId, l: m.locale });

/** Null when the metadata is not ours (forged, truncated, from another view). */
export function decodeProgressMetadata(raw: string | undefined): ProgressMetadata | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw ?? ""));
    if (!parsed.success) return null;
    return { commitmentId: parsed.data.c, supersedesId: parsed.data.s ?? null, locale: parsed.data.l ?? "fr" };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
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

/** Validation errors as Slack wants them: `{ block_id: message }`. */
export function progressBlockErrors(errors: ProgressErrors): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors) as [ProgressField, string | undefined][]) {
    if (message) out[blockIdOf(field)] = message;
  }
  return out;
}

/** The parts of view.state.values this modal reads (Bolt's ViewStateValue has them all). */
interface StateValue {
  type: string;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value: string } | null;
}
type StateValues = Record<string, Record<string, StateValue>>;

/** Reads the submitted modal into untrusted strings; the domain validates them. */
export function readProgressForm(values: StateValues): RawProgressForm {
  const el = (block: string): StateValue | undefined => values[block]?.[INPUT_ACTION];
  const text = (block: string) => el(block)?.value ?? null;
  const indicators: Record<string, string | null> = {};
  for (const block of Object.keys(values)) {
    if (block.startsWith(BLOCKS.indicatorPrefix)) indicators[block.slice(BLOCKS.indicatorPrefix.length)] = text(block);
  }
  return {
    status: el(BLOCKS.status)?.selected_option?.value ?? null,
    progress: text(BLOCKS.progress),
    indicators,
    comment: text(BLOCKS.comment),
    nextStep: text(BLOCKS.nextStep),
    nextStepOn: el(BLOCKS.nextStepOn)?.selected_date ?? null,
    blockers: text(BLOCKS.blockers),
    evidenceUrl: text(BLOCKS.evidenceUrl),
    evidence: text(BLOCKS.evidence),
    proposedDueOn: el(BLOCKS.proposedDueOn)?.selected_date ?? null,
    dueReason: text(BLOCKS.dueReason),
  };
}

// ---------------------------------------------------------------------------------------------
// Views

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });
const title = (locale: Locale) => plain(tr(locale, "Mise à jour", "Progress update"));

/** Shown at once inside Slack's 3-second trigger window, replaced by the form as soon as it is loaded. */
export function progressLoadingModal(ref: string, locale: Locale): ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.progressUpdate,
    title: title(locale),
    close: plain(tr(locale, "Fermer", "Close")),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: tr(
            locale,
            `:hourglass_flowing_sand: Chargement de *${esc(ref)}*…`,
            `:hourglass_flowing_sand: Loading *${esc(ref)}*…`,
          ),
        },
      },
    ],
  };
}

/** A modal with a message only (nothing to correct, commitment gone…). */
export function progressNoticeModal(text: string, locale: Locale): ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.progressUpdate,
    title: title(locale),
    close: plain(tr(locale, "Fermer", "Close")),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } }],
  };
}

const statusOption = (status: Status, locale: Locale): PlainTextOption => ({
  text: plain(statusLabel(status, locale)),
  value: status,
});

function indicatorHint(i: Indicator, locale: Locale): string | undefined {
  const parts: string[] = [];
  if (i.target !== null) parts.push(`${tr(locale, "cible", "target")} ${formatNumber(i.target, locale)}`);
  if (i.baseline !== null)
    parts.push(
      `${tr(locale, "référence", "baseline")} ${formatNumber(i.baseline, locale)}${i.baselineOn ? ` (${formatDateShort(i.baselineOn, locale)})` : ""}`,
    );
  if (i.current !== null && i.measuredOn)
    parts.push(`${tr(locale, "dernière mesure le", "last measured on")} ${formatDateShort(i.measuredOn, locale)}`);
  if (i.source) parts.push(`${tr(locale, "source", "source")} : ${i.source}`);
  if (parts.length === 0) return undefined;
  const text = parts.join(" · ");
  return truncate(text.charAt(0).toUpperCase() + text.slice(1), 2000);
}

// An input number keeps a dot as decimal separator whatever the language: Slack parses it.
const numberValue = (n: number | null | undefined): string | undefined =>
  typeof n === "number" && Number.isFinite(n) ? String(n) : undefined;

function input(
  blockId: string,
  label: string,
  element: InputBlock["element"],
  options: { optional?: boolean; hint?: string } = {},
): InputBlock {
  return {
    type: "input",
    block_id: blockId,
    label: plain(truncate(label, 2000)),
    element,
    optional: options.optional ?? true,
    ...(options.hint ? { hint: plain(truncate(options.hint, 2000)) } : {}),
  };
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

  const context: string[] = [
    `${statusEmoji(c.status)} ${statusLabel(c.status, locale)} · ${progressBar(c.progress, 10, locale)}` +
      (c.dueOn ? ` · ${tr(locale, "échéance", "due")} ${formatDateShort(c.dueOn, locale)}` : ""),
  ];
  if (latest)
    context.push(
      tr(
        locale,
        `Dernière mise à jour : ${formatInstant(latest.createdAt, timezone, locale)}, par ${mention(latest.authorId)}.`,
        `Last update: ${formatInstant(latest.createdAt, timezone, locale)}, by ${mention(latest.authorId)}.`,
      ),
    );
  for (const p of c.pending) context.push(`${pendingLabel(p.kind, locale)} (${mention(p.requestedBy)})`);
  if (deciders) context.push(whoDecidesText(deciders, locale));

  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${esc(c.ref)}* — ${esc(truncate(c.title, 2900))}` } },
    { type: "context", elements: context.map((text) => ({ type: "mrkdwn" as const, text: truncate(text, 3000) })) },
  ];
  if (from) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: tr(
          locale,
          `:pencil2: Vous corrigez votre mise à jour du ${formatInstant(from.createdAt, timezone, locale)} (version ${from.version}). L'ancienne version reste visible dans l'historique.`,
          `:pencil2: You are correcting your update of ${formatInstant(from.createdAt, timezone, locale)} (version ${from.version}). The previous version stays visible in the history.`,
        ),
      },
    });
  }

  blocks.push(
    input(
      BLOCKS.status,
      tr(locale, "Statut", "Status"),
      {
        type: "static_select",
        action_id: INPUT_ACTION,
        options: STATUSES.map((s) => statusOption(s, locale)),
        initial_option: statusOption(status, locale),
      },
      {
        optional: false,
        hint: tr(
          locale,
          "« Réalisé » demande une preuve, passe l'avancement à 100 % et attend la validation d'un coordonnateur autre que vous.",
          '"Done" needs a proof, sets progress to 100% and waits for sign-off by a coordinator other than you.',
        ),
      },
    ),
    input(
      BLOCKS.progress,
      tr(locale, "Avancement (%)", "Progress (%)"),
      {
        type: "number_input",
        action_id: INPUT_ACTION,
        is_decimal_allowed: false,
        min_value: "0",
        max_value: "100",
        initial_value: String(progress),
      },
      { optional: false },
    ),
  );

  const indicators = c.indicators.slice(0, MAX_INDICATORS);
  if (indicators.length > 0) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: tr(locale, "*Indicateurs* (valeurs agrégées uniquement)", "*Indicators* (aggregate figures only)"),
      },
    });
    for (const i of indicators) {
      const initial = numberValue(fromValues.has(i.id) ? fromValues.get(i.id) : i.current);
      const hint = indicatorHint(i, locale);
      blocks.push(
        input(
          indicatorBlockId(i.id),
          i.unit ? `${i.label} (${i.unit})` : i.label,
          {
            type: "number_input",
            action_id: INPUT_ACTION,
            is_decimal_allowed: true,
            min_value: String(-INDICATOR_LIMIT),
            max_value: String(INDICATOR_LIMIT),
            ...(initial !== undefined ? { initial_value: initial } : {}),
          },
          hint ? { hint } : {},
        ),
      );
    }
  }

  const textInput = (
    blockId: string,
    label: string,
    initial: string | null | undefined,
    multiline: boolean,
    hint?: string,
    placeholder?: string,
  ) =>
    input(
      blockId,
      label,
      {
        type: "plain_text_input",
        action_id: INPUT_ACTION,
        multiline,
        max_length: 3000,
        ...(initial ? { initial_value: initial } : {}),
        ...(placeholder ? { placeholder: plain(placeholder) } : {}),
      },
      hint ? { hint } : {},
    );

  blocks.push(
    textInput(
      BLOCKS.comment,
      tr(locale, "Ce qui a été fait", "What was done"),
      from?.comment,
      true,
      tr(
        locale,
        "Obligatoire si l'engagement est en point de vigilance ou en retard.",
        "Required when the commitment is at risk or late.",
      ),
    ),
    textInput(BLOCKS.nextStep, tr(locale, "Prochaine étape", "Next step"), from?.nextStep, false),
    input(BLOCKS.nextStepOn, tr(locale, "Date de la prochaine étape", "Date of the next step"), {
      type: "datepicker",
      action_id: INPUT_ACTION,
      ...(from?.nextStepOn ? { initial_date: from.nextStepOn } : {}),
    }),
    textInput(BLOCKS.blockers, tr(locale, "Difficultés, points de blocage", "Blockers"), from?.blockers, true),
    input(
      BLOCKS.evidenceUrl,
      tr(locale, "Lien vers un justificatif", "Link to evidence"),
      {
        type: "url_text_input",
        action_id: INPUT_ACTION,
        ...(from?.evidenceUrl ? { initial_value: from.evidenceUrl } : {}),
      },
      {
        hint: tr(
          locale,
          "Pour « Réalisé » : un lien vers le justificatif, ou la preuve décrite ci-dessous.",
          'For "Done": a link to the evidence, or the proof described below.',
        ),
      },
    ),
    textInput(
      BLOCKS.evidence,
      tr(locale, "Preuve de réalisation", "Proof of completion"),
      from?.evidence,
      true,
      tr(
        locale,
        "Pour « Réalisé » : le rapport, la convention signée, l'indicateur atteint… (si vous n'avez pas de lien).",
        'For "Done": the report, the signed agreement, the indicator at target… (if you have no link).',
      ),
    ),
    input(
      BLOCKS.proposedDueOn,
      tr(locale, "Proposer une nouvelle échéance", "Propose a new due date"),
      { type: "datepicker", action_id: INPUT_ACTION },
      {
        hint: tr(
          locale,
          "Facultatif. Validée par un coordonnateur ; l'échéance actuelle reste dans l'historique.",
          "Optional. Signed off by a coordinator; the current due date stays in the history.",
        ),
      },
    ),
    textInput(BLOCKS.dueReason, tr(locale, "Motif de la nouvelle échéance", "Reason for the new due date"), null, true),
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: tr(
            locale,
            ":lock: Aucune donnée personnelle (nom, âge, adresse, téléphone, n° de procédure…) : les situations individuelles se traitent dans les instances confidentielles du GLTD et du CLSPD.",
            ":lock: No personal data (names, ages, addresses, phone numbers, case numbers…): individual situations are dealt with in the GLTD's and CLSPD's confidential meetings.",
          ),
        },
      ],
    },
  );

  return {
    type: "modal",
    callback_id: CALLBACKS.progressUpdate,
    private_metadata: encodeProgressMetadata({ commitmentId: c.id, supersedesId: from?.id ?? null, locale }),
    title: title(locale),
    submit: plain(tr(locale, "Enregistrer", "Save")),
    close: plain(tr(locale, "Annuler", "Cancel")),
    blocks,
  };
}
