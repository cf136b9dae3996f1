import type { KnownBlock } from "@slack/types";
import { formatDateLong, formatNumber, progressBar, statusEmoji, statusLabel } from "../../domain/format.js";
import type { ClosedContract } from "../../domain/renewal.js";
import type { Commitment, Locale, ProgressUpdate } from "../../domain/types.js";
import type { ProgressRefusal } from "../../use-cases/record-progress-update.js";
import { ACTIONS } from "../ids.js";
import { context, esc, link, mention, plain, section } from "./blocks.js";
import { tr } from "./locale.js";
import { contractClosedError } from "./renewal-blocks.js";
import { type Reply, textReply } from "./reply.js";
import { whoMayAct } from "./who-may-act.js";

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
    [tr(locale, "Preuve", "Proof"), u.evidence ? plain(u.evidence, 2900) : null],
  ];
  for (const [label, value] of texts) if (value) blocks.push(section(`*${label}*\n${value}`));
  return blocks;
}

interface ConfirmationInput {
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

/** « Cet engagement n'existe plus. », to a click on a commitment deleted since its message was sent. */
export const commitmentGoneReply = (locale: Locale): Reply =>
  textReply(
    tr(locale, ":grey_question: Cet engagement n'existe plus.", ":grey_question: This commitment no longer exists."),
  );

/** « Corriger ma mise à jour » on an update that is not found (a forged or stale button). */
export const updateGoneReply = (locale: Locale): Reply =>
  textReply(
    tr(locale, ":grey_question: Cette mise à jour est introuvable.", ":grey_question: This update cannot be found."),
  );

/** « Corriger ma mise à jour » from someone who has not reported on the commitment yet. */
export const nothingToCorrectText = (ref: string, locale: Locale): string =>
  tr(
    locale,
    `Vous n'avez pas encore de mise à jour de *${ref}* à corriger.`,
    `You have no update of *${ref}* to correct yet.`,
  );

/** Polite refusal to someone who is neither an owner nor a coordinator. */
export function progressRefusal(
  c: Pick<Commitment, "ref" | "owners">,
  coordinators: readonly string[],
  locale: Locale,
): Reply {
  const who = whoMayAct(c, coordinators, locale);
  const owners = who.owners ?? tr(locale, "Aucun pilote n'est encore désigné.", "No owner has been named yet.");
  const coords = who.coordinators ? ` ${who.coordinators}` : "";
  const text = tr(
    locale,
    `:lock: Seuls les pilotes de *${esc(c.ref)}* et la coordination peuvent en déclarer l'avancement. ${owners}${coords} N'hésitez pas à les contacter.`,
    `:lock: Only the owners of *${esc(c.ref)}* and the coordinators can report its progress. ${owners}${coords} Feel free to contact them.`,
  );
  return textReply(text);
}

/** Why an update was not stored, in words (the use case says it as a code). Plain text: Slack shows form errors as is. */
export function progressRefusalText(
  refusal: ProgressRefusal,
  ref: string | null,
  locale: Locale,
  closed?: ClosedContract,
): string {
  switch (refusal) {
    case "contract_closed":
      return closed
        ? contractClosedError(closed, locale)
        : tr(locale, "Ce contrat est clos : rien n'a été enregistré.", "This contract is closed: nothing was saved.");
    case "gone":
      return tr(
        locale,
        "Cet engagement n'existe plus : rien n'a été enregistré.",
        "This commitment no longer exists: nothing was saved.",
      );
    case "closed":
      return tr(
        locale,
        "Cet engagement est clos ou n'existe plus : rien n'a été enregistré.",
        "This commitment is closed or no longer exists: nothing was saved.",
      );
    case "not_owner":
      return tr(
        locale,
        `Vous n'êtes ni pilote de ${ref ?? "cet engagement"} ni coordonnateur : cette mise à jour ne peut pas être enregistrée.`,
        `You are neither an owner of ${ref ?? "this commitment"} nor a coordinator: this update cannot be saved.`,
      );
    case "already_corrected":
      return tr(
        locale,
        "Cette mise à jour a déjà été corrigée : fermez ce formulaire et corrigez la version la plus récente.",
        "This update was already corrected: close this form and correct the latest version.",
      );
    case "not_own_update":
      return tr(
        locale,
        "Vous ne pouvez corriger que vos propres mises à jour.",
        "You can only correct your own updates.",
      );
  }
}

/** A progress form whose metadata is not Vigie's (forged, truncated): its language is unknown, so both. */
export const unreadableProgressFormText =
  "Formulaire illisible : fermez-le et rouvrez-le depuis « Mettre à jour ». Unreadable form: close and reopen it.";
