// The COPIL report for a contract (or one of its parties): the same figures as `/csi etat`, read from the
// same store function, then laid out as a PDF.
import type { AppDeps } from "../app/deps.js";
import { localDateOf } from "../domain/due-instants.js";
import { buildReportData, type ReportData, reportFileName } from "../domain/report.js";
import type { Contract } from "../domain/types.js";

interface BuiltReport {
  filename: string;
  pdf: Buffer;
  data: ReportData;
}

/** Reads what the report shows at `deps.now()` and renders it, dates in `timezone`. `party` limits it to one party's commitments. */
export async function buildReport(
  deps: Pick<AppDeps, "store" | "now">,
  contract: Contract,
  party: string | null,
  timezone: string,
): Promise<BuiltReport> {
  const { store } = deps;
  // pdfkit, vega and the fonts: loaded when the first report is asked for, not at start (the scheduler imports this).
  const { REPORT_MEETINGS, renderReportPdf } = await import("../documents/report-pdf.js");
  const now = deps.now();
  const today = localDateOf(now, timezone);
  const [figures, commitments, updates, pastMeetings, nextMeetings] = await Promise.all([
    store.commitments.countByParty(
      contract.id,
      contract.parties.map((p) => p.code),
      today,
    ),
    store.commitments.listFiltered(contract.id, party ? { party } : {}),
    store.report.listUpdatesInForce(contract.id, party),
    store.report.listPastMeetings(contract.id, now, REPORT_MEETINGS.past),
    store.meetings.listUpcoming(contract.id, now, REPORT_MEETINGS.next),
  ]);
  const data = buildReportData({
    contract,
    party,
    figures,
    commitments,
    updates,
    pastMeetings,
    nextMeetings,
    today,
    generatedAt: now,
    timezone,
  });
  return { filename: reportFileName(contract.ref, party, today), pdf: await renderReportPdf(data), data };
}
