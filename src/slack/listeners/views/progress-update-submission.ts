import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import {
  notifyProgressUpdate,
  type ProgressOutcome,
  recordProgressUpdate,
} from "../../../use-cases/record-progress-update.js";
import { BLOCKS } from "../../ids.js";
import { slackProgressNotifier } from "../../progress-notifier.js";
import { failureErrors } from "../../submission-answers.js";
import { toBlockErrors } from "../../view-state.js";
import { progressRefusalText, unreadableProgressFormText } from "../../views/progress-messages.js";
import {
  blockIdOf,
  decodeProgressMetadata,
  progressBlockErrors,
  readProgressForm,
} from "../../views/progress-update-modal.js";

/**
 * The progress-update modal is submitted. Checks and storage happen before the answer, so that a
 * problem comes back inline next to the field (Slack keeps everything typed); people are told after.
 */
export function progressUpdateSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = decodeProgressMetadata(view.private_metadata);
    if (!meta) {
      deps.log.warn("progress.bad_metadata", { userId: body.user.id, viewId: view.id });
      await ack({
        response_action: "errors",
        errors: {
          [BLOCKS.status]: unreadableProgressFormText,
        },
      });
      return;
    }
    let outcome: ProgressOutcome;
    try {
      outcome = await recordProgressUpdate(deps, {
        commitmentId: meta.commitmentId,
        userId: body.user.id,
        submissionKey: view.id,
        supersedesId: meta.supersedesId,
        form: readProgressForm(view.state.values),
        locale: meta.locale,
      });
    } catch (error) {
      deps.log.error("progress.store_failed", { viewId: view.id, error });
      await ack(failureErrors(BLOCKS.status, meta.locale));
      return;
    }
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
  };
}
