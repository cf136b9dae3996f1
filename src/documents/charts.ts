// Charts of the report and of Slack: Vega-Lite specifications compiled by vega-lite and rendered to SVG by
// vega's headless renderer (no canvas, no browser). The same SVG goes into the PDF (svg-to-pdfkit) and, through
// resvg, into the PNG images posted in Slack.
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { statusLabel } from "../domain/format.js";
import type { ReportPoint } from "../domain/report.js";
import { type IsoDate, STATUSES, type Status } from "../domain/types.js";

/** The one font of every chart: shipped with the app (dejavu-fonts-ttf), so PDF and PNG draw the same glyphs. */
export const CHART_FONT = "DejaVu Sans";
/** Marianne's blue (« bleu France ») and greys: a State document's sober palette. */
export const INK = "#1e1e1e";
export const BLUE = "#000091";
const GREY = "#929292";

// French number and date formats for every chart (vega keeps them as the process's defaults).
vega.formatLocale({ decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0€"], percent: "\u00a0%" });
vega.timeFormatLocale({
  dateTime: "%A %e %B %Y à %X",
  date: "%d/%m/%Y",
  time: "%H:%M:%S",
  periods: ["", ""],
  days: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
  shortDays: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
  months: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
  shortMonths: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
});

const config = {
  font: CHART_FONT,
  background: "white",
  view: { stroke: null },
  axis: {
    labelColor: INK,
    titleColor: INK,
    domainColor: GREY,
    tickColor: GREY,
    gridColor: "#e5e5e5",
    labelFontSize: 11,
  },
  legend: { labelColor: INK, titleColor: INK },
};

/** Renders a Vega-Lite specification to an SVG document. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile({ ...spec, config } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface ProgressBar {
  label: string;
  /** 0–100. */
  progress: number;
  /** Drawn darker: the whole contract beside its parties. */
  overall?: boolean;
}

const percent = (n: number) => `${Math.round(n)}\u00a0%`;

/** One horizontal bar per party (and the whole contract), the percentage written at the end of each bar. */
export function progressChartSpec(bars: readonly ProgressBar[], width = 420): TopLevelSpec {
  const values = bars.map((b) => ({
    label: b.label,
    progress: Math.max(0, Math.min(100, b.progress)),
    text: percent(b.progress),
    overall: b.overall ? "oui" : "non",
  }));
  // Labels up to ~35 characters (« Département de la Savoie », « Ensemble du contrat ») are written whole.
  const y = { field: "label", type: "nominal", sort: null, title: null, axis: { labelLimit: 280 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    height: { step: 26 },
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: "bar", color: "#eeeeee", cornerRadius: 2 },
        encoding: { x: { datum: 100, type: "quantitative" } },
      },
      {
        mark: { type: "bar", cornerRadius: 2 },
        encoding: {
          x: {
            field: "progress",
            type: "quantitative",
            scale: { domain: [0, 100] },
            title: "Avancement moyen (%)",
            axis: { values: [0, 25, 50, 75, 100], grid: false },
          },
          color: {
            field: "overall",
            type: "nominal",
            scale: { domain: ["oui", "non"], range: [BLUE, "#6a6af4"] },
            legend: null,
          },
        },
      },
      {
        mark: { type: "text", align: "left", dx: 4, fontWeight: "bold", color: INK, fontSize: 11 },
        encoding: { x: { field: "progress", type: "quantitative" }, text: { field: "text" } },
      },
    ],
  } as TopLevelSpec;
}

const STATUS_COLORS: Record<Status, string> = {
  NOT_STARTED: "#b7b7b7",
  ON_TRACK: "#6a6af4",
  AT_RISK: "#e4794a",
  LATE: "#ce0500",
  DONE: "#18753c",
  POSTPONED: "#a6a6a6",
  DROPPED: "#666666",
};

/** How many commitments in each status, the count written beside each bar. */
export function statusChartSpec(byStatus: Record<Status, number>, width = 420): TopLevelSpec {
  const values = STATUSES.map((s) => ({
    label: statusLabel(s, "fr"),
    count: byStatus[s] ?? 0,
    color: STATUS_COLORS[s],
  }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    height: { step: 20 },
    data: { values },
    encoding: {
      y: { field: "label", type: "nominal", sort: null, title: null },
      x: { field: "count", type: "quantitative", title: "Nombre d'engagements", axis: { tickMinStep: 1, grid: false } },
    },
    layer: [
      { mark: { type: "bar", cornerRadius: 2 }, encoding: { color: { field: "color", type: "nominal", scale: null } } },
      {
        mark: { type: "text", align: "left", dx: 4, color: INK, fontSize: 11 },
        encoding: { text: { field: "count" } },
      },
    ],
  } as TopLevelSpec;
}

export interface IndicatorChart {
  label: string;
  unit: string | null;
  series: readonly ReportPoint[];
  target: number | null;
}

const dayOf = (on: IsoDate) => `${on}T00:00:00Z`;

/** An indicator's recorded values over time (line and points, each labelled), its target as a dashed rule. */
export function indicatorChartSpec(chart: IndicatorChart, width = 380, height = 140): TopLevelSpec {
  const values = chart.series.map((p) => ({
    at: dayOf(p.on),
    value: p.value,
    text: new Intl.NumberFormat("fr", { maximumFractionDigits: 2 }).format(p.value),
  }));
  const x = {
    field: "at",
    type: "temporal",
    scale: { type: "utc" },
    title: null,
    axis: { labelAngle: 0, tickCount: Math.min(6, values.length), grid: false },
  };
  const title = chart.unit ? `${chart.label} (${chart.unit})` : chart.label;
  const layers: unknown[] = [
    {
      mark: { type: "line", color: BLUE, strokeWidth: 2 },
      encoding: { x, y: { field: "value", type: "quantitative", title: null } },
    },
    {
      mark: { type: "point", filled: true, color: BLUE, size: 40 },
      encoding: { x, y: { field: "value", type: "quantitative" } },
    },
    {
      mark: { type: "text", dy: -9, color: INK, fontSize: 10 },
      encoding: { x, y: { field: "value", type: "quantitative" }, text: { field: "text" } },
    },
  ];
  if (chart.target !== null) {
    layers.push({
      data: { values: [{ target: chart.target, text: `cible ${new Intl.NumberFormat("fr").format(chart.target)}` }] },
      layer: [
        {
          mark: { type: "rule", color: "#18753c", strokeDash: [4, 3] },
          encoding: { y: { field: "target", type: "quantitative" } },
        },
        {
          mark: { type: "text", align: "right", dy: -6, color: "#18753c", fontSize: 10, x: "width" },
          encoding: { y: { field: "target", type: "quantitative" }, text: { field: "text" } },
        },
      ],
    });
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, fontSize: 12, anchor: "start", color: INK, limit: width },
    width,
    height,
    data: { values },
    layer: layers,
  } as TopLevelSpec;
}
