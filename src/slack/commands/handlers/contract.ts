import { normalizeText } from "../../../domain/text.js";
import { mayCreateContract } from "../../../use-cases/create-contract.js";
import { roleOf } from "../../../use-cases/role-of.js";
import { writeMetadata } from "../../view-state.js";
import { contractChosenReply, contractsReply } from "../../views/contract-blocks.js";
import { contractModal } from "../../views/contract-modal.js";
import { tr } from "../../views/locale.js";
import { textReply } from "../../views/reply.js";
import type { CommandHandler } from "../context.js";

/**
 * `/csi contrat` lists the contracts (the person's role in each, the current one); `/csi contrat REF` switches;
 * `/csi contrat nouveau` (coordinators) opens « Nouveau contrat ».
 */
export const contractCommand: CommandHandler = async ({
  deps,
  client,
  triggerId,
  userId,
  teamId,
  locale,
  args,
  contract,
}) => {
  if (args[0] && ["nouveau", "new"].includes(normalizeText(args[0]))) {
    if (!(await mayCreateContract(deps, userId, teamId ?? null)))
      return textReply(
        tr(
          locale,
          ":lock: Seul un coordonnateur d'un contrat suivi par Vigie peut en créer un autre.",
          ":lock: Only a coordinator of a contract Vigie follows may create another.",
        ),
      );
    await client.views.open({
      trigger_id: triggerId,
      view: contractModal({ locale, privateMetadata: writeMetadata({ locale }) }),
    });
    return null;
  }
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
