import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import type { CommitmentWriteResult } from "../../../use-cases/create-commitment.js";
import { editCommitment } from "../../../use-cases/edit-commitment.js";
import { BLOCKS } from "../../ids.js";
import { notifyCommitmentSaved } from "../../notify-commitment.js";
import { COMMITMENT_BLOCKS, failureErrors, problemErrors, refusalErrors } from "../../submission-answers.js";
import { commitmentFormValues, readMetadata } from "../../view-state.js";

/** « Modifier l'engagement » submitted: the role is checked again, whatever the form says. */
export function editCommitmentSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = readMetadata(view.private_metadata);
    let result: CommitmentWriteResult;
    try {
      result = await editCommitment(deps, {
        actorId: body.user.id,
        commitmentId: meta.id ?? "",
        values: commitmentFormValues(view),
        locale: meta.locale,
        fingerprint: meta.fingerprint,
      });
    } catch (error) {
      deps.log.error("commitment.edit_failed", { viewId: view.id, error });
      await ack(failureErrors(BLOCKS.title, meta.locale));
      return;
    }
    if (result.kind === "refused")
      return void (await ack(refusalErrors(BLOCKS.party, meta.locale, result.coordinators, result.closed)));
    if (result.kind === "invalid")
      return void (await ack(problemErrors(result.errors, meta.locale, COMMITMENT_BLOCKS)));
    await ack();
    await notifyCommitmentSaved(deps, client, body.user.id, meta.locale, result, "edit");
  };
}
