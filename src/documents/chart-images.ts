// The charts Vigie posts in Slack, as PNG images: the same Vega-Lite charts as the report, rasterized.
import { type IndicatorChart, indicatorChartSpec, type ProgressBar, progressChartSpec, renderSvg } from "./charts.js";
import { svgToPng } from "./png.js";

export const progressChartPng = async (bars: readonly ProgressBar[]): Promise<Buffer> =>
  svgToPng(await renderSvg(progressChartSpec(bars, 420)));

export const indicatorChartPng = async (chart: IndicatorChart): Promise<Buffer> =>
  svgToPng(await renderSvg(indicatorChartSpec(chart, 420, 160)));
