// `/csi contrat`: the contracts Vigie follows, the one a person's commands are about, and the question Vigie asks
// when several could be meant.

import type { Contract, Locale, Role } from "../../domain/types.js";
import { COMMAND } from "../ids.js";
import { esc, plain, section } from "./blocks.js";
import { tr } from "./locale.js";
import { type Reply, textReply } from "./reply.js";

const ROLE_WORDS: Record<Role, { fr: string; en: string }> = {
  COORDINATOR: { fr: "coordonnateur", en: "coordinator" },
  MEMBER: { fr: "membre du comité", en: "committee member" },
  READER: { fr: "lecteur", en: "reader" },
};

const line = (c: Contract, locale: Locale, role?: Role | null, current?: boolean) => {
  const who = role ? ` — ${tr(locale, ROLE_WORDS[role].fr, ROLE_WORDS[role].en)}` : "";
  const mark = current ? tr(locale, " _(contrat courant)_", " _(current contract)_") : "";
  const closed = c.closedAt ? tr(locale, " — :lock: clos, en lecture seule", " — :lock: closed, read-only") : "";
  return `• \`${esc(c.ref)}\` ${plain(c.title, 150)}${who}${closed}${mark}`;
};

/** Several contracts could be meant: which one, and how to say it once for all. */
/** `/csi contrat nouveau` and its form, to someone who coordinates no contract Vigie follows. */
export const createContractRefusedText = (locale: Locale): string =>
  tr(
    locale,
    ":lock: Seul un coordonnateur d'un contrat suivi par Vigie peut en créer un autre.",
    ":lock: Only a coordinator of a contract Vigie follows may create another.",
  );

export function chooseContractReply(contracts: readonly Contract[], locale: Locale): Reply {
  const list = contracts.slice(0, 30).map((c) => line(c, locale));
  return {
    text: tr(locale, "Quel contrat ?", "Which contract?"),
    blocks: [
      section(
        tr(
          locale,
          `:twisted_rightwards_arrows: Vigie suit plusieurs contrats. Choisissez celui de vos commandes avec \`${COMMAND} contrat REF\` (ou tapez vos commandes dans le canal du contrat) :`,
          `:twisted_rightwards_arrows: Vigie follows several contracts. Choose the one your commands are about with \`${COMMAND} contract REF\` (or type your commands in the contract's channel):`,
        ),
      ),
      section(list.join("\n")),
    ],
  };
}

/** `/csi contrat`: every contract, the person's role in each, the current one marked. */
export function contractsReply(
  contracts: readonly { contract: Contract; role: Role | null }[],
  currentId: string | null,
  locale: Locale,
): Reply {
  if (!contracts.length)
    return textReply(tr(locale, "Aucun contrat n'est encore chargé.", "No contract is loaded yet."));
  const list = contracts.slice(0, 30).map((c) => line(c.contract, locale, c.role, c.contract.id === currentId));
  return {
    text: tr(locale, "Contrats suivis", "Contracts followed"),
    blocks: [
      section(tr(locale, "*Contrats suivis par Vigie*", "*Contracts followed by Vigie*")),
      section(list.join("\n")),
      section(
        tr(
          locale,
          `Pour changer de contrat courant : \`${COMMAND} contrat REF\`.`,
          `To change the current contract: \`${COMMAND} contract REF\`.`,
        ),
      ),
    ],
  };
}

export const contractChosenReply = (contract: Contract, locale: Locale): Reply =>
  textReply(
    tr(
      locale,
      `:white_check_mark: Vos commandes \`${COMMAND}\` portent désormais sur *${plain(contract.title, 150)}* (\`${esc(contract.ref)}\`), hors des canaux d'un autre contrat.`,
      `:white_check_mark: Your \`${COMMAND}\` commands are now about *${plain(contract.title, 150)}* (\`${esc(contract.ref)}\`), outside another contract's channels.`,
    ),
  );

/** To the coordinator who created a contract: what it is, and what to do next. */
export const contractCreatedMessage = (contract: Contract, locale: Locale): Reply => ({
  text: tr(locale, `Contrat créé : ${esc(contract.ref)}`, `Contract created: ${esc(contract.ref)}`),
  blocks: [
    section(
      tr(
        locale,
        `:white_check_mark: *${plain(contract.title, 150)}* (\`${esc(contract.ref)}\`) est créé ; vous en êtes le premier coordonnateur.\nEnsuite : \`${COMMAND} contrat ${esc(contract.ref)}\` pour en faire votre contrat courant, puis \`${COMMAND} import\` pour ses engagements depuis un tableur et \`${COMMAND} role @personne coordonnateur|membre\` pour son équipe.`,
        `:white_check_mark: *${plain(contract.title, 150)}* (\`${esc(contract.ref)}\`) is created; you are its first coordinator.\nNext: \`${COMMAND} contract ${esc(contract.ref)}\` to make it your current contract, then \`${COMMAND} import\` for its commitments from a spreadsheet and \`${COMMAND} role @person coordonnateur|membre\` for its team.`,
      ),
    ),
  ],
});
