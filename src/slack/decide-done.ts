import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../app/deps.js";
import { canManage } from "../domain/permissions.js";
import { roleOf } from "../use-cases/role-of.js";
import { replyPrivately } from "./reply-privately.js";
import { doneDecisionNotice, doneOutcomeForOwner } from "./views/progress-messages.js";
import { textReply } from "./views/reply.js";

type Args = Omit<SlackActionMiddlewareArgs<BlockButtonAction>, "ack"> & AllMiddlewareArgs;

/**
 * A coordinator's answer to an owner's DONE request, shared by Confirmer and Refuser: re-checks the role,
 * decides once in the database (with the audit entry), replaces the buttons, and tells the owner.
 */
export async function decideDone(
  deps: AppDeps,
  { body, action, client, respond }: Args,
  choice: "confirm" | "reject",
): Promise<void> {
  const userId = body.user.id;
  const target = { userId, responseUrl: body.response_url, respond, client };
  const role = await roleOf(deps.store, userId);
  if (!canManage(role)) {
    await replyPrivately(
      target,
      textReply(":lock: Seule la coordination peut confirmer ou refuser qu'un engagement est réalisé."),
    );
    return;
  }
  const commitmentId = action.value ?? "";
  const decision =
    choice === "confirm"
      ? await deps.store.doneRequests.confirm(commitmentId, userId)
      : await deps.store.doneRequests.reject(commitmentId, userId);
  if (decision.kind === "missing") {
    await replyPrivately(target, textReply(":grey_question: Cet engagement n'existe plus."));
    return;
  }
  const notice = doneDecisionNotice(decision, userId, "fr");
  if (body.response_url) {
    await respond({ replace_original: true, text: notice.text, blocks: notice.blocks });
  } else {
    await client.chat.postMessage({ channel: userId, text: notice.text, blocks: notice.blocks });
  }
  if (decision.kind === "not_pending") return;
  const status = decision.kind === "rejected" ? decision.status : "DONE";
  const owner = doneOutcomeForOwner(decision.kind, decision.ref, userId, status, "fr");
  try {
    await client.chat.postMessage({ channel: decision.requestedBy, text: owner.text, blocks: owner.blocks });
  } catch (error) {
    deps.log.warn("done.notify_owner_failed", {
      commitmentId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
