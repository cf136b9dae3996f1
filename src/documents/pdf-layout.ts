// Laying out an A4 document with pdfkit: headings, paragraphs in the font their characters need, charts drawn
// from SVG as vectors (svg-to-pdfkit), tables that break across pages with their header repeated. The report
// (report-pdf.ts) is written with these; they know nothing of its content.
import SVGtoPDF from "svg-to-pdfkit";
import { BLUE, INK } from "./charts.js";
import { fontFor, forPdf, type Weight } from "./pdf-text.js";

export const MARGIN = 50;
export const FOOTER_SPACE = 36;
export const GREY = "#666666";
export const LIGHT = "#f0f0f7";
const LATE_BG = "#fdecea";
const RULE = "#c8c8c8";

interface Cell {
  text: string;
  weight?: Weight;
  color?: string;
}

function svgSize(svg: string): { width: number; height: number } {
  const w = /width="([\d.]+)"/.exec(svg);
  const h = /height="([\d.]+)"/.exec(svg);
  return { width: Number(w?.[1] ?? 400), height: Number(h?.[1] ?? 200) };
}

/** The layout primitives of a document, with which its sections are written. */
export class PdfLayout {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  room(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
  }

  heading(text: string): void {
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

  subheading(text: string): void {
    this.room(90);
    this.doc.moveDown(0.5);
    this.write(text, "bold", 11.5);
    this.doc.moveDown(0.3);
  }

  note(text: string): void {
    this.write(text, "italic", 9.5, GREY);
  }

  chart(svg: string, maxWidth: number, x = MARGIN): void {
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
  use(text: string, weight: Weight, size: number): string {
    const t = forPdf(text);
    this.doc.font(fontFor(t, weight)).fontSize(size);
    return t;
  }

  /** Writes a paragraph at the left margin (or `x`), in the font its characters need. */
  write(
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
  table(header: string[], rows: (string | Cell)[][], widths: number[], shaded = new Set<number>()): void {
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
}
