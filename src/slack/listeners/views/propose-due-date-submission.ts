import { z } from "zod";
import type { AppDeps } from "../../../app/deps.js";
import { decidersFor } from "../../../domain/requests.js";
import { proposeDueDate } from "../../../use-cases/propose-due-date.js";
import { askDeciders } from "../../../use-cases/record-progress-update.js";
import { coordinatorsOf } from "../../../use-cases/role-of.js";
import { BLOCKS } from "../../ids.js";
import { slackProgressNotifier } from "../../progress-notifier.js";
import { asPlainError } from "../../submission-answers.js";
import { parseMetadata } from "../../view-state.js";
import { commitmentGoneReply } from "../../views/progress-messages.js";
import { progressBlockErrors } from "../../views/progress-update-modal.js";
import { contractClosedError } from "../../views/renewal-blocks.js";
import { dueDateNotYoursText, dueDateProposedText, unreadableRequestFormText } from "../../views/request-messages.js";
import { viewListener } from "./view-listener.js";

const metadata = z.object({ c: z.string(), l: z.enum(["fr", "en"]).default("fr") });

/** « Nouvelle échéance » sent: checked inline, stored once, then the coordinators (but the requester) are asked. */
export function proposeDueDateSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, view, client, ack, form, attempt, errorOn }) => {
    const meta = parseMetadata(view.private_metadata || "{}", metadata);
    if (!meta) return void (await errorOn(BLOCKS.dueReason, unreadableRequestFormText));
    const { c: commitmentId, l: locale } = meta;
    const result = await attempt(
      "request.propose_failed",
      BLOCKS.dueReason,
      () =>
        proposeDueDate(deps, {
          commitmentId,
          userId,
          submissionKey: view.id,
          form: { proposedDueOn: form.date(BLOCKS.proposedDueOn), dueReason: form.text(BLOCKS.dueReason) },
          locale,
        }),
      locale,
    );
    if (!result) return;
    if (result.kind === "invalid")
      return void (await ack({ response_action: "errors", errors: progressBlockErrors(result.errors, locale) }));
    if (result.kind === "closed")
      return void (await errorOn(BLOCKS.dueReason, contractClosedError(result.closed, locale)));
    if (result.kind === "refused")
      return void (await errorOn(
        BLOCKS.dueReason,
        result.why === "missing" ? asPlainError(commitmentGoneReply(locale).text) : dueDateNotYoursText(locale),
      ));
    await ack();
    if (result.duplicate) return;
    const deciders = decidersFor(await coordinatorsOf(deps.store, result.request.contractId), userId);
    const text = dueDateProposedText(result.request, deciders, locale);
    await client.chat.postMessage({ channel: userId, text });
    await askDeciders(deps, slackProgressNotifier(client, deps), [result.request], async (what, send) => {
      try {
        await send();
      } catch (error) {
        deps.log.warn("request.notify_failed", { what, error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
}
