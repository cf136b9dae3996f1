import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { checkDecision, otherDeciders } from "../../../use-cases/decide-request.js";
import { localeFor } from "../../locale-for.js";
import { replyPrivately } from "../../reply-privately.js";
import { textReply } from "../../views/reply.js";
import { alreadyDecidedText, cannotDecideText, refusalReasonModal } from "../../views/request-messages.js";

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
        await replyPrivately(
          target,
          textReply(alreadyDecidedText(checked.already, deps.config.schedule.timezone, locale)),
        );
        return;
      case "refused": {
        const others = await otherDeciders(deps, checked.request);
        await replyPrivately(target, textReply(cannotDecideText(checked.why, locale, others)));
      }
    }
  };
}
