// What `/csi destinataires` answers (coordinators only, visible to them alone). Pure builders. An error repeats
// the whole command as typed, ready to copy and correct: nothing typed is lost.
import type { KnownBlock } from "@slack/types";
import type { ConfidentialityFinding } from "../../domain/confidentiality.js";
import {
  MAIL_KINDS,
  type MailKind,
  type RecipientChangeProblem,
  type RecipientField,
} from "../../domain/recipient-input.js";
import type { Locale } from "../../domain/types.js";
import type { MailRecipient } from "../../store/mail-recipients-repo.js";
import { COMMAND } from "../ids.js";
import { plain, section } from "./blocks.js";
import { confidentialityError } from "./confidentiality-words.js";
import { tr } from "./locale.js";
import type { Reply } from "./reply.js";

const KIND_LABELS: Record<MailKind, { fr: string; en: string }> = {
  digest: { fr: "point hebdomadaire", en: "weekly digest" },
  report: { fr: "rapport avant chaque COPIL/GLTD", en: "report before each COPIL/GLTD" },
  meetings: { fr: "invitations aux réunions", en: "meeting invitations" },
};

const receivesText = (r: MailRecipient, locale: Locale): string =>
  MAIL_KINDS.filter((k) => r.receives[k])
    .map((k) => tr(locale, KIND_LABELS[k].fr, KIND_LABELS[k].en))
    .join(", ");

/** What a recipient receives, and their party when they have one: « point hebdomadaire · partie ETAT ». */
const receivesAndParty = (r: MailRecipient, locale: Locale): string =>
  `${receivesText(r, locale)}${r.partyCode ? ` · ${tr(locale, "partie", "party")} ${plain(r.partyCode, 40)}` : ""}`;

/** A recipient's fields in words (the edit reply and the journal). */
export const RECIPIENT_FIELD_LABELS: Record<RecipientField, { fr: string; en: string }> = {
  name: { fr: "nom", en: "name" },
  address: { fr: "adresse", en: "address" },
  organisation: { fr: "organisation", en: "organisation" },
  party: { fr: "partie", en: "party" },
  receives: { fr: "envois", en: "what they receive" },
};

const who = (r: MailRecipient): string =>
  `*${plain(r.name, 120)}*${r.organisation ? ` (${plain(r.organisation, 120)})` : ""} — ${plain(r.address, 254)}`;

/** The syntax, with an example a préfecture's agent would recognise. */
export function recipientsUsageText(locale: Locale): string {
  return tr(
    locale,
    `• \`${COMMAND} destinataires\` : la liste\n` +
      `• \`${COMMAND} destinataires ajouter Prénom Nom adresse, organisation, envois\` — ex. \`${COMMAND} destinataires ajouter Marie Durand marie.durand@savoie.gouv.fr, Préfecture de la Savoie, point rapport réunions\`\n` +
      "   envois : `point` (point hebdomadaire), `rapport` (rapport PDF avant chaque COPIL/GLTD), `réunions` (invitations d'agenda) ; tous si vous n'en dites rien\n" +
      `• \`${COMMAND} destinataires modifier adresse champ valeur, …\` (ou le numéro de la liste) — champs : \`nom\`, \`adresse\`, \`organisation\`, \`partie\`, \`envois\` ; ex. \`${COMMAND} destinataires modifier 2 envois point réunions, partie ETAT\`\n` +
      `• \`${COMMAND} destinataires retirer adresse\` (ou le numéro de la liste)`,
    `• \`${COMMAND} recipients\`: the list\n` +
      `• \`${COMMAND} recipients add First Last address, organisation, what\` — e.g. \`${COMMAND} recipients add Marie Durand marie.durand@savoie.gouv.fr, Préfecture de la Savoie, digest report meetings\`\n` +
      "   what: `digest` (weekly digest), `report` (PDF report before each COPIL/GLTD), `meetings` (calendar invitations); all when omitted\n" +
      `• \`${COMMAND} recipients edit address field value, …\` (or the list's number) — fields: \`name\`, \`address\`, \`organisation\`, \`party\`, \`receives\`; e.g. \`${COMMAND} recipients edit 2 receives digest meetings, party ETAT\`\n` +
      `• \`${COMMAND} recipients remove address\` (or the list's number)`,
  );
}

