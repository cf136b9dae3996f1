import { z } from "zod";
import type { AppDeps } from "../../../app/deps.js";
import { declareAbsence } from "../../../use-cases/absence.js";
import { BLOCKS } from "../../ids.js";
import { publishHome } from "../../publish-home.js";
import { tellStandIn } from "../../tell-stand-in.js";
import { parseMetadata } from "../../view-state.js";
import { absenceFormErrors, absenceReply } from "../../views/absence-messages.js";
import { chooseDateText } from "../../views/date-window-text.js";
import { viewListener } from "./view-listener.js";

const metadata = z.object({ l: z.enum(["fr", "en"]).default("fr") });

/** « Absence » form sent: the command's checks, said at the field; what was chosen stays in the form. */
export function declareAbsenceSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, view, client, ack, form, attempt }) => {
    const locale = parseMetadata(view.private_metadata, metadata)?.l ?? "fr";
    const startsOn = form.date(BLOCKS.absenceStart);
    const endsOn = form.date(BLOCKS.absenceEnd);
    if (!startsOn || !endsOn) {
      const missing = chooseDateText(locale);
      await ack({
        response_action: "errors",
        errors: {
          ...(startsOn ? {} : { [BLOCKS.absenceStart]: missing }),
          ...(endsOn ? {} : { [BLOCKS.absenceEnd]: missing }),
        },
      });
      return;
    }
    const outcome = await attempt(
      "absence.declare_failed",
      BLOCKS.absenceStart,
      () => declareAbsence(deps, userId, { startsOn, endsOn, standInId: form.user(BLOCKS.standIn) }),
      locale,
    );
    if (!outcome) return;
    if (outcome.kind === "invalid") {
      await ack({ response_action: "errors", errors: absenceFormErrors(outcome.problem, locale) });
      return;
    }
    await ack();
    if (outcome.kind === "declared") await tellStandIn(deps, client, outcome.absence);
    const answer = absenceReply(outcome, locale);
    await client.chat.postMessage({ channel: userId, text: answer.text, blocks: answer.blocks });
    await publishHome(deps, client, userId, locale);
  });
}
