import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { type CommitmentWriteResult, createCommitment } from "../../../use-cases/create-commitment.js";
import { BLOCKS } from "../../ids.js";
import { notifyCommitmentSaved } from "../../notify-commitment.js";
import { COMMITMENT_BLOCKS, failureErrors, problemErrors, refusalErrors } from "../../submission-answers.js";
import { commitmentFormValues, readMetadata } from "../../view-state.js";

/** « Nouvel engagement » submitted: checked and stored before answering, so errors come back inline. */
export function createCommitmentSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = readMetadata(view.private_metadata);
    let result: CommitmentWriteResult;
    try {
      result = await createCommitment(deps, {
        actorId: body.user.id,
        values: commitmentFormValues(view),
        locale: meta.locale,
        contractRef: meta.contract,
        submissionKey: view.id,
      });
    } catch (error) {
      deps.log.error("commitment.create_failed", { viewId: view.id, error });
      await ack(failureErrors(BLOCKS.title, meta.locale));
      return;
    }
    if (result.kind === "refused")
      return void (await ack(refusalErrors(BLOCKS.party, meta.locale, result.coordinators, result.closed)));
    if (result.kind === "invalid")
      return void (await ack(problemErrors(result.errors, meta.locale, COMMITMENT_BLOCKS)));
    await ack();
    if (result.duplicate) return;
    await notifyCommitmentSaved(deps, client, body.user.id, meta.locale, result, "create");
  };
}
