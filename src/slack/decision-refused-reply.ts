import type { AppDeps } from "../app/deps.js";
import type { Locale } from "../domain/types.js";
import { zoneOfContract } from "../use-cases/contract-zone.js";
import { type DecideRequestResult, otherDeciders } from "../use-cases/decide-request.js";
import { replyPrivately } from "./reply-privately.js";
import { contractClosedReply } from "./views/renewal-blocks.js";
import { textReply } from "./views/reply.js";
import { alreadyDecidedText, cannotDecideText } from "./views/request-messages.js";

type NotDecided = Extract<DecideRequestResult, { kind: "already" } | { kind: "refused" } | { kind: "closed" }>;

/**
 * Confirmer and Refuser answer alike when the click cannot decide: already decided, not this person's to decide, or
 * its contract closed by its renewal.
 */
export async function replyNotDecided(
  deps: Pick<AppDeps, "store" | "config">,
  target: Parameters<typeof replyPrivately>[0],
  result: NotDecided,
  locale: Locale,
): Promise<void> {
  if (result.kind === "closed") {
    await replyPrivately(target, contractClosedReply(result.closed, locale));
    return;
  }
  if (result.kind === "already") {
    const timezone = await zoneOfContract(deps, result.already.contractId);
    await replyPrivately(target, textReply(alreadyDecidedText(result.already, timezone, locale)));
    return;
  }
  const others = await otherDeciders(deps, result.request);
  await replyPrivately(target, textReply(cannotDecideText(result.why, locale, others)));
}
