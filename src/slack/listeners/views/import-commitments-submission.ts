import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { type ImportCommitmentsResult, importCommitments } from "../../../use-cases/import-commitments.js";
import { BLOCKS } from "../../ids.js";
import { notifyCommitmentsImported } from "../../notify-commitment.js";
import { failureErrors, refusalErrors } from "../../submission-answers.js";
import { formReader, readMetadata } from "../../view-state.js";

/** « Importer des engagements » submitted: every line checked and all stored before answering, or none and the errors inline. */
export function importCommitmentsSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = readMetadata(view.private_metadata);
    let result: ImportCommitmentsResult;
    try {
      result = await importCommitments(deps, {
        actorId: body.user.id,
        text: formReader(view).text(BLOCKS.importLines),
        locale: meta.locale,
        contractRef: meta.contract,
        submissionKey: view.id,
      });
    } catch (error) {
      deps.log.error("commitment.import_failed", { viewId: view.id, error });
      await ack(failureErrors(BLOCKS.importLines, meta.locale));
      return;
    }
    if (result.kind === "refused")
      return void (await ack(refusalErrors(BLOCKS.importLines, meta.locale, result.coordinators)));
    if (result.kind === "invalid")
      return void (await ack({ response_action: "errors", errors: { [BLOCKS.importLines]: result.error } }));
    await ack();
    deps.log.info("commitment.imported", {
      userId: body.user.id,
      refs: result.commitments.map((c) => c.ref),
      duplicate: result.duplicate,
    });
    if (result.duplicate) return;
    await notifyCommitmentsImported(deps, client, body.user.id, meta.locale, result);
  };
}
