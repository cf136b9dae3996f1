// Renewal (`/csi contrat renouveler`): its form, its answers, the words of a closed contract (every refused change
// names the contract that follows), and the lines linking a carried commitment's sheet to its previous one.
import type { Checkboxes, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { countOf, formatDateLong } from "../../domain/format.js";
import type { ClosedContract } from "../../domain/renewal.js";
import { truncate } from "../../domain/text.js";
import type { Commitment, Contract, IsoDate, Locale } from "../../domain/types.js";
import type { RenewalRefusal } from "../../use-cases/renew-contract.js";
import { ACTIONS, BLOCKS, CALLBACKS, COMMAND, INPUT_ACTION } from "../ids.js";
import { actions, button, context, esc, plain, section } from "./blocks.js";
import type { ContractFormOf } from "./contract-modal.js";
import { tr } from "./locale.js";
import { datePicker, formModal, textInput } from "./modal-parts.js";
import { encodeNavValue } from "./pagination.js";
import { type Reply, textReply } from "./reply.js";

/** Slack shows at most 10 options per checkboxes element: the commitments come in groups of 10. */
const PER_GROUP = 10;
/** Groups at most (the modal holds 100 blocks): 800 commitments. */
const MAX_GROUPS = 80;

const carryOption = (c: Pick<Commitment, "id" | "ref" | "title">): PlainTextOption => ({
  text: { type: "plain_text", text: truncate(`${c.ref} — ${c.title}`, 150), emoji: true },
  value: c.id,
});

export function renewalModal(
  m: ContractFormOf & {
    defaults: { ref: string; title: string; signedOn: IsoDate; endsOn: IsoDate };
    candidates: readonly Pick<Commitment, "id" | "ref" | "title">[];
  },
): ModalView {
  const { locale, contract } = m;
  const blocks: KnownBlock[] = [
    section(
      tr(
        locale,
        `*${plain(contract.title, 200)}* (\`${esc(contract.ref)}\`) prend fin le ${formatDateLong(contract.endsOn, "fr")}. Le contrat suivant reprend ses parties, son fuseau horaire, ses canaux, ses réglages et ses rôles.`,
        `*${plain(contract.title, 200)}* (\`${esc(contract.ref)}\`) ends on ${formatDateLong(contract.endsOn, "en")}. The next contract takes its parties, time zone, channels, settings and roles.`,
      ),
    ),
    context(
      tr(
        locale,
        ":lock: Une fois renouvelé, ce contrat est clos : plus aucune modification, son point hebdomadaire et ses rappels s'arrêtent, et son rapport final vous est envoyé.",
        ":lock: Once renewed, this contract is closed: no more changes, its weekly digest and reminders stop, and its final report is sent to you.",
      ),
    ),
    textInput(BLOCKS.title, tr(locale, "Intitulé du nouveau contrat", "New contract's title"), {
      maxLength: 200,
      initial: m.defaults.title,
    }),
    textInput(BLOCKS.contractRef, tr(locale, "Référence", "Ref"), {
      maxLength: 40,
      initial: m.defaults.ref,
      hint: tr(
        locale,
        "Courte et unique : elle sert à `/csi contrat REF`.",
        "Short and unique: `/csi contract REF` uses it.",
      ),
    }),
    datePicker(BLOCKS.signedOn, tr(locale, "Début (signature)", "Starts (signed on)"), {
      initial: m.defaults.signedOn,
    }),
    datePicker(BLOCKS.endsOn, tr(locale, "Fin du contrat", "Contract ends on"), { initial: m.defaults.endsOn }),
  ];
  const groups: Pick<Commitment, "id" | "ref" | "title">[][] = [];
  for (let i = 0; i < m.candidates.length && groups.length < MAX_GROUPS; i += PER_GROUP)
    groups.push(m.candidates.slice(i, i + PER_GROUP));
  if (!groups.length)
    blocks.push(
      section(
        tr(
          locale,
          "_Aucun engagement en cours : tous sont réalisés ou abandonnés, aucun n'est reconduit._",
          "_No open commitment: all are done or dropped, none carries over._",
        ),
      ),
    );
  groups.forEach((group, i) => {
    const options = group.map(carryOption);
    const element: Checkboxes = {
      type: "checkboxes",
      action_id: INPUT_ACTION,
      options,
      initial_options: options,
    };
    const first = i * PER_GROUP + 1;
    const range = groups.length > 1 ? ` (${first}–${first + group.length - 1})` : "";
    blocks.push({
      type: "input",
      block_id: `${BLOCKS.carry}${i}`,
      optional: true,
      label: {
        type: "plain_text",
        text: tr(locale, `Engagements reconduits${range}`, `Commitments carried over${range}`),
      },
      ...(i === 0
        ? {
            hint: {
              type: "plain_text",
              text: tr(
                locale,
                "Les engagements non réalisés, tous cochés : chacun prend une nouvelle référence, garde ses pilotes, ses indicateurs et ses jalons ouverts, et renvoie à son ancienne fiche et à son historique.",
                "The unfinished commitments, all ticked: each takes a new ref, keeps its owners, indicators and open milestones, and links to its old sheet and history.",
              ),
            },
          }
        : {}),
      element,
    });
  });
  return formModal(
    {
      callbackId: CALLBACKS.renewContract,
      title: tr(locale, "Renouveler le contrat", "Renew the contract"),
      submit: tr(locale, "Renouveler", "Renew"),
      privateMetadata: m.privateMetadata,
      blocks,
    },
    locale,
  );
}

const nextName = (closed: ClosedContract, locale: Locale): string =>
  closed.successor
    ? tr(
        locale,
        ` ; il est suivi par *${plain(closed.successor.title, 200)}* (\`${esc(closed.successor.ref)}\`) : \`${COMMAND} contrat ${esc(closed.successor.ref)}\``,
        `; it is followed by *${plain(closed.successor.title, 200)}* (\`${esc(closed.successor.ref)}\`): \`${COMMAND} contract ${esc(closed.successor.ref)}\``,
      )
    : "";

/** Why a change is refused on a closed contract, naming the one that follows it. */
export const contractClosedText = (closed: ClosedContract, locale: Locale): string =>
  tr(
    locale,
    `:lock: Le contrat *${plain(closed.title, 200)}* (\`${esc(closed.ref)}\`) est clos depuis son renouvellement : il ne se modifie plus${nextName(closed, "fr")}.`,
    `:lock: The contract *${plain(closed.title, 200)}* (\`${esc(closed.ref)}\`) is closed since its renewal: it takes no more changes${nextName(closed, "en")}.`,
  );

/** The same words for a modal's inline error (plain text, no mrkdwn). */
export const contractClosedError = (closed: ClosedContract, locale: Locale): string =>
  tr(
    locale,
    `Le contrat ${closed.title} (${closed.ref}) est clos depuis son renouvellement : il ne se modifie plus${closed.successor ? ` ; il est suivi par ${closed.successor.title} (${closed.successor.ref})` : ""}.`,
    `The contract ${closed.title} (${closed.ref}) is closed since its renewal: it takes no more changes${closed.successor ? `; it is followed by ${closed.successor.title} (${closed.successor.ref})` : ""}.`,
  );

export const contractClosedReply = (closed: ClosedContract, locale: Locale): Reply =>
  textReply(contractClosedText(closed, locale));

export const renewalNotCoordinatorText = (locale: Locale): string =>
  tr(
    locale,
    ":lock: Seul un coordonnateur de ce contrat peut le renouveler.",
    ":lock: Only a coordinator of this contract may renew it.",
  );

/** « Déjà renouvelé »: the contract is closed, followed by another. */
export const alreadyRenewedText = (closed: ClosedContract, locale: Locale): string =>
  tr(
    locale,
    `:information_source: Le contrat *${plain(closed.title, 200)}* (\`${esc(closed.ref)}\`) a déjà été renouvelé${nextName(closed, "fr")}.`,
    `:information_source: The contract *${plain(closed.title, 200)}* (\`${esc(closed.ref)}\`) was renewed already${nextName(closed, "en")}.`,
  );

/** Why a renewal is not made: the asker does not coordinate the contract, or it was renewed already. */
export const renewalRefusedText = (refusal: RenewalRefusal, locale: Locale): string =>
  refusal.why === "already_renewed" ? alreadyRenewedText(refusal.closed, locale) : renewalNotCoordinatorText(locale);

/** To the coordinator who renewed: what was made, what carried over, where the final report is. */
export function contractRenewedMessage(
  r: { old: Contract; next: Contract; carried: readonly { from: string; to: string }[] },
  locale: Locale,
): Reply {
  const lines = r.carried.slice(0, 40).map((c) => `${esc(c.from)} → ${esc(c.to)}`);
  const more = r.carried.length - lines.length;
  const carried = r.carried.length
    ? `${tr(locale, "Reconduits", "Carried over")} (${countOf(r.carried.length, locale, tr(locale, "engagement", "commitment"), tr(locale, "engagements", "commitments"))}) : ${lines.join(", ")}${more > 0 ? ` … (+${more})` : ""}`
    : tr(locale, "Aucun engagement reconduit.", "No commitment carried over.");
  return {
    text: tr(locale, `Contrat ${esc(r.next.ref)} créé`, `Contract ${esc(r.next.ref)} created`),
    blocks: [
      section(
        tr(
          locale,
          `:white_check_mark: *${plain(r.next.title, 200)}* (\`${esc(r.next.ref)}\`) suit *${plain(r.old.title, 200)}* du ${formatDateLong(r.next.signedOn, "fr")} au ${formatDateLong(r.next.endsOn, "fr")}.`,
          `:white_check_mark: *${plain(r.next.title, 200)}* (\`${esc(r.next.ref)}\`) follows *${plain(r.old.title, 200)}* from ${formatDateLong(r.next.signedOn, "en")} to ${formatDateLong(r.next.endsOn, "en")}.`,
        ),
      ),
      section(carried),
      context(
        tr(
          locale,
          `:lock: \`${esc(r.old.ref)}\` est désormais clos (lecture seule) : son point hebdomadaire et ses rappels s'arrêtent. Son rapport final suit dans cette conversation.`,
          `:lock: \`${esc(r.old.ref)}\` is now closed (read-only): its weekly digest and reminders stop. Its final report follows in this conversation.`,
        ),
      ),
    ],
  };
}

/**
 * The form was answered but the renewal could not be written (renewed meanwhile by someone else, the ref just
 * taken, the database failing): `why` is Vigie's own words; nothing was made.
 */
export const renewalNotMadeText = (why: string, locale: Locale): string =>
  tr(
    locale,
    `:warning: Le contrat n'a pas été renouvelé, rien n'a été créé.${why ? ` ${why}` : ""} Relancez \`${COMMAND} contrat renouveler\` si besoin.`,
    `:warning: The contract was not renewed, nothing was made.${why ? ` ${why}` : ""} Run \`${COMMAND} contract renew\` again if need be.`,
  );

/** The final report's file title (the report itself is in French). */
export const finalReportTitle = (old: Pick<Contract, "title">): string => `Rapport final — ${old.title}`;

/** The comment sent with the closed contract's final report. */
export const finalReportComment = (old: Contract, locale: Locale): string =>
  tr(
    locale,
    `:bookmark_tabs: Rapport final de *${plain(old.title, 200)}* (\`${esc(old.ref)}\`), à sa clôture. Document de travail, diffusion restreinte aux membres du COPIL.`,
    `:bookmark_tabs: Final report of *${plain(old.title, 200)}* (\`${esc(old.ref)}\`), as it closes (in French). Working document, for COPIL members only.`,
  );

/** The report could not be sent (Slack refused the file): said, with how to get it later. */
export const finalReportFailedText = (old: Contract, locale: Locale): string =>
  tr(
    locale,
    `:warning: Le rapport final de \`${esc(old.ref)}\` n'a pas pu vous être envoyé. Tapez \`${COMMAND} rapport\` dans le canal du contrat ou après \`${COMMAND} contrat ${esc(old.ref)}\` pour le recevoir.`,
    `:warning: The final report of \`${esc(old.ref)}\` could not be sent to you. Type \`${COMMAND} report\` in the contract's channel or after \`${COMMAND} contract ${esc(old.ref)}\` to get it.`,
  );

/** Under a sheet: the commitment it carries over (previous contract) and the one carrying it over (next contract). */
export function carriedLinkBlocks(
  links: { from: { contractRef: string; ref: string } | null; to: { contractRef: string; ref: string } | null },
  locale: Locale,
): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const see = (l: { contractRef: string; ref: string }, label: string) =>
    actions([
      button(
        ACTIONS.showCommitment,
        label,
        encodeNavValue(`${tr(locale, "voir", "show")} ${l.contractRef} ${l.ref}`, locale),
      ),
    ]);
  if (links.from) {
    blocks.push(
      context(
        tr(
          locale,
          `:leftwards_arrow_with_hook: Reprend l'engagement ${esc(links.from.ref)} du contrat précédent (\`${esc(links.from.contractRef)}\`) : sa fiche et son historique y restent.`,
          `:leftwards_arrow_with_hook: Carries over commitment ${esc(links.from.ref)} of the previous contract (\`${esc(links.from.contractRef)}\`): its sheet and history stay there.`,
        ),
      ),
      see(links.from, tr(locale, `Voir l'ancienne fiche ${links.from.ref}`, `See the old sheet ${links.from.ref}`)),
    );
  }
  if (links.to) {
    blocks.push(
      context(
        tr(
          locale,
          `:arrow_right_hook: Reconduit dans le contrat \`${esc(links.to.contractRef)}\` sous la référence ${esc(links.to.ref)}.`,
          `:arrow_right_hook: Carried over into contract \`${esc(links.to.contractRef)}\` as ${esc(links.to.ref)}.`,
        ),
      ),
      see(links.to, tr(locale, `Voir la fiche ${links.to.ref}`, `See sheet ${links.to.ref}`)),
    );
  }
  return blocks;
}
