import { statusLabel } from "../../../domain/format.js";
import { canManage } from "../../../domain/permissions.js";
import { missingFields } from "../../../domain/to-complete.js";
import type { Commitment, Contract } from "../../../domain/types.js";
import { ACTIONS } from "../../ids.js";
import { button, colon, plain } from "../../views/blocks.js";
import { partyLabel, toCompleteText } from "../../views/commitment-text.js";
import { commitmentListReply } from "../../views/list-blocks.js";
import { tr } from "../../views/locale.js";
import type { CommandContext, CommandHandler } from "../context.js";
import { parseListArgs } from "../parse.js";
import { contractOrReply, filterNotUnderstoodReply, listSelected, navOf, todayOf } from "../read-helpers.js";

/** `sans-pilote` (no owner) and `a-completer` (decided in a meeting, owner or due date missing): lists of their own. */
const SPECIAL: Record<string, "ownerless" | "toComplete"> = {
  "sans-pilote": "ownerless",
  "sans-pilotes": "ownerless",
  "sans pilote": "ownerless",
  ownerless: "ownerless",
  unowned: "ownerless",
  "a-completer": "toComplete",
  "à-compléter": "toComplete",
  "a completer": "toComplete",
  "à compléter": "toComplete",
  incomplete: "toComplete",
};

/** `/csi liste [partie] [statut]`: « en retard » also covers commitments whose due date has passed. */
export const showList: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { locale } = ctx;
  const special = SPECIAL[ctx.rest.trim().toLowerCase()];
  const toComplete = new Set(await ctx.deps.store.dashboard.listToCompleteIds(contract.id));
  const noteOf = (c: Commitment) => (toComplete.has(c.id) ? toCompleteText(missingFields(c), locale) : null);
  const today = todayOf(ctx, contract);
  if (special) return specialList(ctx, contract, special, toComplete, noteOf);
  const args = parseListArgs(ctx.args, contract.parties);
  if (args.unknown.length)
    return filterNotUnderstoodReply(ctx, contract, args.unknown, {
      fr: "/csi liste ville en-retard",
      en: "/csi list city late",
    });
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
    noteOf,
  });
};

/** Open commitments nobody owns, or decided in a meeting and not completed; coordinators get the edit form's button. */
async function specialList(
  ctx: CommandContext,
  contract: Contract,
  kind: "ownerless" | "toComplete",
  toComplete: ReadonlySet<string>,
  noteOf: (c: Commitment) => string | null,
) {
  const { locale } = ctx;
  const open = await listSelected(ctx, contract, { party: null, status: null, unknown: [] }, todayOf(ctx, contract));
  const items = open.filter((c) =>
    kind === "ownerless"
      ? c.owners.length === 0 && c.status !== "DONE" && c.status !== "DROPPED"
      : toComplete.has(c.id),
  );
  const coordinator = canManage(ctx.role);
  const word = kind === "ownerless" ? tr(locale, "Attribuer", "Assign") : tr(locale, "Compléter", "Complete");
  return commitmentListReply({
    title:
      kind === "ownerless"
        ? tr(locale, "Engagements sans pilote", "Commitments without an owner")
        : tr(locale, "Engagements à compléter", "Commitments to complete"),
    description:
      kind === "ownerless"
        ? tr(locale, "Personne n'est relancé à leur sujet", "Nobody is reminded about them")
        : tr(
            locale,
            "Décidés en réunion, sans pilote ou sans échéance",
            "Decided in a meeting, without an owner or a due date",
          ),
    commitments: items,
    parties: contract.parties,
    today: todayOf(ctx, contract),
    nav: navOf(ctx, `${tr(locale, "liste", "list")} ${ctx.rest}`.trim()),
    empty:
      kind === "ownerless"
        ? tr(locale, "Tous les engagements en cours ont un pilote.", "Every open commitment has an owner.")
        : tr(locale, "Rien à compléter.", "Nothing to complete."),
    noteOf,
    buttonOf: coordinator ? (c) => button(ACTIONS.openEditCommitment, word, c.id) : undefined,
  });
}
