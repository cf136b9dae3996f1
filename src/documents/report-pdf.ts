// The « Rapport de suivi du CSI » as an A4 PDF: pdfkit lays out the text and tables, the charts come from
// Vega-Lite as SVG and are drawn as vectors by svg-to-pdfkit. French only: it is handed to the signatories.
import PDFDocument from "pdfkit";
import { formatDateLong } from "../domain/format.js";
import type { ReportData, ReportIndicator } from "../domain/report.js";
import { INK, indicatorChartSpec, progressChartSpec, renderSvg, statusChartSpec } from "./charts.js";
import { fontBytes } from "./fonts.js";
import { FOOTER_SPACE, MARGIN, PdfLayout } from "./pdf-layout.js";
import { writeCommitments, writeIndicators, writeMeetings, writeSynthesis } from "./report-pdf-body.js";
import { writeCover, writeFooters } from "./report-pdf-cover.js";
import { type Charts, REPORT_TITLE } from "./report-pdf-parts.js";

/** Indicator charts drawn at most (the others keep their figures in the table). */
const MAX_INDICATOR_CHARTS = 60;
/** Past meetings whose decisions are listed, and meetings to come listed. */
export const REPORT_MEETINGS = { past: 3, next: 5 } as const;

/** The SVG of every chart the report draws (rendered before layout: pdfkit draws synchronously). */
async function renderCharts(data: ReportData): Promise<Charts> {
  const bars = [
    ...(data.scope ? [] : [{ label: "Ensemble du contrat", progress: data.overall.averageProgress, overall: true }]),
    ...data.parties.map((p) => ({ label: p.label, progress: p.averageProgress, overall: data.scope !== null })),
  ];
  const indicators = new Map<ReportIndicator, string>();
  for (const i of data.indicators.filter((x) => x.series.length >= 2).slice(0, MAX_INDICATOR_CHARTS)) {
    indicators.set(i, await renderSvg(indicatorChartSpec(i, 400, 120)));
  }
  return {
    progress: await renderSvg(progressChartSpec(bars, 330)),
    status: await renderSvg(statusChartSpec(data.byStatus, 330)),
    indicators,
  };
}

/** An A4 document with the report's metadata and the fonts its texts need (DejaVu beside the standard ones). */
function reportDocument(data: ReportData): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    lang: "fr-FR",
    displayTitle: true,
    info: {
      Title: `${REPORT_TITLE} — ${data.contract.title}${data.scope ? ` — ${data.scope}` : ""}`,
      Author: "Vigie",
      Subject: `Situation au ${formatDateLong(data.today, "fr")}`,
      CreationDate: data.generatedAt,
    },
  });
  const fonts = fontBytes();
  doc.registerFont("body", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  doc.registerFont("italic", fonts.oblique);
  doc.font("Helvetica").fontSize(10).fillColor(INK);
  return doc;
}

/** The whole report as PDF bytes. */
export async function renderReportPdf(data: ReportData): Promise<Buffer> {
  const charts = await renderCharts(data);
  const p = new PdfLayout(reportDocument(data));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    p.doc.on("data", (c: Buffer) => chunks.push(c));
    p.doc.on("end", () => resolve(Buffer.concat(chunks)));
    p.doc.on("error", reject);
  });
  writeCover(p, data, charts);
  writeSynthesis(p, data, charts);
  writeCommitments(p, data);
  writeIndicators(p, data, charts);
  writeMeetings(p, data);
  writeFooters(p, data);
  p.doc.end();
  return done;
}
