import { JOURNAL_PAGE_SIZE, parseJournalArgs } from "../../../domain/journal.js";
import { findRef } from "../../../domain/refs.js";
import { plain, section } from "../../views/blocks.js";
import { journalReply } from "../../views/journal-blocks.js";
import { tr } from "../../views/locale.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, navOf } from "../read-helpers.js";

/** `/csi journal [REF|role|reunions|imports] [page N]` (coordinators): the audit trail, newest first. */
export const showJournal: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { locale } = ctx;
  const args = parseJournalArgs(ctx.args);
  if (args.unknown.length)
    return {
      text: tr(locale, "Filtre non compris", "Filter not understood"),
      blocks: [
        section(
          tr(
            locale,
            `:grey_question: Je n'ai pas compris « ${plain(args.unknown.join(" "), 200)} ». Écrivez \`/csi journal\`, suivi au choix d'une référence (\`ETAT-08\`), de \`role\`, \`reunions\` ou \`imports\`, et de \`page 2\` pour aller plus loin.`,
            `:grey_question: I did not understand "${plain(args.unknown.join(" "), 200)}". Type \`/csi journal\`, optionally followed by a reference (\`ETAT-08\`), \`role\`, \`meetings\` or \`imports\`, and \`page 2\` to go further.`,
          ),
        ),
      ],
    };
  let filter = args.filter;
  if (filter.kind === "commitment") {
    const match = findRef(filter.ref, await ctx.deps.store.commitments.listRefs(contract.id));
    if (!match.exact) {
      const hint = match.suggestions.length
        ? tr(
            locale,
            ` Vouliez-vous dire ${match.suggestions.join(", ")} ?`,
            ` Did you mean ${match.suggestions.join(", ")}?`,
          )
        : "";
      return {
        text: tr(locale, "Engagement introuvable", "Commitment not found"),
        blocks: [
          section(
            tr(
              locale,
              `:mag: Je ne trouve pas d'engagement « ${plain(filter.ref, 40)} ».${hint}`,
              `:mag: I can't find a commitment "${plain(filter.ref, 40)}".${hint}`,
            ),
          ),
        ],
      };
    }
    filter = { kind: "commitment", ref: match.exact };
  }
  // « page N » typed wins over the button's page; the buttons carry the command without it.
  const base = navOf(ctx, "journal");
  const nav = { ...base, text: base.text.replace(/\s+page\s+\d{1,5}\b/i, "").trim() };
  const page = args.page ?? nav.page;
  const { entries, total } = await ctx.deps.store.audit.listJournal(contract.id, filter, {
    offset: page * JOURNAL_PAGE_SIZE,
    limit: JOURNAL_PAGE_SIZE,
  });
  return journalReply({
    entries,
    total,
    page,
    pageSize: JOURNAL_PAGE_SIZE,
    filter,
    timezone: contract.timezone,
    nav,
  });
};
