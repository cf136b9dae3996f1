import { COMMAND } from "../../ids.js";
import { openProgressModal } from "../../open-progress-modal.js";
import { tr } from "../../views/locale.js";
import { textReply } from "../../views/reply.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply, lookUpRef } from "../read-helpers.js";

/** `/csi maj REF` / `update REF`: opens the progress-update modal with the command's trigger_id. */
export const openProgressUpdate: CommandHandler = async (ctx) => {
  const { deps, client, userId, triggerId, locale } = ctx;
  const usage = tr(
    locale,
    `\`${COMMAND} maj REF\`, par ex. \`${COMMAND} maj ETAT-08\``,
    `\`${COMMAND} update REF\`, e.g. \`${COMMAND} update ETAT-08\``,
  );
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const typed = ctx.rest;
  if (!typed) {
    const mine = (await deps.store.commitments.listOwnedBy(userId)).map((c) => `\`${c.ref}\``);
    const list = mine.length
      ? tr(locale, ` Vos engagements : ${mine.join(", ")}.`, ` Your commitments: ${mine.join(", ")}.`)
      : "";
    return textReply(
      tr(
        locale,
        `Indiquez l'engagement à mettre à jour : ${usage}.${list}`,
        `Say which commitment to update: ${usage}.${list}`,
      ),
    );
  }
  const lookup = await lookUpRef(ctx, contract);
  if ("suggestions" in lookup) {
    const shown = typed.slice(0, 40).replace(/[`*_~<>&]/g, "");
    const hint = lookup.suggestions.length
      ? tr(
          locale,
          ` Vouliez-vous dire ${lookup.suggestions.map((r) => `\`${r}\``).join(", ")} ?`,
          ` Did you mean ${lookup.suggestions.map((r) => `\`${r}\``).join(", ")}?`,
        )
      : "";
    return textReply(
      tr(
        locale,
        `:grey_question: Je ne trouve pas l'engagement « ${shown} ».${hint}`,
        `:grey_question: I cannot find the commitment "${shown}".${hint}`,
      ),
    );
  }
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
