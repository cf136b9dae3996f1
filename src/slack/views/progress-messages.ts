import type { KnownBlock } from "@slack/types";
import { formatDateLong, formatNumber, progressBar, statusEmoji, statusLabel } from "../../domain/format.js";
import type { Commitment, Locale, ProgressUpdate, Status } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import { context, esc, link, mention, plain, section } from "./blocks.js";
import { mentions } from "./commitment-text.js";
import { tr } from "./locale.js";
import { type Reply, textReply } from "./reply.js";

/** The content of an update, as it reads in a message: status, progress, indicators, texts. */
export function updateDetailBlocks(c: Pick<Commitment, "indicators">, u: ProgressUpdate, locale: Locale): KnownBlock[] {
  const lines = [
    `${statusEmoji(u.status)} *${statusLabel(u.status, locale)}* · ${progressBar(u.progress, 10, locale)}`,
  ];
  const labels = new Map(c.indicators.map((i) => [i.id, i]));
  for (const v of u.indicatorValues) {
    const i = labels.get(v.indicatorId);
    if (i)
      lines.push(
        `• ${plain(i.label, 160)} : *${formatNumber(v.value, locale)}*${i.unit ? ` ${plain(i.unit, 40)}` : ""}${i.target !== null ? ` / ${formatNumber(i.target, locale)}` : ""}`,
      );
  }
  const blocks: KnownBlock[] = [section(lines.join("\n"))];
  const texts: [string, string | null][] = [
    [tr(locale, "Ce qui a été fait", "What was done"), u.comment ? plain(u.comment, 2900) : null],
    [
      tr(locale, "Prochaine étape", "Next step"),
      u.nextStep
        ? `${plain(u.nextStep, 2000)}${u.nextStepOn ? ` (${tr(locale, "le", "on")} ${formatDateLong(u.nextStepOn, locale)})` : ""}`
        : null,
    ],
    [tr(locale, "Difficultés", "Blockers"), u.blockers ? plain(u.blockers, 2900) : null],
    [tr(locale, "Justificatif", "Evidence"), u.evidenceUrl ? link(u.evidenceUrl) : null],
  ];
  for (const [label, value] of texts) if (value) blocks.push(section(`*${label}*\n${value}`));
  return blocks;
}

export interface ConfirmationInput {
  commitment: Commitment;
  update: ProgressUpdate;
  doneRequested: boolean;
  locale: Locale;
}

/** Sent to the author by DM: what was stored, and the way to correct it. */
export function updateConfirmationMessage({
  commitment: c,
  update: u,
  doneRequested,
  locale,
}: ConfirmationInput): Reply {
  const corrected = u.supersedesId !== null;
  const head = corrected
    ? tr(
        locale,
        `:white_check_mark: Votre correction de *${esc(c.ref)}* est enregistrée (version ${u.version}). La version précédente reste dans l'historique.`,
        `:white_check_mark: Your correction of *${esc(c.ref)}* is saved (version ${u.version}). The previous version stays in the history.`,
      )
    : tr(
        locale,
        `:white_check_mark: Votre mise à jour de *${esc(c.ref)}* est enregistrée. Merci.`,
        `:white_check_mark: Your update of *${esc(c.ref)}* is saved. Thank you.`,
      );
  const blocks: KnownBlock[] = [section(`${head}\n${plain(c.title, 2000)}`), ...updateDetailBlocks(c, u, locale)];
  if (doneRequested) {
    blocks.push(
      context(
        tr(
          locale,
          ":hourglass: L'engagement sera noté *réalisé* après confirmation par la coordination ; vous en serez informé.",
          ":hourglass: The commitment will count as *done* once the coordinators confirm; you will be told.",
        ),
      ),
    );
  }
  blocks.push({
    type: "actions",
    elements: [
      {
        type: "button",
        action_id: ACTIONS.editLastUpdate,
        value: u.id,
        text: { type: "plain_text", text: tr(locale, "Corriger ma mise à jour", "Correct my update"), emoji: true },
      },
    ],
  });
  return { text: tr(locale, `Mise à jour de ${esc(c.ref)} enregistrée`, `Update of ${esc(c.ref)} saved`), blocks };
}

/** Posted to the commitment's channel (or thread) and to each follower. */
export function updateAnnouncement(
  c: Commitment,
  u: ProgressUpdate,
  locale: Locale,
  audience: "channel" | "follower",
): Reply {
  const verb = u.supersedesId
    ? tr(locale, "a corrigé sa mise à jour de", "corrected their update of")
    : tr(locale, "a mis à jour", "updated");
  const blocks: KnownBlock[] = [
    section(`${mention(u.authorId)} ${verb} *${esc(c.ref)}* — ${plain(c.title, 2000)}`),
    ...updateDetailBlocks(c, u, locale),
  ];
  if (audience === "follower") {
    blocks.push(
      context(
        tr(
          locale,
          `Vous suivez ${esc(c.ref)}. \`/csi voir ${esc(c.ref)}\` pour la fiche complète.`,
          `You follow ${esc(c.ref)}. \`/csi show ${esc(c.ref)}\` for the full sheet.`,
        ),
      ),
    );
  }
  return { text: tr(locale, `${esc(c.ref)} : nouvelle mise à jour`, `${esc(c.ref)}: new update`), blocks };
}

