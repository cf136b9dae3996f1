import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { AppDeps } from "../../../app/deps.js";
import { declareAbsence } from "../../../use-cases/absence.js";
import { BLOCKS } from "../../ids.js";
import { publishHome } from "../../publish-home.js";
import { failureErrors } from "../../submission-answers.js";
import { tellStandIn } from "../../tell-stand-in.js";
import { formReader, parseMetadata } from "../../view-state.js";
import { absenceFormErrors, absenceReply } from "../../views/absence-messages.js";

const metadata = z.object({ l: z.enum(["fr", "en"]).default("fr") });

/** « Absence » form sent: the command's checks, said at the field; what was chosen stays in the form. */
export function declareAbsenceSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const locale = parseMetadata(view.private_metadata, metadata)?.l ?? "fr";
    const form = formReader(view);
    const startsOn = form.date(BLOCKS.absenceStart);
    const endsOn = form.date(BLOCKS.absenceEnd);
    if (!startsOn || !endsOn) {
      const missing = locale === "en" ? "Choose a date." : "Choisissez une date.";
      await ack({
        response_action: "errors",
        errors: {
          ...(startsOn ? {} : { [BLOCKS.absenceStart]: missing }),
          ...(endsOn ? {} : { [BLOCKS.absenceEnd]: missing }),
        },
      });
      return;
    }
    const userId = body.user.id;
    let outcome: Awaited<ReturnType<typeof declareAbsence>>;
    try {
      outcome = await declareAbsence(deps, userId, { startsOn, endsOn, standInId: form.user(BLOCKS.standIn) });
    } catch (error) {
      deps.log.error("absence.declare_failed", { viewId: view.id, error });
      await ack(failureErrors(BLOCKS.absenceStart, locale));
      return;
    }
    if (outcome.kind === "invalid") {
      await ack({ response_action: "errors", errors: absenceFormErrors(outcome.problem, locale) });
      return;
    }
    await ack();
    if (outcome.kind === "declared") await tellStandIn(deps, client, outcome.absence);
    const answer = absenceReply(outcome, locale);
    await client.chat.postMessage({ channel: userId, text: answer.text, blocks: answer.blocks });
    await publishHome(deps, client, userId, locale);
  };
}
