import type { Refusal } from "../../domain/permissions.js";
import type { Locale } from "../../domain/types.js";
import { section } from "./blocks.js";
import { mentions } from "./commitment-text.js";
import { tr } from "./locale.js";
import type { Reply } from "./reply.js";

const whoCanGrant = (coordinators: readonly string[], locale: Locale): string =>
  coordinators.length
    ? tr(
        locale,
        `Les coordonnateurs du contrat peuvent vous l'accorder : ${mentions(coordinators, locale, 10)}.`,
        `The contract's coordinators can grant it: ${mentions(coordinators, locale, 10)}.`,
      )
    : tr(
        locale,
        "Aucun coordonnateur n'est encore désigné : adressez-vous au service qui administre Vigie.",
        "No coordinator has been named yet: please ask the team that runs Vigie.",
      );

/** When reading is limited to committee members (CSI_READ_ACCESS=members) and the caller is not one. */
export function readRefusalReply(locale: Locale, coordinators: readonly string[]): Reply {
  return {
    text: tr(locale, "Accès réservé aux membres du comité de pilotage", "Access limited to steering-committee members"),
    blocks: [
      section(
        tr(
          locale,
          `:lock: Le suivi du Contrat de Sécurité Intégrée est réservé aux membres du comité de pilotage et aux coordonnateurs. ${whoCanGrant(coordinators, locale)}`,
          `:lock: The Integrated Security Contract follow-up is limited to steering-committee members and coordinators. ${whoCanGrant(coordinators, locale)}`,
        ),
      ),
    ],
  };
}

/** A coordinators-only sub-command asked by someone else: polite, and says who can do it. */
export function coordinatorOnlyReply(locale: Locale, coordinators: readonly string[]): Reply {
  return {
    text: tr(locale, "Commande réservée aux coordonnateurs", "Coordinators only"),
    blocks: [
      section(
        tr(
          locale,
          `:lock: Cette commande modifie le suivi du contrat : elle est réservée aux coordonnateurs. ${askThem(coordinators, locale)}`,
          `:lock: This command changes the contract's follow-up, so it is for coordinators only. ${askThem(coordinators, locale)}`,
        ),
      ),
    ],
  };
}

/** A read kept for coordinators (the digest preview, the export) asked by someone else: it changes nothing. */
export function coordinatorReadReply(locale: Locale, coordinators: readonly string[]): Reply {
  return {
    text: tr(locale, "Consultation réservée aux coordonnateurs", "Coordinators only"),
    blocks: [
      section(
        tr(
          locale,
          `:lock: Cette consultation est réservée aux coordonnateurs du contrat. Pour suivre l'avancement : \`/csi etat\`, \`/csi retards\`, \`/csi echeances\`. ${askThem(coordinators, locale)}`,
          `:lock: This is for the contract's coordinators only. To follow progress: \`/csi status\`, \`/csi overdue\`, \`/csi due\`. ${askThem(coordinators, locale)}`,
        ),
      ),
    ],
  };
}

function askThem(coordinators: readonly string[], locale: Locale): string {
  return coordinators.length
    ? tr(
        locale,
        `Vous pouvez vous adresser à ${mentions(coordinators, locale, 10)}.`,
        `You may ask ${mentions(coordinators, locale, 10)}.`,
      )
    : tr(
        locale,
        "Aucun coordonnateur n'est encore désigné : adressez-vous au service qui administre Vigie.",
        "No coordinator has been named yet: please ask the team that runs Vigie.",
      );
}

/** The answer to a refused request, by why it was refused. */
export function refusalReply(refusal: Refusal, locale: Locale, coordinators: readonly string[]): Reply {
  switch (refusal) {
    case "read-access":
      return readRefusalReply(locale, coordinators);
    case "coordinators-read":
      return coordinatorReadReply(locale, coordinators);
    case "changes-contract":
      return coordinatorOnlyReply(locale, coordinators);
  }
}

/** A digest's « Détails » clicked by someone who may not read it (or with a section Vigie did not write). */
export const detailUnavailableText = (locale: Locale): string =>
  tr(locale, ":no_entry: Ce détail n'est pas disponible pour vous.", ":no_entry: This detail is not available to you.");

/** Any listener that failed (listeners/errors.ts): nothing half-stored, try again. */
export const internalErrorText =
  ":warning: Vigie n'a pas pu traiter votre demande à cause d'une erreur interne. Rien de ce que vous avez saisi n'a été enregistré à moitié ; réessayez dans un instant. L'équipe technique a été prévenue.";