const reply = (text: string, extra: KnownBlock[] = []): Reply => ({
  text: text.replace(/[*`]/g, "").slice(0, 3000),
  blocks: [section(text), ...extra],
});

/** A note under the answer when e-mail is not enabled (no SMTP_URL, not local mode). */
const notice = (howToEnable: string | null): KnownBlock[] =>
  howToEnable
    ? [{ type: "context", elements: [{ type: "mrkdwn", text: `:warning: ${plain(howToEnable, 2900)}` }] }]
    : [];

export function recipientsListReply(recipients: MailRecipient[], locale: Locale, howToEnable: string | null): Reply {
  if (recipients.length === 0)
    return reply(
      `${tr(locale, ":envelope: Aucun destinataire par courriel pour ce contrat.", ":envelope: No e-mail recipient for this contract.")}\n${recipientsUsageText(locale)}`,
      notice(howToEnable),
    );
  const head = tr(
    locale,
    `:envelope: *${recipients.length} destinataire${recipients.length > 1 ? "s" : ""} par courriel*`,
    `:envelope: *${recipients.length} e-mail recipient${recipients.length > 1 ? "s" : ""}*`,
  );
  // One section per ten people keeps every block within Slack's 3,000 characters.
  const lines = recipients.map((r, i) => `${i + 1}. ${who(r)}\n      ${receivesAndParty(r, locale)}`);
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += 10) chunks.push(lines.slice(i, i + 10).join("\n"));
  return {
    text: head.replace(/\*/g, ""),
    blocks: [
      section(head),
      ...chunks.slice(0, 40).map((c) => section(c)),
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: tr(
              locale,
              `Modifier : \`${COMMAND} destinataires modifier numéro champ valeur\` (ex. \`modifier 1 envois point rapport\`). Retirer : \`${COMMAND} destinataires retirer adresse\` ou le numéro. Ajouter : \`${COMMAND} destinataires ajouter Prénom Nom adresse, organisation, envois\`.`,
              `Edit: \`${COMMAND} recipients edit number field value\` (e.g. \`edit 1 receives digest report\`). Remove: \`${COMMAND} recipients remove address\` or the number. Add: \`${COMMAND} recipients add First Last address, organisation, what\`.`,
            ),
          },
        ],
      },
      ...notice(howToEnable),
    ],
  };
}

export const recipientAddedReply = (r: MailRecipient, locale: Locale, howToEnable: string | null): Reply =>
  reply(
    tr(
      locale,
      `:white_check_mark: ${who(r)} fait désormais partie des destinataires par courriel.\nReçoit : ${receivesText(r, locale)}.`,
      `:white_check_mark: ${who(r)} added to the e-mail recipients.\nReceives: ${receivesText(r, locale)}.`,
    ),
    notice(howToEnable),
  );

export const recipientEditedReply = (r: MailRecipient, changed: readonly string[], locale: Locale): Reply => {
  const fields = changed
    .filter((f): f is RecipientField => f in RECIPIENT_FIELD_LABELS)
    .map((f) => tr(locale, RECIPIENT_FIELD_LABELS[f].fr, RECIPIENT_FIELD_LABELS[f].en))
    .join(", ");
  return reply(
    fields
      ? tr(
          locale,
          `:white_check_mark: ${who(r)} : modifié (${fields}).\nReçoit : ${receivesAndParty(r, locale)}.`,
          `:white_check_mark: ${who(r)}: changed (${fields}).\nReceives: ${receivesAndParty(r, locale)}.`,
        )
      : tr(
          locale,
          `:information_source: ${who(r)} : rien n'a changé, ces valeurs étaient déjà les siennes.\nReçoit : ${receivesAndParty(r, locale)}.`,
          `:information_source: ${who(r)}: nothing changed, these were already their values.\nReceives: ${receivesAndParty(r, locale)}.`,
        ),
  );
};

export const recipientRemovedReply = (r: MailRecipient, locale: Locale): Reply =>
  reply(
    tr(
      locale,
      `:wastebasket: ${who(r)} ne recevra plus rien de Vigie.`,
      `:wastebasket: ${who(r)} will receive nothing more from Vigie.`,
    ),
  );

/** The command as typed, ready to copy and correct. */
const typedBack = (typed: string, locale: Locale): string =>
  `${tr(locale, "Votre saisie, à corriger :", "What you typed, to correct:")}\n\`\`\`${plain(typed.replace(/`/g, "'"), 2000)}\`\`\``;

