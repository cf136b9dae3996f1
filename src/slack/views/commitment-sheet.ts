import type { Button, KnownBlock } from "@slack/types";
import { formatDateLong, formatInstant, plural, progressBar } from "../../domain/format.js";
import type { CommitmentRequest } from "../../domain/requests.js";
import type { Commitment, IsoDate, Locale, Party, ProgressUpdate } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import { actions, button, context, esc, fieldsSection, header, mention, plain, section } from "./blocks.js";
import { indicatorLine, updateText } from "./commitment-sheet-lines.js";
import { dueText, mentions, partyLabel, statusText } from "./commitment-text.js";
import { tr } from "./locale.js";
import { milestoneActions } from "./milestone-messages.js";
import { encodeNavValue, footerBlocks, type Nav } from "./pagination.js";
import type { Reply } from "./reply.js";
import { decisionButtons, pendingLabel, requestDetails } from "./request-messages.js";

interface CommitmentSheetInput {
  commitment: Commitment;
  parties: readonly Party[];
  /** The latest updates in force, newest first (three are shown). */
  latestUpdates: readonly ProgressUpdate[];
  /** The commitment's requests (« Réalisé », new due dates): how its updates were decided. */
  requests?: readonly CommitmentRequest[];
  today: IsoDate;
  timezone: string;
  /** Who is looking: chooses « Suivre » or « Ne plus suivre ». */
  viewerId: string;
  /** An owner of the commitment or a coordinator gets « Mettre à jour »; others see no button they cannot use. */
  canUpdate: boolean;
  /** A coordinator also gets « Modifier » (owners, due date, indicators…). */
  canEdit?: boolean;
  /** Its owners and coordinators get « Franchi » per open milestone and « Dater un jalon ». */
  canTickMilestones?: boolean;
  nav: Nav;
  /** Set when the sheet is read in another contract than the command's (`voir CONTRAT REF`): its history too. */
  contractRef?: string;
}

const MAX_INDICATORS = 10;
const MAX_MILESTONES = 15;

/** `/csi voir REF`: one commitment's sheet. At most 14 blocks. */
export function commitmentSheetReply(input: CommitmentSheetInput): Reply {
  const { commitment: c, nav, today } = input;
  const locale = nav.locale;
  const blocks: KnownBlock[] = [header(`${c.ref} — ${c.title}`)];
  const description = c.description ? `\n${plain(c.description, 1500)}` : "";
  blocks.push(section(`*${plain(c.title, 1200)}*${description}`));

  const fields = [
    `*${tr(locale, "Partie", "Party")}*\n${plain(partyLabel(c.party, input.parties), 200)}`,
    `*${tr(locale, "Service pilote", "Lead service")}*\n${c.leadService ? plain(c.leadService, 300) : "—"}`,
    `*${tr(locale, "Référents", "Owners")}*\n${mentions(c.owners, locale, 15)}`,
    `*${tr(locale, "Échéance", "Due date")}*\n${c.dueOn ? `${formatDateLong(c.dueOn, locale)}\n${dueText(c, today, locale)}` : dueText(c, today, locale)}`,
    `*${tr(locale, "Statut", "Status")}*\n${statusText(c, locale)}`,
    `*${tr(locale, "Avancement", "Progress")}*\n${progressBar(c.progress, 10, locale)}`,
  ];
  if (c.strand) fields.push(`*${tr(locale, "Volet", "Strand")}*\n${plain(c.strand, 300)}`);
  if (c.partners) fields.push(`*${tr(locale, "Partenaires", "Partners")}*\n${plain(c.partners, 500)}`);
  if (c.territory) fields.push(`*${tr(locale, "Territoire", "Area")}*\n${plain(c.territory, 300)}`);
  if (c.funding) fields.push(`*${tr(locale, "Financement", "Funding")}*\n${plain(c.funding, 500)}`);
  blocks.push(fieldsSection(fields));

  if (c.indicators.length) {
    const lines = c.indicators.slice(0, MAX_INDICATORS).map((i) => indicatorLine(i, locale));
    const more = c.indicators.length - lines.length;
    if (more > 0)
      lines.push(
        tr(
          locale,
          `_… et ${more} ${plural(more, "fr", "autre indicateur", "autres indicateurs")}_`,
          `_… and ${more} more ${plural(more, "en", "indicator", "indicators")}_`,
        ),
      );
    blocks.push(section(`*${tr(locale, "Indicateurs", "Indicators")}*\n${lines.join("\n")}`));
  }
  if (c.milestones.length) {
    const lines = c.milestones.slice(0, MAX_MILESTONES).map((m) => {
      const when = m.doneOn
        ? tr(locale, `franchi le ${formatDateLong(m.doneOn, locale)}`, `reached ${formatDateLong(m.doneOn, locale)}`)
        : m.dueOn
          ? tr(locale, `prévu le ${formatDateLong(m.dueOn, locale)}`, `due ${formatDateLong(m.dueOn, locale)}`)
          : tr(locale, "sans date", "no date");
      return `${m.doneOn ? ":white_check_mark:" : ":white_square:"} ${plain(m.title, 160)} — ${when}`;
    });
    const more = c.milestones.length - lines.length;
    if (more > 0)
      lines.push(
        tr(
          locale,
          `_… et ${more} ${plural(more, "fr", "autre jalon", "autres jalons")}_`,
          `_… and ${more} more ${plural(more, "en", "milestone", "milestones")}_`,
        ),
      );
    blocks.push(section(`*${tr(locale, "Jalons", "Milestones")}*\n${lines.join("\n")}`));
    const tick = input.canTickMilestones && !nav.shared ? milestoneActions(c, locale) : null;
    if (tick) blocks.push(tick);
  }
  for (const p of c.pending) {
    const details = requestDetails(p, locale);
    blocks.push(
      section(
        `*${pendingLabel(p.kind, locale)}*\n${tr(locale, "Demandée par", "Asked by")} ${mention(p.requestedBy)}, ${formatInstant(p.requestedAt, input.timezone, locale)}${details ? `\n${details}` : ""}`,
      ),
    );
    if (input.canEdit && p.requestedBy !== input.viewerId && !nav.shared) blocks.push(decisionButtons(p.id, locale));
  }
  if (c.note) blocks.push(context(`:memo: ${plain(c.note, 600)}`));

  const updates = input.latestUpdates.slice(0, 3);
  blocks.push(
    section(
      updates.length
        ? `*${tr(locale, "Dernières mises à jour", "Latest updates")}*`
        : `*${tr(locale, "Dernières mises à jour", "Latest updates")}*\n${tr(locale, "_Aucune mise à jour n'a encore été déclarée._", "_No update has been reported yet._")}`,
    ),
  );
  for (const u of updates)
    blocks.push(
      section(
        updateText(
          u,
          input.timezone,
          locale,
          c.indicators,
          input.requests?.find((r) => r.kind === "DONE" && r.updateId === u.id),
        ),
      ),
    );

  blocks.push(
    context(
      c.followers.length
        ? `${tr(locale, "Suivi par", "Followed by")} ${mentions(c.followers, locale, 10)}`
        : tr(locale, "Personne ne suit encore cet engagement.", "Nobody follows this commitment yet."),
    ),
  );

  const history = button(
    ACTIONS.showHistory,
    tr(locale, ":scroll: Historique", ":scroll: History"),
    encodeNavValue(
      `${tr(locale, "historique", "history")} ${input.contractRef ? `${input.contractRef} ` : ""}${c.ref}`,
      locale,
    ),
  );
  if (nav.shared) {
    blocks.push(actions([history]));
  } else {
    const following = c.followers.includes(input.viewerId);
    const sheetValue = encodeNavValue(nav.text, locale, 0, c.id);
    const extra: Button[] = [
      ...(input.canUpdate
        ? [button(ACTIONS.openUpdate, tr(locale, ":pencil2: Mettre à jour", ":pencil2: Update"), c.id, "primary")]
        : []),
      ...(input.canEdit
        ? [button(ACTIONS.openEditCommitment, tr(locale, ":gear: Modifier", ":gear: Edit"), c.id)]
        : []),
      following
        ? button(ACTIONS.unfollow, tr(locale, ":no_bell: Ne plus suivre", ":no_bell: Unfollow"), sheetValue)
        : button(ACTIONS.follow, tr(locale, ":bell: Suivre", ":bell: Follow"), sheetValue),
      history,
    ];
    blocks.push(...footerBlocks(nav, undefined, extra));
  }
  return { text: esc(`${c.ref} — ${truncateTitle(c.title)}`), blocks };
}

