// A contract closed by its renewal: its final report (the `/csi rapport` PDF as it stood when it closed, dates in
// its own time zone), recorded in the audit trail as a file handed to the coordinator who renewed it.
import type { AppDeps } from "../app/deps.js";
import type { Contract } from "../domain/types.js";
import { buildReport } from "./build-report.js";
import { recordExport } from "./record-export.js";

export async function buildFinalReport(
  deps: Pick<AppDeps, "store" | "now" | "config">,
  contract: Contract,
  actorId: string,
): Promise<{ filename: string; pdf: Buffer }> {
  const report = await buildReport(deps, contract, null, contract.timezone);
  await recordExport(deps, { actorId, contractId: contract.id, format: "pdf", count: report.data.overall.total });
  return { filename: report.filename.replace(/\.pdf$/, "-final.pdf"), pdf: report.pdf };
}
