import { canManage } from "../../../domain/permissions.js";
import { missingFields } from "../../../domain/to-complete.js";
import type { Commitment, Contract } from "../../../domain/types.js";
import { ACTIONS } from "../../ids.js";
import { button } from "../../views/blocks.js";
import { partyLabel, toCompleteText } from "../../views/commitment-text.js";
import { commitmentListReply } from "../../views/list-blocks.js";
import { type ListHeading, listEditWord, listHeading } from "../../views/list-headings.js";
import type { CommandContext, CommandHandler } from "../context.js";
import { commandWord, parseListArgs } from "../parse.js";
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
  const heading: ListHeading = {
    list: "all",
    partyLabel: args.party ? partyLabel(args.party, contract.parties) : null,
    status: args.status,
  };
  return commitmentListReply({
    ...listHeading(heading, locale),
    commitments: items,
    parties: contract.parties,
    today,
    nav: navOf(ctx, `${commandWord("list", locale)} ${ctx.rest}`.trim()),
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
  const word = listEditWord(kind, locale);
  return commitmentListReply({
    ...listHeading({ list: kind }, locale),
    commitments: items,
    parties: contract.parties,
    today: todayOf(ctx, contract),
    nav: navOf(ctx, `${commandWord("list", locale)} ${ctx.rest}`.trim()),
    noteOf,
    buttonOf: coordinator ? (c) => button(ACTIONS.openEditCommitment, word, c.id) : undefined,
  });
}
