// Replies shared by the read sub-commands when there is nothing to read yet or a filter is not understood. Pure.
import { statusLabel } from "../../domain/format.js";
import { type Locale, STATUSES } from "../../domain/types.js";
import { plain, section } from "./blocks.js";
import { tr } from "./locale.js";
import type { Reply } from "./reply.js";

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
