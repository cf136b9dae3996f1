// « Nouveau contrat » (`/csi contrat nouveau`): title, ref, parties (any codes and labels), dates, time zone,
// the contract's channel and its digest's channel.
import type { InputBlock, KnownBlock, ModalView } from "@slack/types";
import { DEFAULT_TIMEZONE } from "../../domain/contract-input.js";
import type { Contract, Locale } from "../../domain/types.js";
import { BLOCKS, CALLBACKS } from "../ids.js";
import { tr } from "./locale.js";
import { channelSelect, confidentialityNotice, datePicker, formModal, textInput } from "./modal-parts.js";

/** The contract's channel and its digest channel, both optional: in the new-contract and the settings forms. */
export function contractChannelInputs(
  locale: Locale,
  current: { channelId?: string | null; digestChannelId?: string | null } = {},
): InputBlock[] {
  return [
    channelSelect(BLOCKS.channel, tr(locale, "Canal du contrat", "Contract channel"), {
      optional: true,
      initial: current.channelId,
      hint: tr(
        locale,
        "`/csi` tapé dans ce canal porte sur ce contrat.",
        "`/csi` typed in this channel is about this contract.",
      ),
    }),
    channelSelect(BLOCKS.digestChannel, tr(locale, "Canal du point hebdomadaire", "Weekly digest channel"), {
      optional: true,
      initial: current.digestChannelId,
    }),
  ];
}

/** What a form about an existing contract (its settings, its renewal) is built from. */
export interface ContractFormOf {
  contract: Contract;
  locale: Locale;
  privateMetadata: string;
}

export function contractModal(m: { locale: Locale; privateMetadata: string }): ModalView {
  const { locale } = m;
  const blocks: KnownBlock[] = [
    confidentialityNotice(locale),
    textInput(BLOCKS.title, tr(locale, "Intitulé", "Title"), {
      maxLength: 200,
      placeholder: tr(
        locale,
        "ex. Contrat de Sécurité Intégrée d'Aix-les-Bains",
        "e.g. Integrated Security Contract of Aix-les-Bains",
      ),
    }),
    textInput(BLOCKS.contractRef, tr(locale, "Référence", "Ref"), {
      maxLength: 40,
      placeholder: "CSI-AIX",
      hint: tr(
        locale,
        "Courte et unique : elle sert à `/csi contrat REF`.",
        "Short and unique: `/csi contract REF` uses it.",
      ),
    }),
    textInput(BLOCKS.parties, tr(locale, "Parties signataires", "Signatory parties"), {
      multiline: true,
      maxLength: 1500,
      initial: tr(
        locale,
        "ETAT ; État ; Préfet\nVILLE ; Ville ; Maire\nPARQUET ; Parquet ; Procureur de la République",
        "ETAT ; State ; Prefect\nVILLE ; City ; Mayor\nPARQUET ; Prosecution ; Public prosecutor",
      ),
      hint: tr(
        locale,
        "Une par ligne : CODE ; Libellé ; Signataire (la fonction, pas le nom). Tous les codes sont possibles (AGGLO, DEPT…).",
        "One a line: CODE ; Label ; Signatory (the office, not the name). Any code will do (AGGLO, DEPT…).",
      ),
    }),
    datePicker(BLOCKS.signedOn, tr(locale, "Signé le", "Signed on")),
    datePicker(BLOCKS.endsOn, tr(locale, "Fin du contrat", "Contract ends on")),
    textInput(BLOCKS.timezone, tr(locale, "Fuseau horaire", "Time zone"), {
      maxLength: 60,
      initial: DEFAULT_TIMEZONE,
      hint: tr(
        locale,
        "Celui des rappels et des dates : Europe/Paris, ou celui d'un territoire d'outre-mer (America/Cayenne, Indian/Reunion…).",
        "The one of reminders and dates: Europe/Paris, or an overseas territory's (America/Cayenne, Indian/Reunion…).",
      ),
    }),
    ...contractChannelInputs(locale),
  ];
  return formModal(
    {
      callbackId: CALLBACKS.createContract,
      title: tr(locale, "Nouveau contrat", "New contract"),
      submit: tr(locale, "Créer", "Create"),
      privateMetadata: m.privateMetadata,
      blocks,
    },
    locale,
  );
}
