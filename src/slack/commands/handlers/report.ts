import { countOf, formatDateLong } from "../../../domain/format.js";
import { matchParty } from "../../../domain/parties.js";
import { recordExport } from "../../../use-cases/record-export.js";
import { tr } from "../../views/locale.js";
import { reportPartyNotUnderstoodReply } from "../../views/read-replies.js";
import { textReply } from "../../views/reply.js";
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
      title: `Rapport de suivi du CSI — ${contract.title}${scope}`,
      content: report.pdf,
      comment: tr(
        locale,
        `:bookmark_tabs: Rapport de suivi du CSI${scope}, situation au ${formatDateLong(report.data.today, "fr")} : ${countOf(overall.total, "fr", "engagement", "engagements")}, ${overall.averageProgress} % d'avancement moyen, ${overall.overdue} en retard. Document de travail, diffusion restreinte aux membres du COPIL.`,
        `:bookmark_tabs: CSI follow-up report${scope} (in French), as of ${formatDateLong(report.data.today, "en")}: ${countOf(overall.total, "en", "commitment", "commitments")}, ${overall.averageProgress}% average progress, ${overall.overdue} overdue. Working document, for COPIL members only.`,
      ),
    },
    { fr: "Le rapport", en: "The report" },
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
  return textReply(
    tr(
      locale,
      `:white_check_mark: Rapport envoyé dans votre conversation avec Vigie : *${report.filename}*.`,
      `:white_check_mark: Report sent to your conversation with Vigie: *${report.filename}*.`,
    ),
  );
};