function problemText(p: RecipientChangeProblem, locale: Locale): string {
  switch (p.kind) {
    case "no_address":
      return tr(
        locale,
        "Il manque l'adresse électronique (ex. marie.durand@savoie.gouv.fr).",
        "The e-mail address is missing (e.g. marie.durand@savoie.gouv.fr).",
      );
    case "bad_address":
      return tr(
        locale,
        `« ${plain(p.typed, 254)} » n'est pas une adresse électronique valide (ex. marie.durand@savoie.gouv.fr).`,
        `“${plain(p.typed, 254)}” is not a valid e-mail address (e.g. marie.durand@savoie.gouv.fr).`,
      );
    case "several_addresses":
      return tr(
        locale,
        "Une seule adresse par destinataire : ajoutez chaque personne par sa propre commande.",
        "One address per recipient: add each person with a command of their own.",
      );
    case "no_name":
      return tr(
        locale,
        "Il manque le nom du destinataire, avant son adresse (ex. Marie Durand marie.durand@savoie.gouv.fr).",
        "The recipient's name is missing, before the address (e.g. Marie Durand marie.durand@savoie.gouv.fr).",
      );
    case "too_long":
      return p.field === "name"
        ? tr(locale, `Le nom dépasse ${p.max} caractères.`, `The name is longer than ${p.max} characters.`)
        : tr(
            locale,
            `L'organisation dépasse ${p.max} caractères.`,
            `The organisation is longer than ${p.max} characters.`,
          );
    case "too_many_parts":
      return tr(
        locale,
        "Trois parties au plus, séparées par des virgules : nom et adresse, organisation, envois. L'organisation ne doit pas contenir de virgule.",
        "Three parts at most, separated by commas: name and address, organisation, what. The organisation must not contain a comma.",
      );
    case "unknown_kinds":
      return tr(
        locale,
        `Envoi inconnu : ${p.words.map((w) => `« ${plain(w, 40)} »`).join(", ")}. Choisissez parmi \`point\`, \`rapport\`, \`réunions\` ou \`tout\`.`,
        `Unknown kind: ${p.words.map((w) => `“${plain(w, 40)}”`).join(", ")}. Choose among \`digest\`, \`report\`, \`meetings\` or \`all\`.`,
      );
    case "nothing_received":
      return tr(locale, "Dites au moins un envoi.", "Name at least one kind.");
    case "no_change":
      return tr(
        locale,
        "Dites ce qui change après la personne : `nom`, `adresse`, `organisation`, `partie` ou `envois`, suivi de la nouvelle valeur (ex. `envois point réunions`).",
        "Say what changes after the person: `name`, `address`, `organisation`, `party` or `receives`, followed by the new value (e.g. `receives digest meetings`).",
      );
    case "unknown_field":
      return tr(
        locale,
        `« ${plain(p.typed, 40)} » n'est pas un champ d'un destinataire. Champs : \`nom\`, \`adresse\`, \`organisation\`, \`partie\`, \`envois\` ; plusieurs changements se séparent par des virgules.`,
        `“${plain(p.typed, 40)}” is not a field of a recipient. Fields: \`name\`, \`address\`, \`organisation\`, \`party\`, \`receives\`; separate several changes with commas.`,
      );
    case "empty_field":
      return tr(
        locale,
        `Il manque la nouvelle valeur après « ${RECIPIENT_FIELD_LABELS[p.field].fr} ».`,
        `The new value after “${RECIPIENT_FIELD_LABELS[p.field].en}” is missing.`,
      );
    case "repeated_field":
      return tr(
        locale,
        `« ${RECIPIENT_FIELD_LABELS[p.field].fr} » est donné deux fois : une seule valeur par champ.`,
        `“${RECIPIENT_FIELD_LABELS[p.field].en}” is given twice: one value per field.`,
      );
    case "address_in_name":
      return tr(
        locale,
        "Le nom ne contient pas d'adresse : changez-la avec `adresse` (ex. `nom Marie Dupont, adresse marie.dupont@savoie.gouv.fr`).",
        "The name holds no address: change it with `address` (e.g. `name Marie Dupont, address marie.dupont@savoie.gouv.fr`).",
      );
    case "unknown_party":
      return tr(
        locale,
        `« ${plain(p.typed, 60)} » n'est pas une partie de ce contrat : donnez son code (ex. \`partie ETAT\`), ou \`partie aucune\`.`,
        `“${plain(p.typed, 60)}” is not a party of this contract: give its code (e.g. \`party ETAT\`), or \`party none\`.`,
      );
  }
}

export const recipientInvalidReply = (p: RecipientChangeProblem, typed: string, locale: Locale): Reply =>
  reply(`:warning: ${problemText(p, locale)}\n${typedBack(typed, locale)}`);

/** Personal data in what was typed: the guard's findings in words, and what was typed, to rephrase. */
export const recipientGuardReply = (findings: ConfidentialityFinding[], typed: string, locale: Locale): Reply =>
  reply(`:warning: ${plain(confidentialityError(findings, locale) ?? "", 1000)}\n${typedBack(typed, locale)}`);

export const recipientDuplicateReply = (existing: MailRecipient, typed: string, locale: Locale): Reply =>
  reply(
    `:warning: ${tr(
      locale,
      `Cette adresse est déjà dans la liste : ${who(existing)} (${receivesText(existing, locale)}). Pour changer ce que la personne reçoit : \`${COMMAND} destinataires modifier ${plain(existing.address, 254)} envois …\`.`,
      `This address is already listed: ${who(existing)} (${receivesText(existing, locale)}). To change what the person receives: \`${COMMAND} recipients edit ${plain(existing.address, 254)} receives …\`.`,
    )}\n${typedBack(typed, locale)}`,
  );

export const recipientNotFoundReply = (typed: string, locale: Locale): Reply =>
  reply(
    tr(
      locale,
      `:mag: Aucun destinataire « ${plain(typed, 254)} » pour ce contrat. \`${COMMAND} destinataires\` montre la liste et ses numéros.`,
      `:mag: No recipient “${plain(typed, 254)}” for this contract. \`${COMMAND} recipients\` shows the list and its numbers.`,
    ),
  );

export const recipientsUsageReply = (locale: Locale, typed?: string): Reply =>
  reply(
    `${typed ? `:warning: ${tr(locale, "Je n'ai pas compris.", "I did not understand.")}\n` : ""}${recipientsUsageText(locale)}${typed ? `\n${typedBack(typed, locale)}` : ""}`,
  );
