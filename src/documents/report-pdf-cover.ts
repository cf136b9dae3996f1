// The report's cover (title, signatories, key figures, progress chart) and every page's footer.
import { formatDateLong, formatInstant } from "../domain/format.js";
import type { ReportData } from "../domain/report.js";
import { BLUE, INK } from "./charts.js";
import { GREY, LIGHT, MARGIN, type PdfLayout } from "./pdf-layout.js";
import { type Charts, LATE_INK, pct, plural, REPORT_FOOTER, REPORT_TITLE } from "./report-pdf-parts.js";

/** Page 1: the title, period, signatories, key figures in boxes and the progress chart. */
export function writeCover(p: PdfLayout, data: ReportData, charts: Charts): void {
  const { doc } = p;
  doc.y = 70;
  p.write("CONTRAT DE SÉCURITÉ INTÉGRÉE", "regular", 10, GREY, { characterSpacing: 1.5 });
  doc.moveDown(0.4);
  p.write(REPORT_TITLE, "bold", 26, BLUE);
  doc.moveDown(0.2);
  p.write(data.contract.title, "regular", 15);
  if (data.scope) {
    doc.moveDown(0.2);
    p.write(`Partie : ${data.scope}`, "bold", 12);
    const signatory = data.parties[0]?.signatory;
    if (signatory) p.write(`Signataire pour cette partie : ${signatory}`, "regular", 11);
    p.write("Rapport limité aux engagements de cette partie.", "regular", 11);
  }
  doc.moveDown(0.8);
  p.write(`Situation au ${formatDateLong(data.today, "fr")}`, "regular", 11);
  p.write(
    `Période couverte : depuis la signature du contrat, le ${formatDateLong(data.contract.signedOn, "fr")}, jusqu'au ${formatDateLong(data.today, "fr")}`,
    "regular",
    11,
  );
  p.write(`Fin du contrat : ${formatDateLong(data.contract.endsOn, "fr")}`, "regular", 11);
  doc.moveDown(0.8);
  p.write("Signataires", "bold", 11);
  for (const s of data.signatories)
    p.write(`${s.label}${s.signatory ? ` — ${s.signatory}` : ""}`, "regular", 11, INK, {}, MARGIN + 10);

  // Key figures, in boxes.
  doc.moveDown(1.2);
  const o = data.overall;
  const boxes: [string, string][] = [
    [String(o.total), "engagements"],
    [pct(o.averageProgress), "d'avancement moyen"],
    [String(o.done), plural(o.done, "réalisé", "réalisés").replace(/^\d+ /, "")],
    [String(o.overdue), o.overdue > 1 ? "échéances dépassées" : "échéance dépassée"],
  ];
  const gap = 10;
  const bw = (p.width - gap * (boxes.length - 1)) / boxes.length;
  const top = doc.y;
  boxes.forEach(([figure, label], i) => {
    const x = MARGIN + i * (bw + gap);
    doc.rect(x, top, bw, 62).fillColor(LIGHT).fill();
    doc.fillColor(i === 3 && o.overdue > 0 ? LATE_INK : BLUE);
    doc.text(p.use(figure, "bold", 22), x, top + 9, { width: bw, align: "center" });
    doc.fillColor(INK).text(p.use(label, "regular", 9), x + 4, top + 38, { width: bw - 8, align: "center" });
  });
  doc.x = MARGIN;
  doc.y = top + 78;
  p.write(data.scope ? "Avancement moyen de la partie" : "Avancement moyen par partie", "bold", 11);
  doc.moveDown(0.3);
  p.chart(charts.progress, p.width);
  p.note(
    "Avancement moyen : moyenne des pourcentages déclarés par les pilotes, engagements abandonnés exclus (mêmes chiffres que « /csi etat »).",
  );
}

/** Footer of every page: the restriction, the date of generation, « Page n sur N ». */
export function writeFooters(p: PdfLayout, data: ReportData): void {
  const { doc } = p;
  const range = doc.bufferedPageRange();
  const generated = `Généré par Vigie le ${formatInstant(data.generatedAt, data.timezone, "fr")}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    const y = doc.page.height - MARGIN - 14;
    doc
      .moveTo(MARGIN, y - 6)
      .lineTo(MARGIN + p.width, y - 6)
      .lineWidth(0.4)
      .strokeColor("#c8c8c8")
      .stroke();
    doc.fillColor(GREY);
    doc.text(p.use(REPORT_FOOTER, "regular", 7.5), MARGIN, y, { width: p.width - 90, lineBreak: false });
    doc.text(p.use(`Page ${i + 1 - range.start} sur ${range.count}`, "regular", 7.5), MARGIN + p.width - 90, y, {
      width: 90,
      align: "right",
      lineBreak: false,
    });
    doc.text(p.use(generated, "regular", 7.5), MARGIN, y + 10, { width: p.width, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
