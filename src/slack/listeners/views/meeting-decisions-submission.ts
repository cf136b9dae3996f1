import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { type RecordDecisionsResult, recordDecisions } from "../../../use-cases/record-decisions.js";
import { BLOCKS } from "../../ids.js";
import { publishHome } from "../../publish-home.js";
import { failureErrors, refusalErrors } from "../../submission-answers.js";
import { formReader, readMetadata } from "../../view-state.js";
import { decisionsRecorded } from "../../views/admin-messages.js";
import { problemText } from "../../views/problem-words.js";

/** « Relevé de décisions » submitted: every line checked (refs, parties, confidentiality) before anything is stored. */
export function meetingDecisionsSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = readMetadata(view.private_metadata);
    let result: RecordDecisionsResult;
    try {
      result = await recordDecisions(deps, {
        actorId: body.user.id,
        meetingId: meta.id ?? "",
        text: formReader(view).text(BLOCKS.decisions),
        locale: meta.locale,
        submissionKey: view.id,
      });
    } catch (error) {
      deps.log.error("meeting.decisions_failed", { viewId: view.id, error });
      await ack(failureErrors(BLOCKS.decisions, meta.locale));
      return;
    }
    if (result.kind === "refused")
      return void (await ack(refusalErrors(BLOCKS.decisions, meta.locale, result.coordinators, result.closed)));
    if (result.kind === "invalid")
      return void (await ack({
        response_action: "errors",
        errors: { [BLOCKS.decisions]: problemText(result.error, meta.locale) },
      }));
    await ack();
    if (result.duplicate) return;
    const sent = decisionsRecorded(meta.locale, result.count, result.milestones, result.commitments);
    await client.chat.postMessage({ channel: body.user.id, text: sent.text, blocks: sent.blocks });
    await publishHome(deps, client, body.user.id, meta.locale);
  };
}
