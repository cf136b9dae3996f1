// The words around each `/csi` list of commitments (its title, what it holds, what it says when empty), and the
// answers to a list command typed without what it needs. The handlers choose the list; this says it. Pure.
import { formatDateLong, statusLabel } from "../../domain/format.js";
import type { IsoDate, Locale, Status } from "../../domain/types.js";
import { colon, plain, section } from "./blocks.js";
import { tr } from "./locale.js";
import type { Reply } from "./reply.js";

export type ListHeading =
  /** `/csi liste [partie] [statut]`: the party's label as shown, the status asked for. */
  | { list: "all"; partyLabel: string | null; status: Status | null }
  | { list: "ownerless" }
  | { list: "toComplete" }
  | { list: "mine" }
  | { list: "overdue" }
  | { list: "due"; days: number; until: IsoDate }
  | { list: "search"; query: string };

type Words = { title: string; description: string; empty: string };

export function listHeading(h: ListHeading, locale: Locale): Words {
  const say = (title: [string, string], description: [string, string], empty: [string, string]): Words => ({
    title: tr(locale, ...title),
    description: tr(locale, ...description),
    empty: tr(locale, ...empty),
  });
  switch (h.list) {
    case "all": {
      const filters = [
        h.partyLabel ? `${tr(locale, "Partie", "Party")}${colon(locale)}${plain(h.partyLabel, 100)}` : null,
        h.status
          ? `${tr(locale, "Statut", "Status")}${colon(locale)}${statusLabel(h.status, locale)}${h.status === "LATE" ? tr(locale, " (et échéances dépassées)", " (and overdue)") : ""}`
          : null,
      ].filter((x): x is string => x !== null);
      return {
        title: tr(locale, "Engagements du contrat", "Commitments of the contract"),
        description: filters.join(" · ") || tr(locale, "Tous les engagements", "All commitments"),
        empty: tr(locale, "Aucun engagement ne correspond à ces critères.", "No commitment matches these criteria."),
      };
    }
    case "ownerless":
      return say(
        ["Engagements sans pilote", "Commitments without an owner"],
        ["Personne n'est relancé à leur sujet", "Nobody is reminded about them"],
        ["Tous les engagements en cours ont un pilote.", "Every open commitment has an owner."],
      );
    case "toComplete":
      return say(
        ["Engagements à compléter", "Commitments to complete"],
        ["Décidés en réunion, sans pilote ou sans échéance", "Decided in a meeting, without an owner or a due date"],
        ["Rien à compléter.", "Nothing to complete."],
      );
    case "mine":
      return say(
        ["Vos engagements", "Your commitments"],
        ["Ceux dont vous êtes référent, les plus urgents d'abord", "Those you own, most urgent first"],
        [
          "Vous n'êtes référent d'aucun engagement pour le moment. Les coordonnateurs désignent les référents ; `/csi liste` affiche tous les engagements du contrat.",
          "You do not own any commitment yet. Coordinators name the owners; `/csi list` shows every commitment of the contract.",
        ],
      );
    case "overdue":
      return say(
        ["Échéances dépassées", "Overdue commitments"],
        [
          "Ni réalisés ni abandonnés, les plus anciens retards d'abord",
          "Neither done nor dropped, longest overdue first",
        ],
        [
          ":white_check_mark: Aucun engagement n'a dépassé son échéance.",
          ":white_check_mark: No commitment is past its due date.",
        ],
      );
    case "due":
      return say(
        [`Échéances des ${h.days} prochains jours`, `Due within ${h.days} days`],
        [
          `Jusqu'au ${formatDateLong(h.until, locale)}, les plus proches d'abord`,
          `Until ${formatDateLong(h.until, locale)}, soonest first`,
        ],
        [
          "Aucune échéance sur cette période. `/csi retards` montre celles déjà dépassées.",
          "Nothing falls due in this period. `/csi overdue` shows what is already past due.",
        ],
      );
    case "search": {
      const query = plain(h.query, 200);
      return say(
        ["Résultats de la recherche", "Search results"],
        [`« ${query} »`, `"${query}"`],
        [
          `Aucun engagement ne contient « ${query} ». Essayez un mot plus court ou \`/csi liste\`.`,
          `No commitment contains "${query}". Try a shorter word or \`/csi list\`.`,
        ],
      );
    }
  }
}

/** The button a coordinator gets on each row of `/csi liste sans-pilote` or `a-completer`. */
export const listEditWord = (list: "ownerless" | "toComplete", locale: Locale): string =>
  list === "ownerless" ? tr(locale, "Attribuer", "Assign") : tr(locale, "Compléter", "Complete");

/** An answer that says what was missing, then how to write the command (`example`). */
const usageReply = (locale: Locale, head: [fr: string, en: string], body: [fr: string, en: string]): Reply => ({
  text: tr(locale, ...head),
  blocks: [section(tr(locale, ...body))],
});

/** `/csi echeances` followed by something that is not a number of days. */
export function dueDaysNotUnderstoodReply(typed: string, locale: Locale): Reply {
  const example = tr(locale, "/csi echeances 60", "/csi due 60");
  return usageReply(
    locale,
    ["Nombre de jours non compris", "Number of days not understood"],
    [
      `:grey_question: « ${plain(typed, 200)} » n'est pas un nombre de jours. Indiquez un nombre entier de 1 à 3650, par exemple \`${example}\` (30 jours si vous n'indiquez rien).`,
      `:grey_question: "${plain(typed, 200)}" is not a number of days. Give a whole number from 1 to 3650, e.g. \`${example}\` (30 days when omitted).`,
    ],
  );
}

/** `/csi cherche` with nothing to look for. */
export function searchWordsMissingReply(locale: Locale): Reply {
  const example = tr(locale, "/csi cherche vidéo", "/csi search video");
  return usageReply(
    locale,
    ["Que cherchez-vous ?", "What are you looking for?"],
    [
      `:mag: Indiquez un ou plusieurs mots à chercher, par exemple \`${example}\`.`,
      `:mag: Give one or more words to look for, e.g. \`${example}\`.`,
    ],
  );
}
