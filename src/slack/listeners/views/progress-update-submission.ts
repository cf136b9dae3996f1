import type { AppDeps } from "../../../app/deps.js";
import { notifyProgressUpdate, recordProgressUpdate } from "../../../use-cases/record-progress-update.js";
import { BLOCKS } from "../../ids.js";
import { slackProgressNotifier } from "../../progress-notifier.js";
import { toBlockErrors } from "../../view-state.js";
import { progressRefusalText, unreadableProgressFormText } from "../../views/progress-messages.js";
import {
  blockIdOf,
  decodeProgressMetadata,
  progressBlockErrors,
  readProgressForm,
} from "../../views/progress-update-modal.js";
import { viewListener } from "./view-listener.js";

/**
 * The progress-update modal is submitted. Checks and storage happen before the answer, so that a
 * problem comes back inline next to the field (Slack keeps everything typed); people are told after.
 */
export function progressUpdateSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, view, client, ack, attempt, errorOn }) => {
    const meta = decodeProgressMetadata(view.private_metadata);
    if (!meta) {
      deps.log.warn("progress.bad_metadata", { userId, viewId: view.id });
      return void (await errorOn(BLOCKS.status, unreadableProgressFormText));
    }
    const outcome = await attempt(
      "progress.store_failed",
      BLOCKS.status,
      () =>
        recordProgressUpdate(deps, {
          commitmentId: meta.commitmentId,
          userId,
          submissionKey: view.id,
          supersedesId: meta.supersedesId,
          form: readProgressForm(view.state.values),
          locale: meta.locale,
        }),
      meta.locale,
    );
    if (!outcome) return;
    if (outcome.kind === "invalid") {
      await ack({ response_action: "errors", errors: progressBlockErrors(outcome.errors, meta.locale) });
      return;
    }
    if (outcome.kind === "refused") {
      const why = progressRefusalText(outcome.refusal, outcome.ref, meta.locale, outcome.closed);
      await ack({ response_action: "errors", errors: toBlockErrors({ status: why }, blockIdOf) });
      return;
    }
    await ack();
    if (outcome.kind === "duplicate") {
      deps.log.info("progress.duplicate_submission", { viewId: view.id, updateId: outcome.update.id });
      return;
    }
    deps.log.info("progress.recorded", { updateId: outcome.recorded.update.id, commitmentId: meta.commitmentId });
    await notifyProgressUpdate(deps, slackProgressNotifier(client, deps), outcome.recorded);
  });
}
