import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import type { ContractField } from "../../../domain/contract-input.js";
import { type CreateContractResult, createContract } from "../../../use-cases/create-contract.js";
import { BLOCKS } from "../../ids.js";
import { asPlainError, failureErrors, problemErrors } from "../../submission-answers.js";
import { tellSubmitter } from "../../tell-submitter.js";
import { formReader, readMetadata } from "../../view-state.js";
import { contractCreatedMessage, createContractRefusedText } from "../../views/contract-blocks.js";

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
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const { locale } = readMetadata(view.private_metadata);
    const f = formReader(view);
    let result: CreateContractResult;
    try {
      result = await createContract(deps, {
        actorId: body.user.id,
        teamId: body.team?.id ?? null,
        locale,
        values: {
          ref: f.text(BLOCKS.contractRef),
          title: f.text(BLOCKS.title),
          parties: f.text(BLOCKS.parties),
          signedOn: f.date(BLOCKS.signedOn),
          endsOn: f.date(BLOCKS.endsOn),
          timezone: f.text(BLOCKS.timezone),
          channelId: f.conversation(BLOCKS.channel),
          digestChannelId: f.conversation(BLOCKS.digestChannel),
        },
      });
    } catch (error) {
      deps.log.error("contract.create_failed", { viewId: view.id, error });
      return void (await ack(failureErrors(BLOCKS.title, locale)));
    }
    if (result.kind === "refused")
      return void (await ack({
        response_action: "errors",
        errors: {
          [BLOCKS.title]: asPlainError(createContractRefusedText(locale)),
        },
      }));
    if (result.kind === "invalid") return void (await ack(problemErrors(result.errors, locale, CONTRACT_BLOCKS)));
    await ack();
    deps.log.info("contract.created", { userId: body.user.id, ref: result.contract.ref });
    const sent = contractCreatedMessage(result.contract, locale);
    await tellSubmitter(deps, client, body.user.id, sent, "contract.notify_failed");
  };
}
