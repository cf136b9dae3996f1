// After a meeting: the coordinators' modal to record its decisions, one per line.
import type { KnownBlock, ModalView } from "@slack/types";
import { formatInstant, meetingKindLabel } from "../../domain/format.js";
import { truncate } from "../../domain/text.js";
import type { Locale, Meeting } from "../../domain/types.js";
import { BLOCKS, CALLBACKS } from "../ids.js";
import { tr } from "./locale.js";
import { esc, formModal, textInput } from "./modal-parts.js";

interface DecisionsModalInput {
  locale: Locale;
  timezone: string;
  meeting: Meeting;
  privateMetadata: string;
}

const MAX_SHOWN = 20;

export function decisionsModal(m: DecisionsModalInput): ModalView {
  const { locale, meeting } = m;
  const when = formatInstant(meeting.startsAt, m.timezone, locale);
  const title = meeting.title ? ` — ${esc(truncate(meeting.title, 150))}` : "";
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${meetingKindLabel(meeting.kind, locale)}*${title}\n${when}` } },
  ];
  if (meeting.decisions.length > 0) {
    const lines = meeting.decisions.slice(-MAX_SHOWN).map((d) => `• ${esc(truncate(d.text, 140))}`);
    const older = meeting.decisions.length - MAX_SHOWN;
    const head = tr(locale, "*Décisions déjà enregistrées*", "*Decisions already recorded*");
    const more = older > 0 ? `\n${tr(locale, `… et ${older} plus anciennes`, `… and ${older} older ones`)}` : "";
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: truncate(`${head}\n${lines.join("\n")}${more}`, 3000) },
    });
  }
  blocks.push(
    textInput(BLOCKS.decisions, tr(locale, "Nouvelles décisions (une par ligne)", "New decisions (one per line)"), {
      multiline: true,
      maxLength: 3000,
      placeholder: tr(
        locale,
        "Renforcer les patrouilles → jalon ETAT-08 : patrouilles de soirée",
        "Reinforce patrols → milestone ETAT-08: evening patrols",
      ),
      hint: tr(
        locale,
        "Une ligne = une décision. Terminez une ligne par « → jalon ETAT-08 : texte » pour ajouter un jalon à cet engagement, ou par « → nouvel engagement VILLE : intitulé » pour créer un engagement (référence attribuée automatiquement). « -> » convient aussi. Aucune donnée personnelle.",
        "One line = one decision. End a line with “-> milestone ETAT-08: text” to add a milestone to that commitment, or “-> new commitment VILLE: title” to create a commitment (ref given automatically). No personal data.",
      ),
    }),
  );
  return formModal(
    {
      callbackId: CALLBACKS.meetingDecisions,
      title: tr(locale, "Relevé de décisions", "Meeting decisions"),
      submit: tr(locale, "Enregistrer", "Save"),
      privateMetadata: m.privateMetadata,
      blocks,
    },
    locale,
  );
}
