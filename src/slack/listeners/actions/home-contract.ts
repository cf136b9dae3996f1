import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { localeFor } from "../../locale-for.js";
import { publishHome } from "../../publish-home.js";

/**
 * A contract's button on the App Home: it becomes the person's current contract (as `/csi contrat REF`) and the
 * Home shows it. Only a contract of the request's workspace can be chosen (a forged id names nothing).
 */
export function showHomeContract(deps: AppDeps) {
  return async ({
    ack,
    body,
    action,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const contract = (await deps.store.contracts.list()).find((c) => c.id === action.value);
    if (contract) await deps.store.contracts.choose(body.user.id, contract.id);
    await publishHome(deps, client, body.user.id, await localeFor(deps, client, body.user.id));
  };
}
