import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { AppDeps } from "../../../app/deps.js";
import { decidersFor } from "../../../domain/requests.js";
import { proposeDueDate } from "../../../use-cases/propose-due-date.js";
import { askDeciders } from "../../../use-cases/record-progress-update.js";
import { coordinatorsOf } from "../../../use-cases/role-of.js";
import { BLOCKS } from "../../ids.js";
import { slackProgressNotifier } from "../../progress-notifier.js";
import { asPlainError, failureErrors } from "../../submission-answers.js";
import { formReader } from "../../view-state.js";
import { commitmentGoneReply } from "../../views/progress-messages.js";
import { progressBlockErrors } from "../../views/progress-update-modal.js";
import { contractClosedError } from "../../views/renewal-blocks.js";
import { dueDateNotYoursText, dueDateProposedText } from "../../views/request-messages.js";

const metadata = z.object({ c: z.string(), l: z.enum(["fr", "en"]).default("fr") });

/** « Nouvelle échéance » sent: checked inline, stored once, then the coordinators (but the requester) are asked. */
export function proposeDueDateSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const parsed = metadata.safeParse(
      (() => {
        try {
          return JSON.parse(view.private_metadata || "{}");
        } catch {
          return null;
        }
      })(),
    );
    if (!parsed.success) {
      await ack({
        response_action: "errors",
        errors: { [BLOCKS.dueReason]: "Formulaire illisible : fermez-le et rouvrez-le. Unreadable form." },
      });
      return;
    }
    const { c: commitmentId, l: locale } = parsed.data;
    const userId = body.user.id;
    const form = formReader(view);
    let result: Awaited<ReturnType<typeof proposeDueDate>>;
    try {
      result = await proposeDueDate(deps, {
        commitmentId,
        userId,
        submissionKey: view.id,
        form: { proposedDueOn: form.date(BLOCKS.proposedDueOn), dueReason: form.text(BLOCKS.dueReason) },
        locale,
      });
    } catch (error) {
      deps.log.error("request.propose_failed", { viewId: view.id, error });
      await ack(failureErrors(BLOCKS.dueReason, locale));
      return;
    }
    if (result.kind === "invalid") {
      await ack({ response_action: "errors", errors: progressBlockErrors(result.errors, locale) });
      return;
    }
    if (result.kind === "closed") {
      await ack({
        response_action: "errors",
        errors: { [BLOCKS.dueReason]: contractClosedError(result.closed, locale) },
      });
      return;
    }
    if (result.kind === "refused") {
      await ack({
        response_action: "errors",
        errors: {
          [BLOCKS.dueReason]:
            result.why === "missing" ? asPlainError(commitmentGoneReply(locale).text) : dueDateNotYoursText(locale),
        },
      });
      return;
    }
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
  };
}
