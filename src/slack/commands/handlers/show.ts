import { formatDateShort } from "../../../domain/format.js";
import { canManage, canReportProgress } from "../../../domain/permissions.js";
import { indicatorSeries } from "../../../domain/report.js";
import type { Commitment, ProgressUpdate } from "../../../domain/types.js";
import { classifySlackError } from "../../slack-sender.js";
import { uploadImage } from "../../upload-image.js";
import { chartImage, withImagesAtEnd } from "../../views/chart-blocks.js";
import { commitmentSheetReply, refNotFoundReply } from "../../views/commitment-sheet.js";
import { carriedLinkBlocks } from "../../views/renewal-blocks.js";
import type { CommandContext, CommandHandler } from "../context.js";
import { commandWord } from "../parse.js";
import { contractNamedFirst, lookUpRef, navOf, todayOf } from "../read-helpers.js";

/** Indicator charts shown at most under a sheet. */
const MAX_SHEET_CHARTS = 3;
/** Updates read for the charts of a commitment with indicators (values over time). */
const CHART_UPDATES = 500;

/**
 * `/csi voir REF`: the sheet of one commitment; a REF not found suggests the closest ones. `/csi voir CONTRAT REF`
 * reads it in another contract of the workspace (a renewed contract's old sheet, the next contract's new one).
 */
export const showCommitment: CommandHandler = async (ctx) => {
  const found = await contractNamedFirst(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  ctx = found.ctx;
  const { store } = ctx.deps;
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
    today: todayOf(ctx, contract),
    timezone: contract.timezone,
    viewerId: ctx.userId,
    // A contract closed by its renewal is read-only: no button that would change it.
    canUpdate: !contract.closedAt && canReportProgress(commitment, ctx.userId, ctx.role),
    canEdit: !contract.closedAt && canManage(ctx.role),
    canTickMilestones: !contract.closedAt && canReportProgress(commitment, ctx.userId, ctx.role),
    contractRef: found.named ? contract.ref : undefined,
    nav: navOf(ctx, `${commandWord("show", ctx.locale)} ${commitment.ref}`),
  });
  // Renewal links: read only for a carried commitment or in a closed contract (nothing more for the others).
  const links =
    commitment.carriedFromId || contract.closedAt
      ? carriedLinkBlocks(await store.renewal.linksOf(commitment.id), ctx.locale)
      : [];
  const withLinks = links.length
    ? { ...reply, blocks: [...reply.blocks.slice(0, 2), ...links, ...reply.blocks.slice(2)] }
    : reply;
  return withImagesAtEnd(withLinks, await indicatorCharts(ctx, commitment, updates, contract.timezone));
};

/** One image per indicator with values recorded over time (uploaded, shown by slack_file); none if Slack refuses. */
async function indicatorCharts(
  ctx: CommandContext,
  commitment: Commitment,
  updates: readonly ProgressUpdate[],
  timezone: string,
) {
  const charts = commitment.indicators
    .map((indicator) => ({ indicator, series: indicatorSeries(indicator, updates, timezone) }))
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
