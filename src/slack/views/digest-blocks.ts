// The weekly digest as Block Kit: one screen (≤ 20 blocks), the full lists behind « Détails » buttons. Pure.
import type { Button, KnownBlock, ModalView } from "@slack/types";
import { DIGEST_SECTIONS, type Digest, type DigestCommitment, type DigestSection } from "../../domain/digest.js";
import { formatDateLong, progressBar, statusCount } from "../../domain/format.js";
import { truncate } from "../../domain/text.js";
import type { Locale } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import {
  actions,
  button,
  context,
  divider,
  esc,
  fieldsSection,
  header,
  section as mrkdwn, // `section` names a digest section here
} from "./blocks.js";
import { sectionLines, sectionTitle } from "./digest-section-lines.js";
import { tr } from "./locale.js";
import type { Reply } from "./reply.js";

/** Sections left out of the message when they have nothing to say. */
const QUIET_WHEN_EMPTY: readonly DigestSection[] = [
  "undeliverable",
  "atRisk",
  "pending",
  "postponed",
  "ownerless",
  "toComplete",
  "awaitingReturn",
];

/** Lines of each list shown in the message itself; the rest is in the details modal. */
export const DIGEST_TOP = 5;
/** Slack allows 100 blocks in a modal. */
const MODAL_LINES = 90;

const count = (d: Digest, s: DigestSection): number => d[s].length;

interface DigestMessageOptions {
  timezone: string;
  locale: Locale;
  contractTitle?: string;
  /** `/csi digest`: the same digest, marked as a preview. */
  preview?: boolean;
}

export function digestMessage(d: Digest, o: DigestMessageOptions): Reply {
  const { locale } = o;
  const week = d.isoWeek.replace(/^(\d{4})-W(\d{2})$/, (_m, y: string, w: string) =>
    tr(locale, `semaine ${Number(w)} de ${y}`, `week ${Number(w)} of ${y}`),
  );
  const text = tr(locale, `Point hebdomadaire — ${week}`, `Weekly digest — ${week}`);
  const blocks: KnownBlock[] = [
    header(text),
    context(
      (o.contractTitle ? `${esc(o.contractTitle)} · ` : "") +
        formatDateLong(d.today, locale) +
        (o.preview ? tr(locale, " · _aperçu du prochain point hebdomadaire_", " · _preview of the next digest_") : ""),
    ),
    fieldsSection([
      `*${tr(locale, "En retard", "Overdue")}*\n${d.overdue.length}`,
      `*${tr(locale, "Vigilance", "At risk")}*\n${d.atRisk.length}`,
      `*${tr(locale, "Échéances à 14 jours", "Due within 14 days")}*\n${d.dueSoon.length}`,
      `*${tr(locale, "Sans nouvelles > 30 j", "Silent > 30 days")}*\n${d.silent.length}`,
    ]),
  ];
  if (d.parties.length) {
    blocks.push(
      mrkdwn(
        `*${tr(locale, "Avancement par partie", "Progress per party")}*\n` +
          d.parties
            .map(
              (p) =>
                `${esc(p.label)} : \`${progressBar(p.meanProgress, 10, locale)}\` — ${tr(locale, `${statusCount("DONE", p.done, locale)} sur ${p.total}`, `${p.done} of ${p.total} done`)}${p.overdue ? tr(locale, `, ${p.overdue} en retard`, `, ${p.overdue} overdue`) : ""}`,
            )
            .join("\n"),
      ),
    );
  }
  blocks.push(divider());
  const detailButtons: Button[] = [];
  for (const s of DIGEST_SECTIONS) {
    const n = count(d, s);
    if (n === 0 && QUIET_WHEN_EMPTY.includes(s)) continue;
    const lines = sectionLines(d, s, o.timezone, locale);
    const body =
      n === 0 ? tr(locale, "_Rien à signaler._", "_Nothing to report._") : lines.slice(0, DIGEST_TOP).join("\n");
    const more =
      n > DIGEST_TOP ? `\n${tr(locale, `… et ${n - DIGEST_TOP} de plus`, `… and ${n - DIGEST_TOP} more`)}` : "";
    blocks.push(mrkdwn(`*${sectionTitle(s, locale)}* (${n})\n${body}${more}`));
    if (n > DIGEST_TOP) {
      const label = sectionTitle(s, locale).replace(/^:[a-z_]+: /, "");
      detailButtons.push(
        button(`${ACTIONS.digestDetails}_${s}`, tr(locale, `Détails : ${label}`, `Details: ${label}`), s),
      );
    }
  }
  if (detailButtons.length) blocks.push(actions(detailButtons));
  /** One button per commitment, to its sheet's edit form. */
  const editButtons = (list: readonly DigestCommitment[], label: (ref: string) => string) =>
    actions(list.slice(0, DIGEST_TOP).map((c) => button(ACTIONS.openEditCommitment, label(c.ref), c.id)));
  // « Sans pilote »: the edit form is where owners are named.
  if (d.ownerless.length)
    blocks.push(editButtons(d.ownerless, (ref) => tr(locale, `Attribuer ${ref}`, `Assign ${ref}`)));
  // « À compléter »: the same edit form, for those that have owners but no due date (the others are above).
  const toCompleteOnly = d.toComplete.filter((c) => c.owners.length > 0);
  if (toCompleteOnly.length)
    blocks.push(editButtons(toCompleteOnly, (ref) => tr(locale, `Compléter ${ref}`, `Complete ${ref}`)));
  blocks.push(
    context(
      tr(
        locale,
        "Chaque fiche : `/csi voir REF` · Vos engagements : `/csi mes`",
        "Any commitment: `/csi show REF` · Yours: `/csi mine`",
      ),
    ),
  );
  return { text, blocks };
}

/** The full list of one digest section, opened from its « Détails » button. */
export function digestDetailsModal(d: Digest, section: DigestSection, timezone: string, locale: Locale): ModalView {
  const lines = sectionLines(d, section, timezone, locale);
  const blocks: KnownBlock[] = [];
  // Several lines per block keep the modal under Slack's 100 blocks.
  for (let i = 0; i < Math.min(lines.length, MODAL_LINES * 10); i += 10)
    blocks.push(mrkdwn(lines.slice(i, i + 10).join("\n")));
  if (blocks.length === 0) blocks.push(mrkdwn(tr(locale, "_Rien à signaler._", "_Nothing to report._")));
  return {
    type: "modal",
    title: { type: "plain_text", text: truncate(tr(locale, "Point hebdo — détails", "Digest — details"), 24) },
    close: { type: "plain_text", text: tr(locale, "Fermer", "Close") },
    blocks: [mrkdwn(`*${sectionTitle(section, locale)}* (${lines.length})`), ...blocks.slice(0, 99)],
  };
}

export const isDigestSection = (s: unknown): s is DigestSection =>
  typeof s === "string" && (DIGEST_SECTIONS as readonly string[]).includes(s);