const truncateTitle = (t: string): string => (t.length > 200 ? `${t.slice(0, 199)}…` : t);

/** An unknown REF: say so, keep what was typed, and offer the closest refs as buttons. */
export function refNotFoundReply(
  typed: string,
  suggestions: readonly string[],
  locale: Locale,
  verb: "show" | "history" = "show",
): Reply {
  const shown = plain(typed, 100);
  const blocks: KnownBlock[] = [];
  if (typed.trim() === "") {
    const example =
      verb === "show"
        ? tr(locale, "/csi voir ETAT-08", "/csi show ETAT-08")
        : tr(locale, "/csi historique ETAT-08", "/csi history ETAT-08");
    blocks.push(
      section(
        tr(
          locale,
          `:grey_question: Indiquez la référence de l'engagement, par exemple \`${example}\`.`,
          `:grey_question: Please give the commitment's reference, e.g. \`${example}\`.`,
        ),
      ),
    );
  } else if (suggestions.length) {
    blocks.push(
      section(
        tr(
          locale,
          `:mag: Je ne trouve pas d'engagement « ${shown} ». Vouliez-vous dire :`,
          `:mag: I can't find a commitment "${shown}". Did you mean:`,
        ),
      ),
    );
    const word = verb === "show" ? tr(locale, "voir", "show") : tr(locale, "historique", "history");
    const action = verb === "show" ? ACTIONS.showCommitment : ACTIONS.showHistory;
    // One section per suggestion: an action_id must be unique within a block.
    for (const r of suggestions.slice(0, 5))
      blocks.push(
        section(`• *${esc(r)}*`, button(action, tr(locale, "Voir", "Show"), encodeNavValue(`${word} ${r}`, locale))),
      );
  } else {
    blocks.push(
      section(
        tr(
          locale,
          `:mag: Je ne trouve pas d'engagement « ${shown} ». Les références s'écrivent comme \`ETAT-08\` ou \`VILLE-03\` ; \`/csi liste\` les affiche toutes, \`/csi cherche MOT\` cherche dans les titres.`,
          `:mag: I can't find a commitment "${shown}". References look like \`ETAT-08\` or \`VILLE-03\`; \`/csi list\` shows them all, \`/csi search WORD\` searches the titles.`,
        ),
      ),
    );
  }
  return { text: tr(locale, `Engagement « ${shown} » introuvable`, `Commitment "${shown}" not found`), blocks };
}
