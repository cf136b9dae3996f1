import { z } from "zod";
import type { AppDeps } from "../../../app/deps.js";
import { zoneOfContract } from "../../../use-cases/contract-zone.js";
import { decideRequest, notifyDecision } from "../../../use-cases/decide-request.js";
import { slackDecisionNotifier } from "../../decision-notifier.js";
import { BLOCKS } from "../../ids.js";
import { publishHome } from "../../publish-home.js";
import { parseMetadata } from "../../view-state.js";
import { problemText } from "../../views/problem-words.js";
import { contractClosedError } from "../../views/renewal-blocks.js";
import {
  alreadyDecidedText,
  cannotDecideText,
  decidedNotice,
  unreadableRequestFormText,
} from "../../views/request-messages.js";
import { viewListener } from "./view-listener.js";

const metadata = z.object({ r: z.string(), l: z.enum(["fr", "en"]).default("fr") });

/** The refusal's reason is sent: checked (required, no personal data) inline, then the refusal is decided once. */
export function refuseRequestSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, view, client, ack, form, attempt, errorOn }) => {
    const meta = parseMetadata(view.private_metadata || "{}", metadata);
    if (!meta) return void (await errorOn(BLOCKS.refusalReason, unreadableRequestFormText));
    const locale = meta.l;
    const result = await attempt(
      "request.refuse_failed",
      BLOCKS.refusalReason,
      () =>
        decideRequest(deps, {
          requestRef: meta.r,
          deciderId: userId,
          decision: "REFUSED",
          refusalReason: form.text(BLOCKS.refusalReason),
        }),
      locale,
    );
    if (!result) return;
    if (result.kind === "invalid_reason")
      return void (await errorOn(BLOCKS.refusalReason, problemText(result.problem, locale)));
    if (result.kind === "closed")
      return void (await errorOn(BLOCKS.refusalReason, contractClosedError(result.closed, locale)));
    if (result.kind === "refused")
      return void (await errorOn(BLOCKS.refusalReason, cannotDecideText(result.why, locale)));
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
  });
}
