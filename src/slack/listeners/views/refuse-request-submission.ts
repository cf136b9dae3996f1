import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { AppDeps } from "../../../app/deps.js";
import { zoneOfContract } from "../../../use-cases/contract-zone.js";
import { decideRequest, notifyDecision } from "../../../use-cases/decide-request.js";
import { slackDecisionNotifier } from "../../decision-notifier.js";
import { BLOCKS } from "../../ids.js";
import { publishHome } from "../../publish-home.js";
import { failureErrors } from "../../submission-answers.js";
import { formReader } from "../../view-state.js";
import { contractClosedError } from "../../views/renewal-blocks.js";
import { alreadyDecidedText, cannotDecideText, decidedNotice } from "../../views/request-messages.js";

const metadata = z.object({ r: z.string(), l: z.enum(["fr", "en"]).default("fr") });

/** The refusal's reason is sent: checked (required, no personal data) inline, then the refusal is decided once. */
export function refuseRequestSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    let meta: z.infer<typeof metadata>;
    try {
      meta = metadata.parse(JSON.parse(view.private_metadata || "{}"));
    } catch {
      await ack({
        response_action: "errors",
        errors: { [BLOCKS.refusalReason]: "Formulaire illisible : fermez-le et rouvrez-le. Unreadable form." },
      });
      return;
    }
    const userId = body.user.id;
    const locale = meta.l;
    let result: Awaited<ReturnType<typeof decideRequest>>;
    try {
      result = await decideRequest(deps, {
        requestRef: meta.r,
        deciderId: userId,
        decision: "REFUSED",
        refusalReason: formReader(view).text(BLOCKS.refusalReason),
        locale,
      });
    } catch (error) {
      deps.log.error("request.refuse_failed", { viewId: view.id, error });
      await ack(failureErrors(BLOCKS.refusalReason, locale));
      return;
    }
    if (result.kind === "invalid_reason") {
      await ack({ response_action: "errors", errors: { [BLOCKS.refusalReason]: result.message } });
      return;
    }
    if (result.kind === "closed") {
      await ack({
        response_action: "errors",
        errors: { [BLOCKS.refusalReason]: contractClosedError(result.closed, locale) },
      });
      return;
    }
    if (result.kind === "refused") {
      await ack({
        response_action: "errors",
        errors: { [BLOCKS.refusalReason]: cannotDecideText(result.why, locale) },
      });
      return;
    }
    await ack();
    const notice =
      result.kind === "decided"
        ? decidedNotice(result.decided, locale)
        : {
            text: alreadyDecidedText(result.already, await zoneOfContract(deps, result.already.contractId), locale),
            blocks: undefined,
          };
    await client.chat.postMessage({
      channel: userId,
      text: notice.text,
      ...(notice.blocks ? { blocks: notice.blocks } : {}),
    });
    if (result.kind === "decided") {
      await notifyDecision(deps, slackDecisionNotifier(client, deps), result.decided, userId);
      await publishHome(deps, client, userId, locale);
    }
  };
}
