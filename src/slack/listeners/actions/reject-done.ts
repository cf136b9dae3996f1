import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { checkDecision } from "../../../use-cases/decide-request.js";
import { replyNotDecided } from "../../decision-refused-reply.js";
import { localeFor } from "../../locale-for.js";
import { refusalReasonModal } from "../../views/request-messages.js";

/** **Refuser** on a request: the form asking the reason opens (the refusal is decided when it is sent). */
export function rejectDone(deps: AppDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const userId = body.user.id;
    const target = { userId, responseUrl: body.response_url, respond, client };
    const locale = await localeFor(deps, client, userId);
    const checked = await checkDecision(deps, action.value ?? "", userId);
    switch (checked.kind) {
      case "open":
        await client.views.open({ trigger_id: body.trigger_id, view: refusalReasonModal(checked.request, locale) });
        return;
      case "already":
      case "closed":
      case "refused":
        await replyNotDecided(deps, target, checked, locale);
    }
  };
}
