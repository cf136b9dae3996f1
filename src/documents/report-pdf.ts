// The « Rapport de suivi du CSI » as an A4 PDF: pdfkit lays out the text and tables, the charts come from
// Vega-Lite as SVG and are drawn as vectors by svg-to-pdfkit. French only: it is handed to the signatories.
import PDFDocument from "pdfkit";
import { formatDateLong, formatDateShort, formatInstant, meetingKindLabel, statusLabel } from "../domain/format.js";
import type { ReportData, ReportIndicator, ReportLine, ReportMeeting } from "../domain/report.js";
import { daysUntil } from "../domain/status.js";
import { truncate } from "../domain/text.js";
import { STATUSES } from "../domain/types.js";
import { BLUE, INK, indicatorChartSpec, progressChartSpec, renderSvg, statusChartSpec } from "./charts.js";
import { fontBytes } from "./fonts.js";
import { FOOTER_SPACE, GREY, LIGHT, MARGIN, PdfLayout } from "./pdf-layout.js";

const REPORT_TITLE = "Rapport de suivi du CSI";
const REPORT_FOOTER = "Document de travail — diffusion restreinte aux membres du COPIL";

const LATE_INK = "#b00000";

/** Indicator charts drawn at most (the others keep their figures in the table). */
const MAX_INDICATOR_CHARTS = 60;
/** Past meetings whose decisions are listed, and meetings to come listed. */
export const REPORT_MEETINGS = { past: 3, next: 5 } as const;

interface Charts {
  progress: string;
  status: string;
  indicators: Map<ReportIndicator, string>;
}

const pct = (n: number) => `${Math.round(n)}\u00a0%`;
const fr = (n: number | null) =>
  n === null ? "—" : new Intl.NumberFormat("fr", { maximumFractionDigits: 2 }).format(n);
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

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

class ReportWriter extends PdfLayout {
  constructor(
    private readonly data: ReportData,
    private readonly charts: Charts,
  ) {
    super(reportDocument(data));
  }

  cover(): void {
    const { doc, data } = this;
    doc.y = 70;
    this.write("CONTRAT DE SÉCURITÉ INTÉGRÉE", "regular", 10, GREY, { characterSpacing: 1.5 });
    doc.moveDown(0.4);
    this.write(REPORT_TITLE, "bold", 26, BLUE);
    doc.moveDown(0.2);
    this.write(data.contract.title, "regular", 15);
    if (data.scope) {
      doc.moveDown(0.2);
      this.write(`Partie : ${data.scope}`, "bold", 12);
      const signatory = data.parties[0]?.signatory;
      if (signatory) this.write(`Signataire pour cette partie : ${signatory}`, "regular", 11);
      this.write("Rapport limité aux engagements de cette partie.", "regular", 11);
    }
    doc.moveDown(0.8);
    this.write(`Situation au ${formatDateLong(data.today, "fr")}`, "regular", 11);
    this.write(
      `Période couverte : depuis la signature du contrat, le ${formatDateLong(data.contract.signedOn, "fr")}, jusqu'au ${formatDateLong(data.today, "fr")}`,
      "regular",
      11,
    );
    this.write(`Fin du contrat : ${formatDateLong(data.contract.endsOn, "fr")}`, "regular", 11);
    doc.moveDown(0.8);
    this.write("Signataires", "bold", 11);
    for (const s of data.signatories)
      this.write(`${s.label}${s.signatory ? ` — ${s.signatory}` : ""}`, "regular", 11, INK, {}, MARGIN + 10);

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
    const bw = (this.width - gap * (boxes.length - 1)) / boxes.length;
    const top = doc.y;
    boxes.forEach(([figure, label], i) => {
      const x = MARGIN + i * (bw + gap);
      doc.rect(x, top, bw, 62).fillColor(LIGHT).fill();
      doc.fillColor(i === 3 && o.overdue > 0 ? LATE_INK : BLUE);
      doc.text(this.use(figure, "bold", 22), x, top + 9, { width: bw, align: "center" });
      doc.fillColor(INK).text(this.use(label, "regular", 9), x + 4, top + 38, { width: bw - 8, align: "center" });
    });
    doc.x = MARGIN;
    doc.y = top + 78;
    this.write(data.scope ? "Avancement moyen de la partie" : "Avancement moyen par partie", "bold", 11);
    doc.moveDown(0.3);
    this.chart(this.charts.progress, this.width);
    this.note(
      "Avancement moyen : moyenne des pourcentages déclarés par les pilotes, engagements abandonnés exclus (mêmes chiffres que « /csi etat »).",
    );
  }

