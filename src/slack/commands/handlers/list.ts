import { statusLabel } from "../../../domain/format.js";
import { STATUSES } from "../../../domain/types.js";
import { colon, plain, section } from "../../views/blocks.js";
import { partyLabel } from "../../views/commitment-text.js";
import { commitmentListReply } from "../../views/list-blocks.js";
import { tr } from "../../views/locale.js";
import type { CommandHandler } from "../context.js";
import { parseListArgs } from "../parse.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi liste [partie] [statut]`: « en retard » also covers commitments whose due date has passed. */
export const showList: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { locale } = ctx;
  const args = parseListArgs(ctx.args, contract.parties);
  if (args.unknown.length) {
    const parties = contract.parties.map((p) => p.label).join(", ");
    const statuses = STATUSES.map((s) => statusLabel(s, locale).toLowerCase()).join(", ");
    const typed = plain(args.unknown.join(" "), 200);
    const example = tr(locale, "/csi liste ville en-retard", "/csi list city late");
    return {
      text: tr(locale, "Filtre non compris", "Filter not understood"),
      blocks: [
        section(
          tr(
            locale,
            `:grey_question: Je n'ai pas compris « ${typed} ». Vous pouvez filtrer par partie (${plain(parties, 500)}) et par statut (${statuses}), dans n'importe quel ordre. Exemple : \`${example}\``,
            `:grey_question: I did not understand "${typed}". You can filter by party (${plain(parties, 500)}) and by status (${statuses}), in any order. Example: \`${example}\``,
          ),
        ),
      ],
    };
  }
  const today = todayOf(ctx);
  const items = await ctx.deps.store.commitments.listFiltered(contract.id, {
    party: args.party ?? undefined,
    statuses: args.status ? [args.status] : undefined,
    statusesOrOverdueOn: args.status === "LATE" ? today : undefined,
  });
  const order = contract.parties.map((p) => p.code);
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  items.sort((a, b) => rank(a.party) - rank(b.party) || a.ref.localeCompare(b.ref));
  const filters = [
    args.party ? `${tr(locale, "Partie", "Party")}${colon(locale)}${plain(partyLabel(args.party, contract.parties), 100)}` : null,
    args.status
      ? `${tr(locale, "Statut", "Status")}${colon(locale)}${statusLabel(args.status, locale)}${args.status === "LATE" ? tr(locale, " (et échéances dépassées)", " (and overdue)") : ""}`
      : null,
  ].filter((x): x is string => x !== null);
  return commitmentListReply({
    title: tr(locale, "Engagements du contrat", "Commitments of the contract"),
    description: filters.join(" · ") || tr(locale, "Tous les engagements", "All commitments"),
    commitments: items,
    parties: contract.parties,
    today,
    nav: navOf(ctx, `${tr(locale, "liste", "list")} ${ctx.rest}`.trim()),
    empty: tr(locale, "Aucun engagement ne correspond à ces critères.", "No commitment matches these criteria."),
  });
};
