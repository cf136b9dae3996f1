import type { AppDeps } from "../../../app/deps.js";
import { tickMilestone } from "../../../use-cases/milestones.js";
import { localeFor } from "../../locale-for.js";
import { replyPrivately } from "../../reply-privately.js";
import {
  milestoneAlready,
  milestoneDoneNotice,
  milestoneMissing,
  milestoneRefusal,
  milestoneTicked,
} from "../../views/milestone-messages.js";
import { contractClosedReply } from "../../views/renewal-blocks.js";
import { buttonListener } from "./button-listener.js";

/** **✅ Franchi** under a sheet (value = milestone id): recorded once; its owners and followers are told by DM. */
export function tickMilestoneButton(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, value, client, target, locale: localeOf }) => {
    const locale = await localeOf();
    const result = await tickMilestone(deps, { milestoneId: value, actorId: userId });
    switch (result.kind) {
      case "missing":
        return replyPrivately(target, milestoneMissing(locale));
      case "closed":
        return replyPrivately(target, contractClosedReply(result.closed, locale));
      case "not_allowed":
        return replyPrivately(target, milestoneRefusal(result.commitment, result.coordinators, locale));
      case "already":
        return replyPrivately(target, milestoneAlready(result.commitment, result.milestone, result.by, locale));
      case "done": {
        await replyPrivately(target, milestoneTicked(result.commitment, result.milestone, result.tell.length, locale));
        // Each one on its own, in their own language: one DM refused by Slack does not keep the others from going.
        const sent = await Promise.allSettled(
          result.tell.map(async (u) => {
            const notice = milestoneDoneNotice(
              result.commitment,
              result.milestone,
              userId,
              await localeFor(deps, client, u),
            );
            return client.chat.postMessage({ channel: u, text: notice.text, blocks: notice.blocks });
          }),
        );
        for (const r of sent)
          if (r.status === "rejected")
            deps.log.warn("milestone.notify_failed", {
              milestoneId: result.milestone.id,
              error: r.reason instanceof Error ? r.reason.message : String(r.reason),
            });
      }
    }
  });
}
