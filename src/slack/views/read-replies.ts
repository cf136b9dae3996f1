// Replies shared by the read sub-commands when there is nothing to read yet or a filter is not understood. Pure.
import { statusLabel } from "../../domain/format.js";
import { type Locale, STATUSES } from "../../domain/types.js";
import { COMMAND } from "../ids.js";
import { plain, section } from "./blocks.js";
import { tr } from "./locale.js";
import { type Reply, textReply } from "./reply.js";

/** No contract in Vigie yet: who can load one. */
export function noContractReply(locale: Locale): Reply {
  return {
    text: tr(locale, "Aucun contrat chargé", "No contract loaded"),
    blocks: [
      section(
        tr(
          locale,
          ":inbox_tray: Aucun contrat n'est encore chargé dans Vigie. Un coordonnateur doit d'abord importer le contrat.",
          ":inbox_tray: No contract has been loaded into Vigie yet. A coordinator must import it first.",
        ),
      ),
    ],
  };
}

/** Filter words that are neither a party nor a status: echoed back with what is possible and an example. */
export function filterNotUnderstoodReply(input: {
  partyLabels: readonly string[];
  unknown: readonly string[];
  example: { fr: string; en: string };
  locale: Locale;
}): Reply {
  const { locale } = input;
  const parties = plain(input.partyLabels.join(", "), 500);
  const statuses = STATUSES.map((s) => statusLabel(s, locale).toLowerCase()).join(", ");
  const typed = plain(input.unknown.join(" "), 200);
  const shown = tr(locale, input.example.fr, input.example.en);
  return {
    text: tr(locale, "Filtre non compris", "Filter not understood"),
    blocks: [
      section(
        tr(
          locale,
          `:grey_question: Je n'ai pas compris « ${typed} ». Vous pouvez filtrer par partie (${parties}) et par statut (${statuses}), dans n'importe quel ordre. Exemple : \`${shown}\``,
          `:grey_question: I did not understand "${typed}". You can filter by party (${parties}) and by status (${statuses}), in any order. Example: \`${shown}\``,
        ),
      ),
    ],
  };
}

/**
 * `/csi rapport` with words that name no single party of the contract (an unknown code, a status, two
 * parties): the contract's parties by code and label, what was typed, an example with the first code.
 */
export function reportPartyNotUnderstoodReply(input: {
  parties: readonly { code: string; label: string }[];
  typed: string;
  locale: Locale;
}): Reply {
  const { locale } = input;
  const list = plain(input.parties.map((p) => `${p.code} (${p.label})`).join(", "), 600);
  const typed = plain(input.typed, 200);
  const example = `/csi ${tr(locale, "rapport", "report")} ${plain(input.parties[0]?.code ?? "ETAT", 40)}`;
  return {
    text: tr(locale, "Partie non reconnue", "Party not recognised"),
    blocks: [
      section(
        tr(
          locale,
          `:grey_question: Je n'ai pas reconnu de partie du contrat dans « ${typed} ». Le rapport porte sur tout le contrat (\`/csi rapport\`) ou sur une seule partie, nommée par son code ou son nom : ${list}. Exemple : \`${example}\``,
          `:grey_question: I did not recognise a party of the contract in "${typed}". The report covers the whole contract (\`/csi report\`) or a single party, named by its code or its name: ${list}. Example: \`${example}\``,
        ),
      ),
    ],
  };
}

const updateUsage = (locale: Locale): string =>
  tr(
    locale,
    `\`${COMMAND} maj REF\`, par ex. \`${COMMAND} maj ETAT-08\``,
    `\`${COMMAND} update REF\`, e.g. \`${COMMAND} update ETAT-08\``,
  );

/** `/csi maj` without a ref: how to write it, and the refs of the caller's own commitments. */
export function updateWhichReply(mine: readonly string[], locale: Locale): Reply {
  const refs = mine.map((ref) => `\`${ref}\``);
  const list = refs.length
    ? tr(locale, ` Vos engagements : ${refs.join(", ")}.`, ` Your commitments: ${refs.join(", ")}.`)
    : "";
  return textReply(
    tr(
      locale,
      `Indiquez l'engagement à mettre à jour : ${updateUsage(locale)}.${list}`,
      `Say which commitment to update: ${updateUsage(locale)}.${list}`,
    ),
  );
}

/** `/csi maj REF` with a ref that names no commitment: the closest refs, if any. */
export function updateRefNotFoundReply(typed: string, suggestions: readonly string[], locale: Locale): Reply {
  const shown = typed.slice(0, 40).replace(/[`*_~<>&]/g, "");
  const hint = suggestions.length
    ? tr(
        locale,
        ` Vouliez-vous dire ${suggestions.map((r) => `\`${r}\``).join(", ")} ?`,
        ` Did you mean ${suggestions.map((r) => `\`${r}\``).join(", ")}?`,
      )
    : "";
  return textReply(
    tr(
      locale,
      `:grey_question: Je ne trouve pas l'engagement « ${shown} ».${hint}`,
      `:grey_question: I cannot find the commitment "${shown}".${hint}`,
    ),
  );
}

/** Said when a button's value is not one Vigie wrote (forged, or from an older version). */
export const staleButtonReply = (locale: Locale = "fr"): Reply => ({
  text: tr(locale, "Ce bouton n'est plus valide", "This button is no longer valid"),
  blocks: [
    section(
      tr(
        locale,
        ":hourglass: Ce bouton n'est plus valide. Relancez la commande `/csi` pour obtenir une réponse à jour.",
        ":hourglass: This button is no longer valid. Run the `/csi` command again for an up-to-date answer.",
      ),
    ),
  ],
});

/** Above the help, when the first word is no sub-command. */
export const unknownCommandNotice = (word: string, locale: Locale): string =>
  tr(
    locale,
    `:grey_question: Je ne connais pas la commande « ${word} ». Voici ce que je sais faire :`,
    `:grey_question: I don't know the command "${word}". Here is what I can do:`,
  );
