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
