// The coordinators' modal to create or edit a commitment.

import type { KnownBlock, ModalView } from "@slack/types";
import { MAX_INDICATOR_LABEL, MAX_UNIT } from "../../domain/bounds.js";
import {
  type CommitmentFormValues,
  MAX_DESCRIPTION,
  MAX_LEAD_SERVICE,
  MAX_TITLE,
} from "../../domain/commitment-input.js";
import type { Locale, Party } from "../../domain/types.js";
import { BLOCKS, CALLBACKS } from "../ids.js";
import { section } from "./blocks.js";
import { tr } from "./locale.js";
import {
  confidentialityNotice,
  datePicker,
  esc,
  formModal,
  option,
  staticSelect,
  textInput,
  usersSelect,
} from "./modal-parts.js";

interface CommitmentModalInput {
  mode: "create" | "edit";
  locale: Locale;
  parties: readonly Party[];
  /** Next free ref per party code, shown as a hint (the ref left empty takes it). */
  nextRefs: Record<string, string>;
  values?: Partial<CommitmentFormValues>;
  /** Opaque string the submission listener reads back (locale, contract, commitment id…). */
  privateMetadata: string;
}

export function commitmentModal(m: CommitmentModalInput): ModalView {
  const { locale } = m;
  const v = m.values ?? {};
  const nextList = m.parties
    .map((p) => m.nextRefs[p.code])
    .filter(Boolean)
    .join(", ");
  const blocks: KnownBlock[] = [
    confidentialityNotice(locale),
    staticSelect(
      BLOCKS.party,
      tr(locale, "Partie signataire", "Signatory party"),
      m.parties.map((p) => option(`${p.label} (${p.code})`, p.code)),
      { initial: v.party ?? null, placeholder: tr(locale, "Choisir", "Choose") },
    ),
    textInput(BLOCKS.ref, tr(locale, "Référence", "Ref"), {
      initial: v.ref ?? null,
      optional: true,
      maxLength: 20,
      placeholder:
        tr(locale, "ex. ", "e.g. ") + (m.parties[0] ? (m.nextRefs[m.parties[0].code] ?? "ETAT-01") : "ETAT-01"),
      hint: tr(
        locale,
        `Laissez vide pour le prochain numéro libre de la partie (${nextList}). Modifiable ; chaque référence est unique.`,
        `Leave empty for the party's next free number (${nextList}). Editable; each ref is unique.`,
      ),
    }),
    textInput(BLOCKS.title, tr(locale, "Intitulé", "Title"), { initial: v.title ?? null, maxLength: MAX_TITLE }),
    textInput(BLOCKS.description, tr(locale, "Description", "Description"), {
      initial: v.description ?? null,
      multiline: true,
      optional: true,
      maxLength: MAX_DESCRIPTION,
    }),
    textInput(BLOCKS.leadService, tr(locale, "Service pilote", "Lead service"), {
      initial: v.leadService ?? null,
      optional: true,
      maxLength: MAX_LEAD_SERVICE,
      placeholder: tr(locale, "ex. Police municipale", "e.g. Municipal police"),
    }),
    usersSelect(BLOCKS.owners, tr(locale, "Pilotes (référents)", "Owners"), {
      initial: v.owners ?? [],
      optional: true,
      hint: tr(
        locale,
        "Ils reçoivent les rappels et déclarent l'avancement.",
        "They get the reminders and report progress.",
      ),
    }),
    datePicker(BLOCKS.dueOn, tr(locale, "Échéance", "Due date"), { initial: v.dueOn ?? null, optional: true }),
    textInput(BLOCKS.indicators, tr(locale, "Indicateurs", "Indicators"), {
      initial: v.indicators ?? null,
      multiline: true,
      optional: true,
      placeholder: tr(locale, "Postes créés ; postes ; 0 ; 10", "Posts created ; posts ; 0 ; 10"),
      hint: tr(
        locale,
        `Un indicateur par ligne : libellé ; unité ; valeur de départ ; cible (seul le libellé est obligatoire). Libellé : ${MAX_INDICATOR_LABEL} caractères au plus, unité : ${MAX_UNIT}, valeurs entre ± 1 000 milliards. Des agrégats uniquement. Un indicateur qui a déjà des valeurs est conservé même si vous retirez sa ligne.`,
        `One indicator per line: label ; unit ; baseline ; target (only the label is required). Label: at most ${MAX_INDICATOR_LABEL} characters, unit: ${MAX_UNIT}, values within ± 1,000 billion. Aggregates only. An indicator that already has values is kept even if you remove its line.`,
      ),
    }),
  ];
  const ref = v.ref ? ` ${esc(v.ref)}` : "";
  return formModal(
    {
      callbackId: m.mode === "create" ? CALLBACKS.createCommitment : CALLBACKS.editCommitment,
      title:
        m.mode === "create"
          ? tr(locale, "Nouvel engagement", "New commitment")
          : tr(locale, "Modifier l'engagement", "Edit commitment"),
      submit: tr(locale, "Enregistrer", "Save"),
      privateMetadata: m.privateMetadata,
      blocks:
        m.mode === "edit"
          ? [section(tr(locale, `Modification de *${ref.trim()}*`, `Editing *${ref.trim()}*`)), ...blocks]
          : blocks,
    },
    locale,
  );
}
