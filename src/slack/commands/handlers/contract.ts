import { normalizeText } from "../../../domain/text.js";
import { startSettings } from "../../../use-cases/contract-settings.js";
import { mayCreateContract } from "../../../use-cases/create-contract.js";
import { startRenewal } from "../../../use-cases/renew-contract.js";
import { roleOf } from "../../../use-cases/role-of.js";
import { writeMetadata } from "../../view-state.js";
import { coordinatorsOnly } from "../../views/admin-messages.js";
import { contractChosenReply, contractsReply, createContractRefusedText } from "../../views/contract-blocks.js";
import { contractModal } from "../../views/contract-modal.js";
import { contractSettingsModal } from "../../views/contract-settings-blocks.js";
import { renewalModal, renewalRefusedText } from "../../views/renewal-blocks.js";
import { textReply } from "../../views/reply.js";
import type { CommandContext, CommandHandler } from "../context.js";
import { contractOrReply } from "../read-helpers.js";

/**
 * `/csi contrat` lists the contracts (the person's role in each, the current one); `/csi contrat REF` switches;
 * `/csi contrat nouveau` (coordinators) opens « Nouveau contrat »; `/csi contrat renouveler` (coordinators of the
 * contract) opens « Renouveler le contrat »; `/csi contrat reglages` (coordinators of the contract) its settings.
 */
export const contractCommand: CommandHandler = async (ctx) => {
  const { deps, client, triggerId, userId, teamId, enterpriseId, locale, args, contract } = ctx;
  if (args[0] && ["renouveler", "renew"].includes(normalizeText(args[0]))) return openRenewal(ctx);
  if (args[0] && ["reglages", "settings"].includes(normalizeText(args[0]))) return openSettings(ctx);
  if (args[0] && ["nouveau", "new"].includes(normalizeText(args[0]))) {
    if (!(await mayCreateContract(deps, userId, teamId ?? null, enterpriseId ?? null)))
      return textReply(createContractRefusedText(locale));
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

/** `/csi contrat renouveler`: the form, prefilled, for a coordinator of the contract the command is about. */
async function openRenewal(ctx: CommandContext) {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const start = await startRenewal(ctx.deps, ctx.userId, contract);
  if (start.kind === "refused") return textReply(renewalRefusedText(start.refusal, ctx.locale));
  await ctx.client.views.open({
    trigger_id: ctx.triggerId,
    view: renewalModal({
      contract,
      defaults: start.defaults,
      candidates: start.candidates,
      locale: ctx.locale,
      privateMetadata: writeMetadata({ locale: ctx.locale, contract: contract.id }),
    }),
  });
  return null;
}

/** `/csi contrat reglages`: the contract's settings form, prefilled, for a coordinator of that contract. */
async function openSettings(ctx: CommandContext) {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const start = await startSettings(ctx.deps, ctx.userId, contract);
  if (start.kind === "refused") return coordinatorsOnly(ctx.locale, start.coordinators, start.closed);
  await ctx.client.views.open({
    trigger_id: ctx.triggerId,
    view: contractSettingsModal({
      contract,
      current: start.current,
      locale: ctx.locale,
      privateMetadata: writeMetadata({ locale: ctx.locale, contract: contract.id }),
    }),
  });
  return null;
}
