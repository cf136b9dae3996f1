import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { zoneOfContract } from "../../../use-cases/contract-zone.js";
import { type ScheduleMeetingResult, scheduleMeeting } from "../../../use-cases/schedule-meeting.js";
import { BLOCKS } from "../../ids.js";
import { publishHome } from "../../publish-home.js";
import { failureErrors, MEETING_BLOCKS, problemErrors, refusalErrors } from "../../submission-answers.js";
import { meetingFormValues, readMetadata } from "../../view-state.js";
import { meetingScheduled } from "../../views/admin-messages.js";

/** « Planifier une réunion » submitted: date and time read in Europe/Paris, past and non-existent times refused inline. */
export function scheduleMeetingSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = readMetadata(view.private_metadata);
    let result: ScheduleMeetingResult;
    try {
      result = await scheduleMeeting(deps, {
        actorId: body.user.id,
        values: meetingFormValues(view),
        locale: meta.locale,
        contractRef: meta.contract,
        submissionKey: view.id,
      });
    } catch (error) {
      deps.log.error("meeting.create_failed", { viewId: view.id, error });
      await ack(failureErrors(BLOCKS.meetingKind, meta.locale));
      return;
    }
    if (result.kind === "refused")
      return void (await ack(refusalErrors(BLOCKS.meetingKind, meta.locale, result.coordinators, result.closed)));
    if (result.kind === "invalid") return void (await ack(problemErrors(result.errors, meta.locale, MEETING_BLOCKS)));
    await ack();
    if (result.duplicate) return;
    const sent = meetingScheduled(meta.locale, result.meeting, await zoneOfContract(deps, result.meeting.contractId));
    await client.chat.postMessage({ channel: body.user.id, text: sent.text, blocks: sent.blocks });
    await publishHome(deps, client, body.user.id, meta.locale);
  };
}
