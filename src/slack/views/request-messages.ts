// What Vigie says about requests (« Réalisé », a new due date): to the coordinators who decide, to the
// requester, and when a decision cannot be taken. The forms are in request-modals.ts.
import type { KnownBlock } from "@slack/types";
import { formatDateLong, formatInstant, statusLabel } from "../../domain/format.js";
import type { DecisionRefusal, PendingRequest } from "../../domain/requests.js";
import type { Locale } from "../../domain/types.js";
import type { RequestWithRef } from "../../store/requests-repo.js";
import { ACTIONS } from "../ids.js";
import { actions, button, context, esc, link, mention, plain, section } from "./blocks.js";
import { mentions } from "./commitment-text.js";
import { tr } from "./locale.js";
import { type Reply, textReply } from "./reply.js";

/** The proof or the reason of a request, as a coordinator reads it before deciding. */
export function requestDetails(
  r: Pick<PendingRequest, "kind" | "evidenceUrl" | "evidence" | "reason" | "proposedDueOn" | "dueOnBefore">,
  locale: Locale,
): string {
  const lines: string[] = [];
  if (r.kind === "DUE_DATE") {
    const before = r.dueOnBefore ? formatDateLong(r.dueOnBefore, locale) : tr(locale, "aucune", "none");
    const after = r.proposedDueOn ? formatDateLong(r.proposedDueOn, locale) : "?";
    lines.push(
      tr(
        locale,
        `Échéance actuelle : ${before} → proposée : *${after}*`,
        `Current due date: ${before} → proposed: *${after}*`,
      ),
    );
    if (r.reason) lines.push(`${tr(locale, "Motif", "Reason")} : ${plain(r.reason, 1200)}`);
  } else {
    if (r.evidence) lines.push(`${tr(locale, "Preuve", "Proof")} : ${plain(r.evidence, 1200)}`);
    if (r.evidenceUrl) lines.push(`${tr(locale, "Justificatif", "Evidence")} : ${link(r.evidenceUrl)}`);
  }
  return lines.join("\n");
}

/** « ⏳ Réalisé — en attente de validation » and the like: how a waiting request reads in one line. */
export function pendingLabel(kind: PendingRequest["kind"], locale: Locale): string {
  return kind === "DONE"
    ? tr(locale, ":hourglass: Réalisé — en attente de validation", ":hourglass: Done — awaiting sign-off")
    : tr(
        locale,
        ":hourglass: Nouvelle échéance proposée — en attente de validation",
        ":hourglass: New due date proposed — awaiting sign-off",
      );
}

/** Confirmer / Refuser for one request (value = request id). */
export const decisionButtons = (requestId: string, locale: Locale) =>
  actions([
    button(ACTIONS.confirmDone, tr(locale, "Confirmer", "Confirm"), requestId, "primary"),
    button(ACTIONS.rejectDone, tr(locale, "Refuser", "Refuse"), requestId, "danger"),
  ]);

/** To each coordinator but the requester: a request to decide, with its proof and the buttons. */
export function requestToDecideMessage(r: RequestWithRef, locale: Locale, detail: readonly KnownBlock[] = []): Reply {
  const q = r.request;
  const head =
    q.kind === "DONE"
      ? tr(
          locale,
          `:checkered_flag: ${mention(q.requestedBy)} déclare *${esc(r.ref)}* réalisé et demande votre validation.`,
          `:checkered_flag: ${mention(q.requestedBy)} reports *${esc(r.ref)}* as done and asks for your sign-off.`,
        )
      : tr(
          locale,
          `:calendar: ${mention(q.requestedBy)} propose une nouvelle échéance pour *${esc(r.ref)}* et demande votre validation.`,
          `:calendar: ${mention(q.requestedBy)} proposes a new due date for *${esc(r.ref)}* and asks for your sign-off.`,
        );
  const blocks: KnownBlock[] = [section(`${head}\n${plain(r.title, 300)}`), ...detail];
  const details = requestDetails(q, locale);
  if (details) blocks.push(section(details));
  blocks.push(
    context(
      q.kind === "DONE"
        ? tr(
            locale,
            `Tant que la demande n'est pas validée, l'engagement garde son statut : ${statusLabel(q.statusBefore, locale)}. Un refus demande un motif, transmis au pilote.`,
            `Until signed off, the commitment keeps its status: ${statusLabel(q.statusBefore, locale)}. A refusal asks for a reason, sent to the owner.`,
          )
        : tr(
            locale,
            "Tant que la demande n'est pas validée, l'échéance reste inchangée. Un refus demande un motif, transmis au pilote.",
            "Until signed off, the due date stays as it is. A refusal asks for a reason, sent to the owner.",
          ),
    ),
    decisionButtons(q.id, locale),
  );
  const text =
    q.kind === "DONE"
      ? tr(locale, `${r.ref} déclaré réalisé : validation demandée`, `${r.ref} reported done: sign-off needed`)
      : tr(locale, `${r.ref} : nouvelle échéance proposée`, `${r.ref}: new due date proposed`);
  return { text, blocks };
}

