// What every read sub-command needs first: the contract, today's date in Paris, its navigation.
import { localDateOf } from "../../domain/due-instants.js";
import { findRef, normalizeRef } from "../../domain/refs.js";
import type { Commitment, Contract, IsoDate } from "../../domain/types.js";
import { section } from "../views/blocks.js";
import { tr } from "../views/locale.js";
import { ephemeralNav, type Nav } from "../views/pagination.js";
import type { Reply } from "../views/reply.js";
import type { CommandContext } from "./context.js";

export const todayOf = (ctx: Pick<CommandContext, "deps">): IsoDate => localDateOf(ctx.deps.now(), ctx.deps.config.timezone);

export const navOf = (ctx: CommandContext, fallbackText: string): Nav => ctx.nav ?? ephemeralNav(fallbackText, ctx.locale);

/** The contract a workspace follows, or the reply to give when none has been loaded yet. */
export async function contractOrReply(ctx: CommandContext): Promise<{ contract: Contract } | { reply: Reply }> {
  const contract = await ctx.deps.store.contracts.findDefault();
  if (contract) return { contract };
  return {
    reply: {
      text: tr(ctx.locale, "Aucun contrat chargé", "No contract loaded"),
      blocks: [
        section(
          tr(
            ctx.locale,
            ":inbox_tray: Aucun contrat n'est encore chargé dans Vigie. Un coordinateur doit d'abord importer le contrat.",
            ":inbox_tray: No contract has been loaded into Vigie yet. A coordinator must import it first.",
          ),
        ),
      ],
    },
  };
}

/**
 * The commitment a REF names: straight from the unique index when the ref normalizes; only when it is not
 * there, every ref is listed to match loosely or to suggest the closest.
 */
export async function lookUpRef(ctx: CommandContext, contract: Contract): Promise<{ commitment: Commitment } | { suggestions: string[] }> {
  const { commitments } = ctx.deps.store;
  const wanted = normalizeRef(ctx.rest);
  const direct = wanted ? await commitments.findByRef(contract.id, wanted) : null;
  if (direct) return { commitment: direct };
  const match = findRef(ctx.rest, await commitments.listRefs(contract.id));
  const commitment = match.exact ? await commitments.findByRef(contract.id, match.exact) : null;
  return commitment ? { commitment } : { suggestions: match.suggestions };
}
