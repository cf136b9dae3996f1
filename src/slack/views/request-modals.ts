// The forms of a request: the reason of a refusal (« Refuser »), and a new due date proposed by an owner. Pure.
import type { KnownBlock, ModalView } from "@slack/types";
import { formatDateLong } from "../../domain/format.js";
import type { Locale } from "../../domain/types.js";
import type { RequestWithRef } from "../../store/requests-repo.js";
import { BLOCKS, CALLBACKS } from "../ids.js";
import { esc, mention, plain, section } from "./blocks.js";
import { tr } from "./locale.js";
import { confidentialityNotice, datePicker, formModal, textInput } from "./modal-parts.js";
import { requestDetails } from "./request-messages.js";

/**
 * A request's form: what it is about, its inputs, then the confidentiality notice. Its metadata, with the form's
 * language as `l`, is read back by the submission's own schema.
 */
const requestForm = (
  f: {
    callbackId: string;
    title: string;
    submit: string;
    metadata: Record<string, string>;
    about: string;
    inputs: KnownBlock[];
  },
  locale: Locale,
): ModalView =>
  formModal(
    {
      callbackId: f.callbackId,
      title: f.title,
      submit: f.submit,
      privateMetadata: JSON.stringify({ ...f.metadata, l: locale }),
      blocks: [section(f.about), ...f.inputs, confidentialityNotice(locale)],
    },
    locale,
  );

/** « Refuser »: the reason is asked (required), then sent to the owner. */
export function refusalReasonModal(r: RequestWithRef, locale: Locale): ModalView {
  const q = r.request;
  const what =
    q.kind === "DONE"
      ? tr(
          locale,
          `Demande de clôture de *${esc(r.ref)}* par ${mention(q.requestedBy)}`,
          `Request to close *${esc(r.ref)}* by ${mention(q.requestedBy)}`,
        )
      : tr(
          locale,
          `Nouvelle échéance proposée pour *${esc(r.ref)}* par ${mention(q.requestedBy)}`,
          `New due date proposed for *${esc(r.ref)}* by ${mention(q.requestedBy)}`,
        );
  const details = requestDetails(q, locale);
  return requestForm(
    {
      callbackId: CALLBACKS.refuseRequest,
      title: tr(locale, "Refuser la demande", "Refuse the request"),
      submit: tr(locale, "Refuser", "Refuse"),
      metadata: { r: q.id },
      about: `${what}\n${plain(r.title, 300)}${details ? `\n${details}` : ""}`,
      inputs: [
        textInput(BLOCKS.refusalReason, tr(locale, "Motif du refus (envoyé au pilote)", "Reason (sent to the owner)"), {
          multiline: true,
          placeholder: tr(
            locale,
            "Ex. : le bilan signé manque ; joindre la convention.",
            "E.g. the signed report is missing.",
          ),
        }),
      ],
    },
    locale,
  );
}

/** « Proposer une nouvelle date »: the date and its reason (both required); a coordinator decides. */
export function proposeDueDateModal(
  c: { id: string; ref: string; title: string; dueOn: string | null },
  locale: Locale,
): ModalView {
  const current = c.dueOn ? formatDateLong(c.dueOn, locale) : tr(locale, "aucune", "none");
  return requestForm(
    {
      callbackId: CALLBACKS.proposeDueDate,
      title: tr(locale, "Nouvelle échéance", "New due date"),
      submit: tr(locale, "Proposer", "Propose"),
      metadata: { c: c.id },
      about: `*${esc(c.ref)}* — ${plain(c.title, 300)}\n${tr(locale, "Échéance actuelle", "Current due date")} : ${current}`,
      inputs: [
        datePicker(BLOCKS.proposedDueOn, tr(locale, "Nouvelle échéance proposée", "Proposed new due date")),
        textInput(BLOCKS.dueReason, tr(locale, "Motif", "Reason"), {
          multiline: true,
          hint: tr(
            locale,
            "Transmis à la coordination, qui valide ou refuse. L'échéance actuelle reste dans l'historique.",
            "Sent to the coordinators, who confirm or refuse. The current due date stays in the history.",
          ),
        }),
      ],
    },
    locale,
  );
}