  synthesis(): void {
    const { doc, data } = this;
    doc.addPage();
    this.heading("1. Synthèse");
    this.subheading("Engagements par statut");
    this.chart(this.charts.status, this.width);
    this.subheading("Par partie");
    const statusCols = STATUSES.filter((s) => data.byStatus[s] > 0);
    this.table(
      ["Partie", "Total", ...statusCols.map((s) => statusLabel(s, "fr")), "Avancement", "Échéances dépassées"],
      [
        ...data.parties.map((p) => [
          p.label,
          String(p.total),
          ...statusCols.map((s) => String(p.byStatus[s])),
          pct(p.averageProgress),
          String(p.overdue),
        ]),
        ...(data.scope
          ? []
          : [
              [
                { text: "Ensemble", weight: "bold" as const },
                String(data.overall.total),
                ...statusCols.map((s) => String(data.byStatus[s])),
                pct(data.overall.averageProgress),
                String(data.overall.overdue),
              ],
            ]),
      ],
      [96, 34, ...statusCols.map(() => (this.width - 96 - 34 - 62 - 46) / statusCols.length), 62, 46],
    );
    this.shortList(
      `Échéances dépassées (${data.overdue.length})`,
      data.overdue,
      "Aucun engagement n'a dépassé son échéance.",
      (l) =>
        l.dueOn
          ? `échéance ${formatDateShort(l.dueOn, "fr")}, ${plural(-daysUntil(data.today, l.dueOn), "jour", "jours")} de retard`
          : "",
    );
    this.shortList(
      `Points de vigilance (${data.atRisk.length})`,
      data.atRisk,
      "Aucun engagement n'est signalé en point de vigilance.",
      (l) => (l.dueOn ? `échéance ${formatDateShort(l.dueOn, "fr")}` : "sans échéance"),
    );
    this.shortList(
      `Engagements sans pilote désigné (${data.withoutOwner.length})`,
      data.withoutOwner,
      "Chaque engagement en cours a au moins un pilote désigné.",
      (l) => l.leadService ?? "service pilote non renseigné",
    );
    this.shortList(
      `Demandes « Réalisé » en attente de décision (${data.pendingDone.length})`,
      data.pendingDone,
      "Aucune demande « Réalisé » n'attend de décision.",
      (l) => `${statusLabel(l.status, "fr")}, ${pct(l.progress)}`,
    );
  }

  private shortList(
    title: string,
    lines: readonly ReportLine[],
    empty: string,
    detail: (l: ReportLine) => string,
  ): void {
    this.subheading(title);
    if (!lines.length) {
      this.note(empty);
      return;
    }
    this.table(
      ["Réf.", "Intitulé", "Précision"],
      lines.map((l) => [l.ref, l.title, detail(l)]),
      [64, this.width - 64 - 170, 170],
    );
  }

  commitments(): void {
    const { data } = this;
    this.doc.addPage();
    this.heading("2. Engagements par partie");
    this.note("Les lignes sur fond rouge sont en retard : échéance dépassée sans que l'engagement soit réalisé.");
    for (const section of data.sections) {
      this.subheading(`${section.label} — ${plural(section.lines.length, "engagement", "engagements")}`);
      const late = new Set(section.lines.flatMap((l, i) => (l.overdue ? [i] : [])));
      this.table(
        ["Réf.", "Intitulé", "Pilote", "Statut", "%", "Échéance", "Dernière nouvelle"],
        section.lines.map((l) => [
          l.ref,
          l.title,
          l.leadService ?? "—",
          l.overdue
            ? { text: `${statusLabel(l.status, "fr")} — échéance dépassée`, color: LATE_INK, weight: "bold" as const }
            : statusLabel(l.status, "fr") + (l.pendingDone ? " (« Réalisé » demandé)" : ""),
          pct(l.progress),
          l.dueOn ? formatDateShort(l.dueOn, "fr") : "—",
          l.lastNews
            ? `${formatDateShort(l.lastNews.on, "fr")}${l.lastNews.text ? ` : ${truncate(l.lastNews.text.replace(/\s+/g, " "), 160)}` : ""}`
            : "aucune",
        ]),
        [64, 126, 76, 64, 30, 50, this.width - 64 - 126 - 76 - 64 - 30 - 50],
        late,
      );
    }
  }

