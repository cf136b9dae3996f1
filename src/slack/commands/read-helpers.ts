// What every read sub-command needs first: the contract, today's date in the contract's zone, its navigation.

import { normalizeContractRef } from "../../domain/contract-input.js";
import { localDateOf } from "../../domain/due-instants.js";
import { canRead } from "../../domain/permissions.js";
import { findRef, normalizeRef } from "../../domain/refs.js";
import type { Commitment, Contract, IsoDate } from "../../domain/types.js";
import { coordinatorsOf, roleOf } from "../../use-cases/role-of.js";
import { chooseContractReply } from "../views/contract-blocks.js";
import { ephemeralNav, type Nav } from "../views/pagination.js";
import { noContractReply, filterNotUnderstoodReply as notUnderstood } from "../views/read-replies.js";
import { readRefusalReply } from "../views/refusal-blocks.js";
import type { Reply } from "../views/reply.js";
import type { CommandContext } from "./context.js";
import type { ListArgs } from "./parse.js";

/** Today in the contract's own time zone. */
export const todayOf = (ctx: Pick<CommandContext, "deps">, contract: Pick<Contract, "timezone">): IsoDate =>
  localDateOf(ctx.deps.now(), contract.timezone);

export const navOf = (ctx: CommandContext, fallbackText: string): Nav =>
  ctx.nav ?? ephemeralNav(fallbackText, ctx.locale);

/** The contract the command is about, or the reply to give: which contract (several could be meant), or none loaded. */
export async function contractOrReply(ctx: CommandContext): Promise<{ contract: Contract } | { reply: Reply }> {
  if (ctx.contract) return { contract: ctx.contract };
  if (ctx.choices?.length) return { reply: chooseContractReply(ctx.choices, ctx.locale) };
  return { reply: noContractReply(ctx.locale) };
}

/**
 * `voir CONTRAT REF`, `historique CONTRAT REF`: a first word naming another contract of this workspace (a renewed
 * contract's old sheet, the next contract's new one) is read with the person's role there — refused when that
 * contract's reading is kept for its members; `ctx.rest` is then the REF. Otherwise the command's contract.
 */
export async function contractNamedFirst(
  ctx: CommandContext,
): Promise<{ contract: Contract; ctx: CommandContext; named: boolean } | { reply: Reply }> {
  const [first, second] = ctx.args;
  const wanted = first && second ? normalizeContractRef(first) : null;
  const contract = wanted ? (await ctx.deps.store.contracts.list()).find((c) => c.ref === wanted) : undefined;
  if (!contract) {
    const found = await contractOrReply(ctx);
    return "reply" in found ? found : { contract: found.contract, ctx, named: false };
  }
  const role = contract.id === ctx.contract?.id ? ctx.role : await roleOf(ctx.deps.store, ctx.userId, contract.id);
  if (!canRead(role, ctx.deps.config.readAccess))
    return { reply: readRefusalReply(ctx.locale, await coordinatorsOf(ctx.deps.store, contract.id)) };
  return { contract, ctx: { ...ctx, rest: ctx.args.slice(1).join(" "), role }, named: true };
}

/** Longer than any ref: not looked up as typed. */
const MAX_REF_LENGTH = 60;

/**
 * The commitment a REF names: straight from the unique index when the ref normalizes, or as typed (in capitals)
 * for a ref of another shape (imported data); only when it is not there, every ref is listed to match loosely or
 * to suggest the closest.
 */
export async function lookUpRef(
  ctx: CommandContext,
  contract: Contract,
): Promise<{ commitment: Commitment } | { suggestions: string[] }> {
  const { commitments } = ctx.deps.store;
  const typed = ctx.rest.trim().toUpperCase();
  const wanted = normalizeRef(ctx.rest) ?? (typed && typed.length <= MAX_REF_LENGTH ? typed : null);
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
