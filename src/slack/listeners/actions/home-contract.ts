import type { AppDeps } from "../../../app/deps.js";
import { publishHome } from "../../publish-home.js";
import { buttonListener } from "./button-listener.js";

/**
 * A contract's button on the App Home: it becomes the person's current contract (as `/csi contrat REF`) and the
 * Home shows it. Only a contract of the request's workspace can be chosen (a forged id names nothing).
 */
export function showHomeContract(deps: AppDeps) {
  return buttonListener(deps, async ({ userId, action, client, locale: localeOf }) => {
    const contract = (await deps.store.contracts.list()).find((c) => c.id === action.value);
    if (contract) await deps.store.contracts.choose(userId, contract.id);
    await publishHome(deps, client, userId, await localeOf());
  });
}