  indicators(): void {
    const { data, doc } = this;
    doc.addPage();
    this.heading("3. Indicateurs");
    if (!data.indicators.length) {
      this.note("Aucun indicateur n'est défini pour ces engagements.");
      return;
    }
    this.table(
      ["Réf.", "Indicateur", "Référence", "Cible", "Valeur actuelle"],
      data.indicators.map((i) => [
        i.ref,
        i.unit ? `${i.label} (${i.unit})` : i.label,
        `${fr(i.baseline)}${i.baselineOn ? ` (${formatDateShort(i.baselineOn, "fr")})` : ""}`,
        fr(i.target),
        `${fr(i.current)}${i.measuredOn ? ` (${formatDateShort(i.measuredOn, "fr")})` : ""}`,
      ]),
      [64, this.width - 64 - 95 - 60 - 100, 95, 60, 100],
    );
    const drawn = [...this.charts.indicators.entries()];
    if (drawn.length) this.subheading("Valeurs relevées dans le temps");
    for (const [indicator, svg] of drawn) {
      this.room(170);
      this.write(`${indicator.ref} — ${indicator.commitmentTitle}`, "bold", 9.5);
      this.chart(svg, this.width);
    }
    const more = data.indicators.filter((i) => i.series.length >= 2).length - drawn.length;
    if (more > 0)
      this.note(
        more > 1
          ? `${more} autres indicateurs ont des valeurs relevées : voir le tableau ci-dessus.`
          : "Un autre indicateur a des valeurs relevées : voir le tableau ci-dessus.",
      );
  }

  meetings(): void {
    const { data } = this;
    this.doc.addPage();
    this.heading("4. Réunions");
    this.subheading("Décisions des dernières réunions");
    if (!data.pastMeetings.length) this.note("Aucune réunion tenue n'est enregistrée.");
    for (const m of data.pastMeetings) {
      this.write(this.meetingTitle(m), "bold", 10);
      if (!m.decisions.length) this.note("Aucune décision enregistrée.");
      for (const d of m.decisions) this.write(`•  ${d}`, "regular", 10, INK, {}, MARGIN + 10);
      this.doc.moveDown(0.4);
    }
    this.subheading("Prochaines réunions");
    if (!data.nextMeetings.length) this.note("Aucune réunion n'est planifiée.");
    else
      this.table(
        ["Réunion", "Date", "Lieu"],
        data.nextMeetings.map((m) => [
          m.title ? `${meetingKindLabel(m.kind, "fr", "short")} — ${m.title}` : meetingKindLabel(m.kind, "fr"),
          formatInstant(m.startsAt, data.timezone, "fr"),
          m.place ?? "—",
        ]),
        [160, 200, this.width - 360],
      );
  }

  private meetingTitle(m: ReportMeeting): string {
    const kind = m.title ? `${meetingKindLabel(m.kind, "fr", "short")} — ${m.title}` : meetingKindLabel(m.kind, "fr");
    return `${kind}, ${formatInstant(m.startsAt, this.data.timezone, "fr")}`;
  }

  /** Footer of every page: the restriction, the date of generation, « Page n sur N ». */
  footers(): void {
    const { doc, data } = this;
    const range = doc.bufferedPageRange();
    const generated = `Généré par Vigie le ${formatInstant(data.generatedAt, data.timezone, "fr")}`;
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
      const y = doc.page.height - MARGIN - 14;
      doc
        .moveTo(MARGIN, y - 6)
        .lineTo(MARGIN + this.width, y - 6)
        .lineWidth(0.4)
        .strokeColor("#c8c8c8")
        .stroke();
      doc.fillColor(GREY);
      doc.text(this.use(REPORT_FOOTER, "regular", 7.5), MARGIN, y, { width: this.width - 90, lineBreak: false });
      doc.text(
        this.use(`Page ${i + 1 - range.start} sur ${range.count}`, "regular", 7.5),
        MARGIN + this.width - 90,
        y,
        {
          width: 90,
          align: "right",
          lineBreak: false,
        },
      );
      doc.text(this.use(generated, "regular", 7.5), MARGIN, y + 10, { width: this.width, lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }
}

/** The whole report as PDF bytes. */
export async function renderReportPdf(data: ReportData): Promise<Buffer> {
  const charts = await renderCharts(data);
  const w = new ReportWriter(data, charts);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    w.doc.on("data", (c: Buffer) => chunks.push(c));
    w.doc.on("end", () => resolve(Buffer.concat(chunks)));
    w.doc.on("error", reject);
  });
  w.cover();
  w.synthesis();
  w.commitments();
  w.indicators();
  w.meetings();
  w.footers();
  w.doc.end();
  return done;
}