/** « déjà traitée par … le … »: a second click, a second coordinator, a retried request. */
export function alreadyDecidedText(r: RequestWithRef, timezone: string, locale: Locale): string {
  const q = r.request;
  if (!q.decidedAt) return tr(locale, "Cette demande est déjà traitée.", "This request was already dealt with.");
  const when = formatInstant(q.decidedAt, timezone, locale);
  if (q.decision === "WITHDRAWN")
    return tr(
      locale,
      `:information_source: Cette demande sur *${esc(r.ref)}* a été remplacée par une mise à jour plus récente de ${mention(q.decidedBy ?? "")} le ${when} : il n'y a plus rien à décider.`,
      `:information_source: This request on *${esc(r.ref)}* was replaced by a newer update from ${mention(q.decidedBy ?? "")} on ${when}: nothing is left to decide.`,
    );
  const verdict = q.decision === "CONFIRMED" ? tr(locale, "validée", "confirmed") : tr(locale, "refusée", "refused");
  return tr(
    locale,
    `:information_source: Cette demande sur *${esc(r.ref)}* est déjà traitée par ${mention(q.decidedBy ?? "")} le ${when} (${verdict}).`,
    `:information_source: This request on *${esc(r.ref)}* was already dealt with by ${mention(q.decidedBy ?? "")} on ${when} (${verdict}).`,
  );
}

/** Why this person cannot decide. */
export function cannotDecideText(
  why: DecisionRefusal | "missing",
  locale: Locale,
  coordinators: readonly string[] = [],
): string {
  switch (why) {
    case "missing":
      return tr(
        locale,
        ":grey_question: Cette demande n'existe plus.",
        ":grey_question: This request no longer exists.",
      );
    case "not_coordinator":
      return tr(
        locale,
        ":lock: Seule la coordination peut valider ou refuser une demande.",
        ":lock: Only the coordinators can confirm or refuse a request.",
      );
    case "own_request": {
      const others = coordinators.length
        ? tr(
            locale,
            ` Peuvent la décider : ${mentions(coordinators, locale)}.`,
            ` Who can decide: ${mentions(coordinators, locale)}.`,
          )
        : tr(
            locale,
            " Aucun autre coordonnateur n'est nommé : `/csi role @personne coordonnateur` en désigne un.",
            " No other coordinator is named: `/csi role @person coordinator` names one.",
          );
      return tr(
        locale,
        `:raised_hand: Vous ne pouvez pas décider de votre propre demande : un autre coordonnateur la valide.${others}`,
        `:raised_hand: You cannot decide your own request: another coordinator signs it off.${others}`,
      );
    }
  }
}

/** Replaces the decider's message once decided. */
export function decidedNotice(r: RequestWithRef, locale: Locale): Reply {
  const q = r.request;
  const by = mention(q.decidedBy ?? "");
  const requester = mention(q.requestedBy);
  if (q.kind === "DONE")
    return textReply(
      q.decision === "CONFIRMED"
        ? tr(
            locale,
            `:white_check_mark: *${esc(r.ref)}* est désormais *réalisé* (validé par ${by}). ${requester} en est informé.`,
            `:white_check_mark: *${esc(r.ref)}* is now *done* (confirmed by ${by}). ${requester} has been told.`,
          )
        : tr(
            locale,
            `:leftwards_arrow_with_hook: Demande de clôture de *${esc(r.ref)}* refusée par ${by} : ${plain(q.refusalReason ?? "", 1500)}\nL'engagement revient à ${statusLabel(q.statusBefore, locale)} · ${q.progressBefore} %. ${requester} en est informé.`,
            `:leftwards_arrow_with_hook: Request to close *${esc(r.ref)}* refused by ${by}: ${plain(q.refusalReason ?? "", 1500)}\nThe commitment is back to ${statusLabel(q.statusBefore, locale)} · ${q.progressBefore}%. ${requester} has been told.`,
          ),
    );
  const date = q.proposedDueOn ? formatDateLong(q.proposedDueOn, locale) : "?";
  return textReply(
    q.decision === "CONFIRMED"
      ? tr(
          locale,
          `:white_check_mark: Nouvelle échéance de *${esc(r.ref)}* validée par ${by} : ${date}. ${requester} en est informé.`,
          `:white_check_mark: New due date of *${esc(r.ref)}* confirmed by ${by}: ${date}. ${requester} has been told.`,
        )
      : tr(
          locale,
          `:leftwards_arrow_with_hook: Report de l'échéance de *${esc(r.ref)}* refusé par ${by} : ${plain(q.refusalReason ?? "", 1500)}. ${requester} en est informé.`,
          `:leftwards_arrow_with_hook: Postponing *${esc(r.ref)}* refused by ${by}: ${plain(q.refusalReason ?? "", 1500)}. ${requester} has been told.`,
        ),
  );
}

