// The « Rapport de suivi du CSI » as an A4 PDF: pdfkit lays out the text and tables, the charts come from
// Vega-Lite as SVG and are drawn as vectors by svg-to-pdfkit. French only: it is handed to the signatories.
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { formatDateLong, formatDateShort, formatInstant, meetingKindLabel, statusLabel } from "../domain/format.js";
import type { ReportData, ReportIndicator, ReportLine, ReportMeeting } from "../domain/report.js";
import { daysUntil } from "../domain/status.js";
import { truncate } from "../domain/text.js";
import { STATUSES } from "../domain/types.js";
import { BLUE, INK, indicatorChartSpec, progressChartSpec, renderSvg, statusChartSpec } from "./charts.js";
import { fontBytes } from "./fonts.js";
import { fontFor, forPdf, type Weight } from "./pdf-text.js";

const REPORT_TITLE = "Rapport de suivi du CSI";
const REPORT_FOOTER = "Document de travail — diffusion restreinte aux membres du COPIL";

const MARGIN = 50;
const FOOTER_SPACE = 36;
const GREY = "#666666";
const LIGHT = "#f0f0f7";
const LATE_BG = "#fdecea";
const LATE_INK = "#b00000";
const RULE = "#c8c8c8";

interface Cell {
  text: string;
  weight?: Weight;
  color?: string;
}

/** Indicator charts drawn at most (the others keep their figures in the table). */
const MAX_INDICATOR_CHARTS = 60;
/** Past meetings whose decisions are listed, and meetings to come listed. */
export const REPORT_MEETINGS = { past: 3, next: 5 } as const;

type Doc = PDFKit.PDFDocument;

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

function svgSize(svg: string): { width: number; height: number } {
  const w = /width="([\d.]+)"/.exec(svg);
  const h = /height="([\d.]+)"/.exec(svg);
  return { width: Number(w?.[1] ?? 400), height: Number(h?.[1] ?? 200) };
}

class ReportWriter {
  readonly doc: Doc;
  constructor(
    private readonly data: ReportData,
    private readonly charts: Charts,
  ) {
    this.doc = new PDFDocument({
      size: "A4",
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
      bufferPages: true,
      lang: "fr-FR",
      displayTitle: true,
      info: {
        Title: `${REPORT_TITLE} — ${data.contract.title}`,
        Author: "Vigie",
        Subject: `Situation au ${formatDateLong(data.today, "fr")}`,
        CreationDate: data.generatedAt,
      },
    });
    const fonts = fontBytes();
    this.doc.registerFont("body", fonts.regular);
    this.doc.registerFont("bold", fonts.bold);
    this.doc.registerFont("italic", fonts.oblique);
    this.doc.font("Helvetica").fontSize(10).fillColor(INK);
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private room(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
  }

  private heading(text: string): void {
    this.room(60);
    this.doc.moveDown(0.6);
    this.write(text, "bold", 15, BLUE);
    const y = this.doc.y + 2;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .lineWidth(0.8)
      .strokeColor(BLUE)
      .stroke();
    this.doc.moveDown(0.6);
  }

  private subheading(text: string): void {
    this.room(90);
    this.doc.moveDown(0.5);
    this.write(text, "bold", 11.5);
    this.doc.moveDown(0.3);
  }

  private note(text: string): void {
    this.write(text, "italic", 9.5, GREY);
  }

  private chart(svg: string, maxWidth: number, x = MARGIN): void {
    const size = svgSize(svg);
    const scale = Math.min(1, maxWidth / size.width);
    const height = size.height * scale;
    this.room(height + 6);
    const y = this.doc.y;
    SVGtoPDF(this.doc, svg, x, y, {
      width: size.width * scale,
      height,
      assumePt: true,
      fontCallback: (_family, bold) => (bold ? "bold" : "body"),
    });
    this.doc.x = MARGIN;
    this.doc.y = y + height + 6;
  }

  /** Sets the font fit for `text` and returns the text as the PDF prints it. */
  private use(text: string, weight: Weight, size: number): string {
    const t = forPdf(text);
    this.doc.font(fontFor(t, weight)).fontSize(size);
    return t;
  }

  /** Writes a paragraph at the left margin (or `x`), in the font its characters need. */
  private write(
    text: string,
    weight: Weight,
    size: number,
    color = INK,
    options: PDFKit.Mixins.TextOptions = {},
    x = MARGIN,
  ): void {
    const t = this.use(text, weight, size);
    this.doc.fillColor(color).text(t, x, undefined, { width: this.width - (x - MARGIN), ...options });
  }

  /**
   * A table drawn row by row: each row as high as its tallest cell, a new page (with the header again) when a
   * row does not fit, shaded rows for those in `shaded` (indexes into `rows`). Thin horizontal rules only.
   */
  private table(header: string[], rows: (string | Cell)[][], widths: number[], shaded = new Set<number>()): void {
    const { doc } = this;
    const size = 8.5;
    const pad = 3;
    const cellOf = (c: string | Cell): Cell => (typeof c === "string" ? { text: c } : c);
    const heightOf = (cells: Cell[]) =>
      Math.max(
        ...cells.map((c, i) => {
          const t = this.use(c.text, c.weight ?? "regular", size);
          return doc.heightOfString(t, { width: (widths[i] ?? 50) - 2 * pad });
        }),
      ) +
      2 * pad;
    const draw = (cells: Cell[], y: number, h: number, background: string | null) => {
      if (background) doc.rect(MARGIN, y, this.width, h).fillColor(background).fill();
      let x = MARGIN;
      cells.forEach((c, i) => {
        const w = widths[i] ?? 50;
        const t = this.use(c.text, c.weight ?? "regular", size);
        doc.fillColor(c.color ?? INK).text(t, x + pad, y + pad, { width: w - 2 * pad });
        x += w;
      });
      doc
        .moveTo(MARGIN, y + h)
        .lineTo(MARGIN + this.width, y + h)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
    };
    const head = header.map((text) => ({ text, weight: "bold" as const }));
    const headHeight = heightOf(head);
    const drawHead = () => {
      const y = doc.y;
      draw(head, y, headHeight, LIGHT);
      doc.y = y + headHeight;
    };
    this.room(headHeight + 20);
    drawHead();
    rows.forEach((row, r) => {
      const cells = row.map(cellOf);
      const h = heightOf(cells);
      if (doc.y + h > doc.page.maxY()) {
        doc.addPage();
        drawHead();
      }
      const y = doc.y;
      draw(cells, y, h, shaded.has(r) ? LATE_BG : null);
      doc.y = y + h;
    });
    doc.x = MARGIN;
    doc.moveDown(0.5);
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
    this.write("Avancement moyen par partie", "bold", 11);
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
      ["Partie", "Total", ...statusCols.map((s) => statusLabel(s, "fr")), "Avancement", "En retard"],
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
    if (more > 0) this.note(`${more} autre(s) indicateur(s) ont des valeurs relevées : voir le tableau ci-dessus.`);
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
