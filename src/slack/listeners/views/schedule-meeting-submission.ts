import type { AppDeps } from "../../../app/deps.js";
import { zoneOfContract } from "../../../use-cases/contract-zone.js";
import { scheduleMeeting } from "../../../use-cases/schedule-meeting.js";
import { BLOCKS } from "../../ids.js";
import { publishHome } from "../../publish-home.js";
import { MEETING_BLOCKS, problemErrors, refusalErrors } from "../../submission-answers.js";
import { meetingFormValues } from "../../view-state.js";
import { meetingScheduled } from "../../views/admin-messages.js";
import { viewListener } from "./view-listener.js";

/** « Planifier une réunion » submitted: date and time read in Europe/Paris, past and non-existent times refused inline. */
export function scheduleMeetingSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, view, client, ack, meta, attempt }) => {
    const result = await attempt("meeting.create_failed", BLOCKS.meetingKind, () =>
      scheduleMeeting(deps, {
        actorId: userId,
        values: meetingFormValues(view),
        locale: meta.locale,
        contractRef: meta.contract,
        submissionKey: view.id,
      }),
    );
    if (!result) return;
    if (result.kind === "refused")
      return void (await ack(refusalErrors(BLOCKS.meetingKind, meta.locale, result.coordinators, result.closed)));
    if (result.kind === "invalid") return void (await ack(problemErrors(result.errors, meta.locale, MEETING_BLOCKS)));
    await ack();
    if (result.duplicate) return;
    const sent = meetingScheduled(meta.locale, result.meeting, await zoneOfContract(deps, result.meeting.contractId));
    await client.chat.postMessage({ channel: userId, text: sent.text, blocks: sent.blocks });
    await publishHome(deps, client, userId, meta.locale);
  });
}