/** To the requester (and the other owners): the decision, with the reason of a refusal. */
export function decisionForOwner(r: RequestWithRef, locale: Locale, asRequester: boolean): Reply {
  const q = r.request;
  const by = mention(q.decidedBy ?? "");
  const yours = asRequester
    ? tr(locale, "Votre demande", "Your request")
    : tr(locale, `La demande de ${mention(q.requestedBy)}`, `${mention(q.requestedBy)}'s request`);
  const reason = q.refusalReason ? `\n> ${plain(q.refusalReason, 1500).replace(/\n/g, "\n> ")}` : "";
  if (q.kind === "DONE")
    return textReply(
      q.decision === "CONFIRMED"
        ? tr(
            locale,
            `:tada: ${by} a validé que *${esc(r.ref)}* est réalisé. Merci pour votre travail.`,
            `:tada: ${by} confirmed that *${esc(r.ref)}* is done. Thank you for your work.`,
          )
        : tr(
            locale,
            `:leftwards_arrow_with_hook: ${yours} de clôture de *${esc(r.ref)}* est refusée par ${by}. Motif :${reason}\nL'engagement revient à ${statusLabel(q.statusBefore, locale)} · ${q.progressBefore} %.`,
            `:leftwards_arrow_with_hook: ${yours} to close *${esc(r.ref)}* was refused by ${by}. Reason:${reason}\nThe commitment is back to ${statusLabel(q.statusBefore, locale)} · ${q.progressBefore}%.`,
          ),
    );
  const date = q.proposedDueOn ? formatDateLong(q.proposedDueOn, locale) : "?";
  return textReply(
    q.decision === "CONFIRMED"
      ? tr(
          locale,
          `:calendar: ${by} a validé la nouvelle échéance de *${esc(r.ref)}* : ${date}.`,
          `:calendar: ${by} confirmed the new due date of *${esc(r.ref)}*: ${date}.`,
        )
      : tr(
          locale,
          `:leftwards_arrow_with_hook: ${yours} de nouvelle échéance pour *${esc(r.ref)}* est refusée par ${by} ; l'échéance reste inchangée. Motif :${reason}`,
          `:leftwards_arrow_with_hook: ${yours} for a new due date of *${esc(r.ref)}* was refused by ${by}; the due date stays as it is. Reason:${reason}`,
        ),
  );
}

/** Under « Statut » in the progress form: who validates a « Réalisé ». */
export function whoDecidesText(deciders: readonly string[], locale: Locale): string {
  if (deciders.length === 0)
    return tr(
      locale,
      ":warning: « Réalisé » est validé par un coordonnateur autre que vous, et aucun autre n'est nommé : votre demande attendra qu'un second coordonnateur soit désigné (`/csi role`).",
      ':warning: "Done" is signed off by a coordinator other than you, and none is named: your request will wait until a second coordinator is appointed (`/csi role`).',
    );
  return tr(
    locale,
    `« Réalisé » demande une preuve et passe l'avancement à 100 % ; il est validé par : ${mentions(deciders, locale, 5)}.`,
    `"Done" needs a proof and sets progress to 100%; it is signed off by: ${mentions(deciders, locale, 5)}.`,
  );
}

/** A new due date proposed by someone who is neither an owner of the commitment nor a coordinator. */
export const dueDateNotYoursText = (locale: Locale): string =>
  tr(
    locale,
    "Seuls ses pilotes et la coordination peuvent proposer une nouvelle échéance.",
    "Only its owners and the coordinators can propose a new due date.",
  );

/** A request form whose metadata is not Vigie's (forged, truncated): its language is unknown, so both. */
export const unreadableRequestFormText = "Formulaire illisible : fermez-le et rouvrez-le. Unreadable form.";

/** To the requester once the proposal is stored. */

export function dueDateProposedText(r: RequestWithRef, deciders: readonly string[], locale: Locale): string {
  const date = r.request.proposedDueOn ? formatDateLong(r.request.proposedDueOn, locale) : "?";
  const by = deciders.length
    ? tr(
        locale,
        ` Elle sera validée par ${mentions(deciders, locale, 5)}.`,
        ` It will be signed off by ${mentions(deciders, locale, 5)}.`,
      )
    : tr(
        locale,
        " Aucun autre coordonnateur n'est nommé pour la valider (`/csi role`).",
        " No other coordinator is named to sign it off (`/csi role`).",
      );
  return tr(
    locale,
    `:calendar: Votre proposition de nouvelle échéance pour *${esc(r.ref)}* (${date}) est transmise à la coordination.${by}`,
    `:calendar: Your proposed new due date for *${esc(r.ref)}* (${date}) was sent to the coordinators.${by}`,
  );
}
