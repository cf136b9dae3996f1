// What Vigie says of a submitted form it cannot read (payload-hygiene.ts): expired, or a field of the wrong type.
// Pure.
import type { ModalView } from "@slack/types";
import type { Locale } from "../../domain/types.js";
import { tr } from "./locale.js";

export const staleFormText = (locale: Locale): string =>
  tr(
    locale,
    ":hourglass: Le formulaire a expiré, rouvrez-le. Rien n'a été enregistré.",
    ":hourglass: The form has expired, open it again. Nothing was saved.",
  );

/** A field whose value is not shaped as Slack sends it: said beside the field. */
export const unreadableFieldText = (locale: Locale): string =>
  tr(
    locale,
    "Valeur illisible : saisissez-la de nouveau dans ce champ.",
    "Unreadable value: please enter it again in this field.",
  );

/** What replaces an expired form. */
export function staleFormView(locale: Locale): ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: "Vigie", emoji: true },
    close: { type: "plain_text", text: tr(locale, "Fermer", "Close"), emoji: true },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: staleFormText(locale) } }],
  };
}
