// What every read sub-command needs first: the contract, today's date in Paris, its navigation.
import { localDateOf } from "../../domain/due-instants.js";
import type { Contract, IsoDate } from "../../domain/types.js";
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
