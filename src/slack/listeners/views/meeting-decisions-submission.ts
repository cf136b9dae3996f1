import type { AppDeps } from "../../../app/deps.js";
import { recordDecisions } from "../../../use-cases/record-decisions.js";
import { BLOCKS } from "../../ids.js";
import { publishHome } from "../../publish-home.js";
import { refusalErrors } from "../../submission-answers.js";
import { decisionsRecorded } from "../../views/admin-messages.js";
import { problemText } from "../../views/problem-words.js";
import { viewListener } from "./view-listener.js";

/** « Relevé de décisions » submitted: every line checked (refs, parties, confidentiality) before anything is stored. */
export function meetingDecisionsSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, view, client, ack, meta, form, attempt, errorOn }) => {
    const result = await attempt("meeting.decisions_failed", BLOCKS.decisions, () =>
      recordDecisions(deps, {
        actorId: userId,
        meetingId: meta.id ?? "",
        text: form.text(BLOCKS.decisions),
        locale: meta.locale,
        submissionKey: view.id,
      }),
    );
    if (!result) return;
    if (result.kind === "refused")
      return void (await ack(refusalErrors(BLOCKS.decisions, meta.locale, result.coordinators, result.closed)));
    if (result.kind === "invalid")
      return void (await errorOn(BLOCKS.decisions, problemText(result.error, meta.locale)));
    await ack();
    if (result.duplicate) return;
    const sent = decisionsRecorded(meta.locale, result.count, result.milestones, result.commitments);
    await client.chat.postMessage({ channel: userId, text: sent.text, blocks: sent.blocks });
    await publishHome(deps, client, userId, meta.locale);
  });
}
