import { formatDateShort } from "../../../domain/format.js";
import { canManage, canReportProgress } from "../../../domain/permissions.js";
import { indicatorSeries } from "../../../domain/report.js";
import type { Commitment, ProgressUpdate } from "../../../domain/types.js";
import { classifySlackError } from "../../slack-sender.js";
import { uploadImage } from "../../upload-image.js";
import { chartImage, withImagesAtEnd } from "../../views/chart-blocks.js";
import { commitmentSheetReply, refNotFoundReply } from "../../views/commitment-sheet.js";
import { tr } from "../../views/locale.js";
import type { CommandContext, CommandHandler } from "../context.js";
import { contractOrReply, lookUpRef, navOf, todayOf } from "../read-helpers.js";

/** Indicator charts shown at most under a sheet. */
const MAX_SHEET_CHARTS = 3;
/** Updates read for the charts of a commitment with indicators (values over time). */
const CHART_UPDATES = 500;

/** `/csi voir REF`: the sheet of one commitment; a REF not found suggests the closest ones. */
export const showCommitment: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const { store, config } = ctx.deps;
  const lookup = await lookUpRef(ctx, contract);
  if ("suggestions" in lookup) return refNotFoundReply(ctx.rest, lookup.suggestions, ctx.locale, "show");
  const { commitment } = lookup;
  // A commitment with indicators reads its updates in force once: the latest three, and the values over time.
  const updates = await store.updates.listLatest(commitment.id, commitment.indicators.length ? CHART_UPDATES : 3);
  const reply = commitmentSheetReply({
    commitment,
    parties: contract.parties,
    latestUpdates: updates.slice(0, 3),
    requests: await store.requests.listFor(commitment.id),
    today: todayOf(ctx),
    timezone: config.schedule.timezone,
    viewerId: ctx.userId,
    canUpdate: canReportProgress(commitment, ctx.userId, ctx.role),
    canEdit: canManage(ctx.role),
    canTickMilestones: canReportProgress(commitment, ctx.userId, ctx.role),
    nav: navOf(ctx, `${tr(ctx.locale, "voir", "show")} ${commitment.ref}`),
  });
  return withImagesAtEnd(reply, await indicatorCharts(ctx, commitment, updates));
};

/** One image per indicator with values recorded over time (uploaded, shown by slack_file); none if Slack refuses. */
async function indicatorCharts(ctx: CommandContext, commitment: Commitment, updates: readonly ProgressUpdate[]) {
  const charts = commitment.indicators
    .map((indicator) => ({ indicator, series: indicatorSeries(indicator, updates, ctx.deps.config.schedule.timezone) }))
    .filter((c) => c.series.length >= 2)
    .slice(0, MAX_SHEET_CHARTS);
  if (!charts.length) return [];
  // vega and resvg are loaded on the first chart, not at start.
  const { indicatorChartPng } = await import("../../../documents/chart-images.js");
  const blocks = [];
  for (const { indicator, series } of charts) {
    try {
      const png = await indicatorChartPng({
        label: indicator.label,
        unit: indicator.unit,
        series,
        target: indicator.target,
      });
      const fileId = await uploadImage(ctx.client, {
        png,
        filename: `${commitment.ref}-indicateur.png`,
        title: indicator.label,
      });
      const values = series.map((p) => `${formatDateShort(p.on, "fr")} : ${p.value}`).join(", ");
      blocks.push(chartImage(fileId, `${indicator.label} — ${values}`, indicator.label));
    } catch (error) {
      ctx.deps.log.warn("show.chart_failed", { ref: commitment.ref, reason: classifySlackError(error).reason });
      break;
    }
  }
  return blocks;
}
