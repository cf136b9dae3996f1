import { statusLabel } from "../../../domain/format.js";
import { colon, plain } from "../../views/blocks.js";
import { partyLabel } from "../../views/commitment-text.js";
import { commitmentListReply } from "../../views/list-blocks.js";
import { tr } from "../../views/locale.js";
import type { CommandHandler } from "../context.js";
import { parseListArgs } from "../parse.js";
import { contractOrReply, filterNotUnderstoodReply, listSelected, navOf, todayOf } from "../read-helpers.js";

/** `/csi liste [partie] [statut]`: « en retard » also covers commitments whose due date has passed. */
export const showList: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { locale } = ctx;
  const args = parseListArgs(ctx.args, contract.parties);
  if (args.unknown.length)
    return filterNotUnderstoodReply(ctx, contract, args.unknown, {
      fr: "/csi liste ville en-retard",
      en: "/csi list city late",
    });
  const today = todayOf(ctx);
  const items = await listSelected(ctx, contract, args, today);
  const filters = [
    args.party
      ? `${tr(locale, "Partie", "Party")}${colon(locale)}${plain(partyLabel(args.party, contract.parties), 100)}`
      : null,
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