/** To each coordinator: an owner reports the commitment done; Confirmer / Refuser. */
export function doneRequestMessage(c: Commitment, u: ProgressUpdate, locale: Locale): Reply {
  const blocks: KnownBlock[] = [
    section(
      tr(
        locale,
        `:checkered_flag: ${mention(u.authorId)} déclare *${esc(c.ref)}* réalisé et demande votre confirmation.\n${plain(c.title, 2000)}`,
        `:checkered_flag: ${mention(u.authorId)} reports *${esc(c.ref)}* as done and asks for your confirmation.\n${plain(c.title, 2000)}`,
      ),
    ),
    ...updateDetailBlocks(c, u, locale),
    context(
      tr(
        locale,
        `Tant que vous n'avez pas confirmé, l'engagement garde son statut actuel : ${statusLabel(c.status, locale)}.`,
        `Until you confirm, the commitment keeps its current status: ${statusLabel(c.status, locale)}.`,
      ),
    ),
    {
      type: "actions",
      elements: [
        {
          type: "button",
          style: "primary",
          action_id: ACTIONS.confirmDone,
          value: c.id,
          text: { type: "plain_text", text: tr(locale, "Confirmer", "Confirm") },
        },
        {
          type: "button",
          style: "danger",
          action_id: ACTIONS.rejectDone,
          value: c.id,
          text: { type: "plain_text", text: tr(locale, "Refuser", "Refuse") },
        },
      ],
    },
  ];
  return {
    text: tr(
      locale,
      `${esc(c.ref)} déclaré réalisé : confirmation demandée`,
      `${esc(c.ref)} reported done: confirmation needed`,
    ),
    blocks,
  };
}

/** Replaces the coordinator's Confirmer / Refuser message once decided. */
export function doneDecisionNotice(
  decision:
    | { kind: "confirmed"; ref: string; requestedBy: string }
    | { kind: "rejected"; ref: string; requestedBy: string; status: Status }
    | { kind: "not_pending"; ref: string; status: Status },
  coordinatorId: string,
  locale: Locale,
): Reply {
  let text: string;
  if (decision.kind === "confirmed") {
    text = tr(
      locale,
      `:white_check_mark: *${esc(decision.ref)}* est désormais *réalisé* (confirmé par ${mention(coordinatorId)}). ${mention(decision.requestedBy)} en est informé.`,
      `:white_check_mark: *${esc(decision.ref)}* is now *done* (confirmed by ${mention(coordinatorId)}). ${mention(decision.requestedBy)} has been told.`,
    );
  } else if (decision.kind === "rejected") {
    text = tr(
      locale,
      `:leftwards_arrow_with_hook: Clôture de *${esc(decision.ref)}* refusée par ${mention(coordinatorId)} ; le statut reste ${statusLabel(decision.status, locale)}. ${mention(decision.requestedBy)} en est informé.`,
      `:leftwards_arrow_with_hook: Closing *${esc(decision.ref)}* refused by ${mention(coordinatorId)}; the status stays ${statusLabel(decision.status, locale)}. ${mention(decision.requestedBy)} has been told.`,
    );
  } else {
    text = tr(
      locale,
      `:information_source: Aucune demande de clôture n'est plus en attente pour *${esc(decision.ref)}* (statut : ${statusLabel(decision.status, locale)}) : elle a déjà été traitée ou remplacée par une mise à jour plus récente.`,
      `:information_source: No request to close *${esc(decision.ref)}* is pending any more (status: ${statusLabel(decision.status, locale)}): it was already decided or replaced by a newer update.`,
    );
  }
  return textReply(text);
}

/** To the owner who asked: the coordinators' answer. */
export function doneOutcomeForOwner(
  kind: "confirmed" | "rejected",
  ref: string,
  coordinatorId: string,
  status: Status,
  locale: Locale,
): Reply {
  const text =
    kind === "confirmed"
      ? tr(
          locale,
          `:tada: ${mention(coordinatorId)} a confirmé que *${esc(ref)}* est réalisé. Merci pour votre travail.`,
          `:tada: ${mention(coordinatorId)} confirmed that *${esc(ref)}* is done. Thank you for your work.`,
        )
      : tr(
          locale,
          `:leftwards_arrow_with_hook: ${mention(coordinatorId)} n'a pas confirmé la clôture de *${esc(ref)}* ; le statut reste ${statusLabel(status, locale)}. Rapprochez-vous de la coordination pour compléter les justificatifs.`,
          `:leftwards_arrow_with_hook: ${mention(coordinatorId)} did not confirm that *${esc(ref)}* is done; the status stays ${statusLabel(status, locale)}. Please contact the coordinators to complete the evidence.`,
        );
  return textReply(text);
}

/** Polite refusal to someone who is neither an owner nor a coordinator. */
export function progressRefusal(
  c: Pick<Commitment, "ref" | "owners">,
  coordinators: readonly string[],
  locale: Locale,
): Reply {
  const owners = c.owners.length
    ? tr(locale, `Ses pilotes : ${mentions(c.owners, locale)}.`, `Its owners: ${mentions(c.owners, locale)}.`)
    : tr(locale, "Aucun pilote n'est encore désigné.", "No owner has been named yet.");
  const coords = coordinators.length
    ? tr(
        locale,
        ` La coordination : ${mentions(coordinators, locale)}.`,
        ` The coordinators: ${mentions(coordinators, locale)}.`,
      )
    : "";
  const text = tr(
    locale,
    `:lock: Seuls les pilotes de *${esc(c.ref)}* et la coordination peuvent en déclarer l'avancement. ${owners}${coords} N'hésitez pas à les contacter.`,
    `:lock: Only the owners of *${esc(c.ref)}* and the coordinators can report its progress. ${owners}${coords} Feel free to contact them.`,
  );
  return textReply(text);
}
