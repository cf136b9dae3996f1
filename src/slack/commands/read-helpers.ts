// What every read sub-command needs first: the contract, today's date in Paris, its navigation.
import { localDateOf } from "../../domain/due-instants.js";
import { findRef, normalizeRef } from "../../domain/refs.js";
import type { Commitment, Contract, IsoDate } from "../../domain/types.js";
import { chooseContractReply } from "../views/contract-blocks.js";
import { ephemeralNav, type Nav } from "../views/pagination.js";
import { noContractReply, filterNotUnderstoodReply as notUnderstood } from "../views/read-replies.js";
import type { Reply } from "../views/reply.js";
import type { CommandContext } from "./context.js";
import type { ListArgs } from "./parse.js";

export const todayOf = (ctx: Pick<CommandContext, "deps">): IsoDate =>
  localDateOf(ctx.deps.now(), ctx.deps.config.schedule.timezone);

export const navOf = (ctx: CommandContext, fallbackText: string): Nav =>
  ctx.nav ?? ephemeralNav(fallbackText, ctx.locale);

/** The contract the command is about, or the reply to give: which contract (several could be meant), or none loaded. */
export async function contractOrReply(ctx: CommandContext): Promise<{ contract: Contract } | { reply: Reply }> {
  if (ctx.contract) return { contract: ctx.contract };
  if (ctx.choices?.length) return { reply: chooseContractReply(ctx.choices, ctx.locale) };
  return { reply: noContractReply(ctx.locale) };
}

/**
 * The commitment a REF names: straight from the unique index when the ref normalizes; only when it is not
 * there, every ref is listed to match loosely or to suggest the closest.
 */
export async function lookUpRef(
  ctx: CommandContext,
  contract: Contract,
): Promise<{ commitment: Commitment } | { suggestions: string[] }> {
  const { commitments } = ctx.deps.store;
  const wanted = normalizeRef(ctx.rest);
  const direct = wanted ? await commitments.findByRef(contract.id, wanted) : null;
  if (direct) return { commitment: direct };
  const match = findRef(ctx.rest, await commitments.listRefs(contract.id));
  const commitment = match.exact ? await commitments.findByRef(contract.id, match.exact) : null;
  return commitment ? { commitment } : { suggestions: match.suggestions };
}

/** The commitments a `[partie] [statut]` filter selects, in the contract's party order then by ref. */
export async function listSelected(
  ctx: CommandContext,
  contract: Contract,
  args: ListArgs,
  today: IsoDate,
): Promise<Commitment[]> {
  const items = await ctx.deps.store.commitments.listFiltered(contract.id, {
    party: args.party ?? undefined,
    statuses: args.status ? [args.status] : undefined,
    // « en retard » also covers commitments whose due date has passed.
    statusesOrOverdueOn: args.status === "LATE" ? today : undefined,
  });
  const order = contract.parties.map((p) => p.code);
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  return items.sort((a, b) => rank(a.party) - rank(b.party) || a.ref.localeCompare(b.ref));
}

/** The answer to filter words that are neither a party nor a status (worded in views/read-replies.ts). */
export const filterNotUnderstoodReply = (
  ctx: CommandContext,
  contract: Contract,
  unknown: readonly string[],
  example: { fr: string; en: string },
): Reply => notUnderstood({ partyLabels: contract.parties.map((p) => p.label), unknown, example, locale: ctx.locale });
