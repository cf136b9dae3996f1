import { normalizeText } from "../../../domain/text.js";
import { roleOf } from "../../../use-cases/role-of.js";
import { contractChosenReply, contractsReply } from "../../views/contract-blocks.js";
import type { CommandHandler } from "../context.js";

/** `/csi contrat` lists the contracts (the person's role in each, the current one); `/csi contrat REF` switches. */
export const contractCommand: CommandHandler = async ({ deps, userId, locale, args, contract }) => {
  const all = await deps.store.contracts.list();
  const wanted = args[0] ? normalizeText(args[0]) : null;
  const chosen = wanted ? all.find((c) => normalizeText(c.ref) === wanted) : undefined;
  if (chosen) {
    await deps.store.contracts.choose(userId, chosen.id);
    return contractChosenReply(chosen, locale);
  }
  const roles = await Promise.all(
    all.map(async (c) => ({ contract: c, role: await roleOf(deps.store, userId, c.id) })),
  );
  return contractsReply(roles, contract?.id ?? null, locale);
};
