import { commitmentsCsv, exportFileName } from "../../../domain/export-csv.js";
import { recordExport } from "../../../use-cases/record-export.js";
import { userNamesOf } from "../../user-locale.js";
import { exportFileWords, fileSentReply, nothingToSendReply } from "../../views/file-messages.js";
import type { CommandHandler } from "../context.js";
import { parseListArgs } from "../parse.js";
import { contractOrReply, filterNotUnderstoodReply, listSelected, todayOf } from "../read-helpers.js";
import { sendFileOrExplain } from "../send-file-reply.js";

/**
 * `/csi export [partie] [statut]` (coordinators): the commitments as a CSV file, sent to the coordinator
 * in their direct conversation with Vigie, with the same filters as `liste`.
 */
export const exportCommitmentsCommand: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { locale, deps, client } = ctx;
  const args = parseListArgs(ctx.args, contract.parties);
  if (args.unknown.length)
    return filterNotUnderstoodReply(ctx, contract, args.unknown, {
      fr: "/csi export ville en-retard",
      en: "/csi export city late",
    });
  const today = todayOf(ctx, contract);
  const commitments = await listSelected(ctx, contract, args, today);
  if (!commitments.length) return nothingToSendReply("export", locale);

  const names = await userNamesOf(
    deps,
    client,
    commitments.flatMap((c) => c.owners),
  );
  const csv = commitmentsCsv({
    commitments,
    parties: contract.parties,
    names,
    today,
    timezone: contract.timezone,
    locale,
  });
  const filename = exportFileName(contract.ref, today);
  const count = commitments.length;
  const refused = await sendFileOrExplain(
    ctx,
    {
      filename,
      content: csv,
      ...exportFileWords(contract.title, count, today, locale),
    },
    "export",
    "export.send_failed",
  );
  if (refused) return refused;
  deps.log.info("export.sent", { userId: ctx.userId, commitments: count });
  await recordExport(deps, {
    actorId: ctx.userId,
    contractId: contract.id,
    format: "csv",
    count,
    party: args.party,
    status: args.status,
  });
  return fileSentReply("export", filename, count, locale);
};
