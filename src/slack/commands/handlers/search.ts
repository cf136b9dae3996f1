import { plain, section } from "../../views/blocks.js";
import { commitmentListReply } from "../../views/list-blocks.js";
import { tr } from "../../views/locale.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi cherche TEXTE`: every word in the ref, title or description, accents and case ignored. */
export const searchCommitments: CommandHandler = async (ctx) => {
  const { locale } = ctx;
  const query = ctx.rest.slice(0, 500);
  if (!query.trim()) {
    const example = tr(locale, "/csi cherche vidéo", "/csi search video");
    return {
      text: tr(locale, "Que cherchez-vous ?", "What are you looking for?"),
      blocks: [
        section(
          tr(
            locale,
            `:mag: Indiquez un ou plusieurs mots à chercher, par exemple \`${example}\`.`,
            `:mag: Give one or more words to look for, e.g. \`${example}\`.`,
          ),
        ),
      ],
    };
  }
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const results = await ctx.deps.store.commitments.search(contract.id, query);
  return commitmentListReply({
    title: tr(locale, "Résultats de la recherche", "Search results"),
    description: tr(locale, `« ${plain(query, 200)} »`, `"${plain(query, 200)}"`),
    commitments: results,
    parties: contract.parties,
    today: todayOf(ctx, contract),
    nav: navOf(ctx, `${tr(locale, "cherche", "search")} ${query}`),
    empty: tr(
      locale,
      `Aucun engagement ne contient « ${plain(query, 200)} ». Essayez un mot plus court ou \`/csi liste\`.`,
      `No commitment contains "${plain(query, 200)}". Try a shorter word or \`/csi list\`.`,
    ),
  });
};
