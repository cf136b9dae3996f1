import type { AppDeps } from "../../../app/deps.js";
import { editCommitment } from "../../../use-cases/edit-commitment.js";
import { BLOCKS } from "../../ids.js";
import { notifyCommitmentSaved } from "../../notify-commitment.js";
import { COMMITMENT_BLOCKS, problemErrors, refusalErrors } from "../../submission-answers.js";
import { commitmentFormValues } from "../../view-state.js";
import { viewListener } from "./view-listener.js";

/** « Modifier l'engagement » submitted: the role is checked again, whatever the form says. */
export function editCommitmentSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, view, client, ack, meta, attempt }) => {
    const result = await attempt("commitment.edit_failed", BLOCKS.title, () =>
      editCommitment(deps, {
        actorId: userId,
        commitmentId: meta.id ?? "",
        values: commitmentFormValues(view),
        locale: meta.locale,
        fingerprint: meta.fingerprint,
      }),
    );
    if (!result) return;
    if (result.kind === "refused")
      return void (await ack(refusalErrors(BLOCKS.party, meta.locale, result.coordinators, result.closed)));
    if (result.kind === "invalid")
      return void (await ack(problemErrors(result.errors, meta.locale, COMMITMENT_BLOCKS)));
    await ack();
    await notifyCommitmentSaved(deps, client, userId, meta.locale, result, "edit");
  });
}
