import type { AppDeps } from "../../../app/deps.js";
import { createCommitment } from "../../../use-cases/create-commitment.js";
import { BLOCKS } from "../../ids.js";
import { notifyCommitmentSaved } from "../../notify-commitment.js";
import { COMMITMENT_BLOCKS, problemErrors, refusalErrors } from "../../submission-answers.js";
import { commitmentFormValues } from "../../view-state.js";
import { viewListener } from "./view-listener.js";

/** « Nouvel engagement » submitted: checked and stored before answering, so errors come back inline. */
export function createCommitmentSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, view, client, ack, meta, attempt }) => {
    const result = await attempt("commitment.create_failed", BLOCKS.title, () =>
      createCommitment(deps, {
        actorId: userId,
        values: commitmentFormValues(view),
        locale: meta.locale,
        contractRef: meta.contract,
        submissionKey: view.id,
      }),
    );
    if (!result) return;
    if (result.kind === "refused")
      return void (await ack(refusalErrors(BLOCKS.party, meta.locale, result.coordinators, result.closed)));
    if (result.kind === "invalid")
      return void (await ack(problemErrors(result.errors, meta.locale, COMMITMENT_BLOCKS)));
    await ack();
    if (result.duplicate) return;
    await notifyCommitmentSaved(deps, client, userId, meta.locale, result, "create");
  });
}
