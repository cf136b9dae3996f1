import type { AppDeps } from "../app/deps.js";
import type { Commitment, Locale } from "../domain/types.js";
import type { checkProposer } from "../use-cases/propose-due-date.js";
import { coordinatorsOf } from "../use-cases/role-of.js";
import { type ReplyTarget, replyPrivately } from "./reply-privately.js";
import { contractClosedReply } from "./views/renewal-blocks.js";
import type { Reply } from "./views/reply.js";

type NotProposer = Exclude<Awaited<ReturnType<typeof checkProposer>>, { kind: "ok" }>;

/**
 * A button that opens a commitment's form (« Dater un jalon », « Proposer une nouvelle date ») answers alike when the
 * clicker may not: its contract is closed, the commitment is gone, or they are neither its owner nor a coordinator,
 * and then the reply names who may act on it.
 */
export async function replyNotProposer(
  deps: Pick<AppDeps, "store">,
  target: ReplyTarget,
  checked: NotProposer,
  commitmentId: string,
  locale: Locale,
  words: {
    missing: Reply;
    refusal: (c: Pick<Commitment, "ref" | "owners">, coordinators: readonly string[], locale: Locale) => Reply;
  },
): Promise<void> {
  if (checked.kind === "closed") return replyPrivately(target, contractClosedReply(checked.closed, locale));
  const commitment = checked.why === "missing" ? null : await deps.store.commitments.findById(commitmentId);
  if (!commitment) return replyPrivately(target, words.missing);
  await replyPrivately(
    target,
    words.refusal(commitment, await coordinatorsOf(deps.store, commitment.contractId), locale),
  );
}
