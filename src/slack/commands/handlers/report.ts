import { matchParty } from "../../../domain/parties.js";
import { recordExport } from "../../../use-cases/record-export.js";
import { fileSentReply, reportFileWords } from "../../views/file-messages.js";
import { reportPartyNotUnderstoodReply } from "../../views/read-replies.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply } from "../read-helpers.js";
import { sendFileOrExplain } from "../send-file-reply.js";

/**
 * `/csi rapport [partie]` (committee members and coordinators): the « Rapport de suivi du CSI » as a PDF,
 * sent to the requester in their direct conversation with Vigie. `partie` is one of the contract's parties,
 * by code or name (`ETAT`, `ville`, `Ville de Chambéry`); anything else is refused with the contract's parties.
 */
export const reportCommand: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { locale, deps } = ctx;
  const typed = ctx.args.filter(Boolean).join(" ");
  const party = typed ? matchParty(typed, contract.parties) : null;
  if (typed && !party) return reportPartyNotUnderstoodReply({ parties: contract.parties, typed, locale });
  // pdfkit and vega are loaded on the first report, not at start (about 2 s and 60 MB that most runs never need).
  const { buildReport } = await import("../../../use-cases/build-report.js");
  const report = await buildReport(deps, contract, party, contract.timezone);
  const { overall } = report.data;
  const scope = report.data.scope ? ` — ${report.data.scope}` : "";
  const refused = await sendFileOrExplain(
    ctx,
    {
      filename: report.filename,
      content: report.pdf,
      ...reportFileWords(contract.title, scope, { today: report.data.today, ...overall }, locale),
    },
    "report",
    "report.send_failed",
  );
  if (refused) return refused;
  await recordExport(deps, {
    actorId: ctx.userId,
    contractId: contract.id,
    format: "pdf",
    count: overall.total,
    party,
  });
  deps.log.info("report.sent", { userId: ctx.userId, commitments: overall.total, bytes: report.pdf.length });
  return fileSentReply("report", report.filename, overall.total, locale);
};
