import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { decideDone } from "../../decide-done.js";

/** **Refuser** on a DONE request: the commitment keeps its status and the owner is told (value = commitment id). */
export function rejectDone(deps: AppDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    await decideDone(deps, args, "reject");
  };
}
