// What every read sub-command needs first: the contract, today's date in Paris, its navigation.
import { localDateOf } from "../../domain/due-instants.js";
import { statusLabel } from "../../domain/format.js";
import { findRef, normalizeRef } from "../../domain/refs.js";
import { type Commitment, type Contract, type IsoDate, STATUSES } from "../../domain/types.js";
import { plain, section } from "../views/blocks.js";
import { chooseContractReply } from "../views/contract-blocks.js";
import { tr } from "../views/locale.js";
import { ephemeralNav, type Nav } from "../views/pagination.js";
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
  return {
    reply: {
      text: tr(ctx.locale, "Aucun contrat chargé", "No contract loaded"),
      blocks: [
        section(
          tr(
            ctx.locale,
            ":inbox_tray: Aucun contrat n'est encore chargé dans Vigie. Un coordonnateur doit d'abord importer le contrat.",
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

/** The answer to filter words that are neither a party nor a status: echoed back with what is possible. */
export function filterNotUnderstoodReply(
  ctx: CommandContext,
  contract: Contract,
  unknown: readonly string[],
  example: { fr: string; en: string },
): Reply {
  const { locale } = ctx;
  const parties = contract.parties.map((p) => p.label).join(", ");
  const statuses = STATUSES.map((s) => statusLabel(s, locale).toLowerCase()).join(", ");
  const typed = plain(unknown.join(" "), 200);
  const shown = tr(locale, example.fr, example.en);
  return {
    text: tr(locale, "Filtre non compris", "Filter not understood"),
    blocks: [
      section(
        tr(
          locale,
          `:grey_question: Je n'ai pas compris « ${typed} ». Vous pouvez filtrer par partie (${plain(parties, 500)}) et par statut (${statuses}), dans n'importe quel ordre. Exemple : \`${shown}\``,
          `:grey_question: I did not understand "${typed}". You can filter by party (${plain(parties, 500)}) and by status (${statuses}), in any order. Example: \`${shown}\``,
        ),
      ),
    ],
  };
}
