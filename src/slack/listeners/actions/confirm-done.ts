import type { AppDeps } from "../../../app/deps.js";
import { decideRequest, notifyDecision } from "../../../use-cases/decide-request.js";
import { slackDecisionNotifier } from "../../decision-notifier.js";
import { replyNotDecided } from "../../decision-refused-reply.js";
import { publishHome } from "../../publish-home.js";
import { replaceClicked } from "../../reply-privately.js";
import { decidedNotice } from "../../views/request-messages.js";
import { buttonListener } from "./button-listener.js";

/** **Confirmer** on a request (DM, App Home): a coordinator other than the requester validates it, once. */
export function confirmDone(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, value, body, client, target, locale: localeOf }) => {
    const locale = await localeOf();
    const result = await decideRequest(deps, {
      requestRef: value,
      deciderId: userId,
      decision: "CONFIRMED",
    });
    switch (result.kind) {
      case "refused":
      case "already":
      case "closed":
        await replyNotDecided(deps, target, result, locale);
        return;
      case "invalid_reason":
        return;
      case "decided": {
        const notice = decidedNotice(result.decided, locale);
        await replaceClicked(target, notice);
        await notifyDecision(deps, slackDecisionNotifier(client, deps), result.decided, userId);
        if (!body.response_url) await publishHome(deps, client, userId, locale);
      }
    }
  });
}
