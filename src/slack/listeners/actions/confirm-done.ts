import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { decideDone } from "../../decide-done.js";

/** **Confirmer** on a DONE request: a coordinator sets the commitment DONE (value = commitment id). */
export function confirmDone(deps: AppDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    await decideDone(deps, args, "confirm");
  };
}
