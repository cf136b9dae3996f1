import type { AppDeps } from "../../../app/deps.js";
import type { ContractField } from "../../../domain/contract-input.js";
import { createContract } from "../../../use-cases/create-contract.js";
import { BLOCKS } from "../../ids.js";
import { originOf } from "../../served-only.js";
import { asPlainError, problemErrors } from "../../submission-answers.js";
import { contractIdentityValues, contractPlaceValues } from "../../view-state.js";
import { contractCreatedMessage, createContractRefusedText } from "../../views/contract-blocks.js";
import { viewListener } from "./view-listener.js";

const CONTRACT_BLOCKS: Record<ContractField, string> = {
  contract_ref: BLOCKS.contractRef,
  title: BLOCKS.title,
  parties: BLOCKS.parties,
  signed_on: BLOCKS.signedOn,
  ends_on: BLOCKS.endsOn,
  timezone: BLOCKS.timezone,
  channel: BLOCKS.channel,
  digest_channel: BLOCKS.digestChannel,
};

/** « Nouveau contrat » submitted: checked field by field (inline errors, nothing lost), then created with its first coordinator. */
export function createContractSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, body, ack, meta: { locale }, form: f, attempt, errorOn, tell }) => {
    const result = await attempt("contract.create_failed", BLOCKS.title, () =>
      createContract(deps, {
        actorId: userId,
        teamId: body.team?.id ?? null,
        enterpriseId: originOf(body).enterpriseId,
        locale,
        values: { ...contractIdentityValues(f), parties: f.text(BLOCKS.parties), ...contractPlaceValues(f) },
      }),
    );
    if (!result) return;
    if (result.kind === "refused")
      return void (await errorOn(BLOCKS.title, asPlainError(createContractRefusedText(locale))));
    if (result.kind === "invalid") return void (await ack(problemErrors(result.errors, locale, CONTRACT_BLOCKS)));
    await ack();
    deps.log.info("contract.created", { userId, ref: result.contract.ref });
    await tell(contractCreatedMessage(result.contract, locale), "contract.notify_failed");
  });
}
