import { openProgressModal } from "../../open-progress-modal.js";
import { updateRefNotFoundReply, updateWhichReply } from "../../views/read-replies.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, lookUpRef } from "../read-helpers.js";

/** `/csi maj REF` / `update REF`: opens the progress-update modal with the command's trigger_id. */
export const openProgressUpdate: CommandHandler = async (ctx) => {
  const { deps, client, userId, triggerId, locale } = ctx;
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const typed = ctx.rest;
  if (!typed)
    return updateWhichReply(
      (await deps.store.commitments.listOwnedBy(userId)).map((c) => c.ref),
      locale,
    );
  const lookup = await lookUpRef(ctx, contract);
  if ("suggestions" in lookup) return updateRefNotFoundReply(typed, lookup.suggestions, locale);
  const outcome = await openProgressModal({
    deps,
    client,
    triggerId,
    userId,
    commitmentId: lookup.commitment.id,
    locale,
  });
  return outcome.kind === "refused" ? outcome.reply : null;
};
