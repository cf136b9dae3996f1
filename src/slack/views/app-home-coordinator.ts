// What only coordinators see on the App Home: their buttons and their queues (requests to decide,
// commitments to assign or complete).
import type { ActionsBlock, KnownBlock, PlainTextOption } from "@slack/types";
import { localDateOf } from "../../domain/due-instants.js";
import { formatDateShort, meetingKindLabel } from "../../domain/format.js";
import { truncate } from "../../domain/text.js";
import { ACTIONS } from "../ids.js";
import { HOME_LIMITS, HOME_QUEUE, type HomeData } from "./app-home-data.js";
import { button, context, mention, section } from "./blocks.js";
import { toCompleteText } from "./commitment-text.js";
import { tr } from "./locale.js";
import { esc } from "./modal-parts.js";
import { decisionButtons, pendingLabel, requestDetails } from "./request-messages.js";

export function coordinatorActions(d: HomeData): ActionsBlock {
  const { locale } = d;
  const elements: ActionsBlock["elements"] = [
    button(ACTIONS.openCreateCommitment, tr(locale, "Nouvel engagement", "New commitment"), "new", "primary"),
    button(ACTIONS.openScheduleMeeting, tr(locale, "Planifier une réunion", "Schedule a meeting"), "meeting"),
  ];
  if (d.lastMeeting) {
    const when = formatDateShort(localDateOf(d.lastMeeting.startsAt, d.timezone), locale);
    const kind = meetingKindLabel(d.lastMeeting.kind, locale, "short");
    elements.push(
      button(
        ACTIONS.openDecisions,
        tr(locale, `Relevé de décisions — ${kind} du ${when}`, `Decisions — ${kind} of ${when}`),
        d.lastMeeting.id,
      ),
    );
  }
  if (d.editable.length > 0) {
    const options: PlainTextOption[] = d.editable.slice(0, HOME_LIMITS.editOptions).map((c) => ({
      text: { type: "plain_text", text: truncate(`${c.ref} — ${c.title}`, 75), emoji: true },
      value: c.id,
    }));
    elements.push({
      type: "static_select",
      action_id: ACTIONS.openEditCommitment,
      placeholder: { type: "plain_text", text: tr(locale, "Modifier un engagement…", "Edit a commitment…") },
      options,
    });
  }
  return { type: "actions", elements };
}

/** Coordinators' queues: requests to decide (with Confirmer / Refuser) and commitments to give an owner. */
export function coordinatorQueues(d: HomeData): KnownBlock[] {
  const { locale } = d;
  const blocks: KnownBlock[] = [];
  const pending = d.pendingRequests ?? [];
  if (pending.length) {
    blocks.push(
      { type: "divider" },
      section(
        tr(
          locale,
          `*Demandes en attente de validation* (${pending.length})`,
          `*Requests awaiting sign-off* (${pending.length})`,
        ),
      ),
    );
    for (const p of pending.slice(0, HOME_QUEUE)) {
      const details = requestDetails(p, locale);
      blocks.push(
        section(
          `${pendingLabel(p.kind, locale)} — *${esc(p.ref)}* ${esc(truncate(p.title, 120))}\n${tr(locale, "Demandée par", "Asked by")} ${mention(p.requestedBy)}${details ? `\n${details}` : ""}`,
        ),
      );
      if (p.requestedBy === d.userId)
        blocks.push(
          context(
            tr(
              locale,
              "Votre demande : un autre coordonnateur la valide.",
              "Your request: another coordinator signs it off.",
            ),
          ),
        );
      else blocks.push(decisionButtons(p.id, locale));
    }
  }
  const ownerless = d.ownerless ?? [];
  if (ownerless.length) {
    blocks.push(
      { type: "divider" },
      section(
        tr(
          locale,
          `*À attribuer* (${ownerless.length}) — sans pilote, personne n'est relancé`,
          `*To assign* (${ownerless.length}) — no owner, nobody is reminded`,
        ),
      ),
    );
    for (const c of ownerless.slice(0, HOME_QUEUE))
      blocks.push(
        section(
          `*${esc(c.ref)}* ${esc(truncate(c.title, 150))}`,
          button(ACTIONS.openEditCommitment, tr(locale, "Attribuer", "Assign"), c.id),
        ),
      );
    if (ownerless.length > HOME_QUEUE)
      blocks.push(
        context(
          tr(locale, `… et ${ownerless.length - HOME_QUEUE} autres`, `… and ${ownerless.length - HOME_QUEUE} more`),
        ),
      );
  }
  const toComplete = d.toComplete ?? [];
  if (toComplete.length) {
    blocks.push(
      { type: "divider" },
      section(
        tr(
          locale,
          `*À compléter* (${toComplete.length}) — engagements décidés en réunion, sans pilote ou sans échéance`,
          `*To complete* (${toComplete.length}) — commitments decided in a meeting, without an owner or a due date`,
        ),
      ),
    );
    for (const c of toComplete.slice(0, HOME_QUEUE))
      blocks.push(
        section(
          `*${esc(c.ref)}* ${esc(truncate(c.title, 150))}\n${toCompleteText(c.missing, locale)}`,
          button(ACTIONS.openEditCommitment, tr(locale, "Compléter", "Complete"), c.id),
        ),
      );
    if (toComplete.length > HOME_QUEUE)
      blocks.push(
        context(
          tr(locale, `… et ${toComplete.length - HOME_QUEUE} autres`, `… and ${toComplete.length - HOME_QUEUE} more`),
        ),
      );
  }
  return blocks;
}
