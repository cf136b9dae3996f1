import { formatDateShort, formatInstant, formatNumber, progressBar } from "../../domain/format.js";
import type { CommitmentRequest } from "../../domain/requests.js";
import type { Indicator, Locale, ProgressUpdate } from "../../domain/types.js";
import { colon, link, mention, plain } from "./blocks.js";
import { statusText } from "./commitment-text.js";
import { tr } from "./locale.js";

function num(n: number | null, locale: Locale): string {
  return n === null ? "—" : formatNumber(n, locale);
}

export function indicatorLine(i: Indicator, locale: Locale): string {
  const unit = i.unit ? ` (${plain(i.unit, 40)})` : "";
  const parts: string[] = [];
  if (i.baseline !== null) {
    const on = i.baselineOn
      ? tr(locale, ` au ${formatDateShort(i.baselineOn, locale)}`, ` on ${formatDateShort(i.baselineOn, locale)}`)
      : "";
    parts.push(`${tr(locale, "référence", "baseline")} ${num(i.baseline, locale)}${on}`);
  }
  if (i.target !== null) parts.push(`${tr(locale, "cible", "target")} ${num(i.target, locale)}`);
  const measured = i.measuredOn
    ? tr(
        locale,
        `, mesuré le ${formatDateShort(i.measuredOn, locale)}`,
        `, measured ${formatDateShort(i.measuredOn, locale)}`,
      )
    : "";
  parts.push(
    i.current === null
      ? tr(locale, "_pas encore mesuré_", "_not measured yet_")
      : `*${tr(locale, "actuel", "current")} ${num(i.current, locale)}*${measured}`,
  );
  const source = i.source ? ` — ${tr(locale, "source", "source")}${colon(locale)}${plain(i.source, 80)}` : "";
  return `• ${plain(i.label, 160)}${unit}${colon(locale)}${parts.join(" · ")}${source}`;
}

/** How a « Réalisé » request made by an update reads on it: asked, then validated, refused or replaced. */
function requestNote(r: CommitmentRequest, locale: Locale): string {
  const by = mention(r.decidedBy ?? "");
  switch (r.decision) {
    case null:
      return tr(locale, ":hourglass: en attente de validation", ":hourglass: awaiting sign-off");
    case "CONFIRMED":
      return tr(locale, `:white_check_mark: validée par ${by}`, `:white_check_mark: confirmed by ${by}`);
    case "REFUSED":
      return tr(
        locale,
        `:leftwards_arrow_with_hook: refusée par ${by}`,
        `:leftwards_arrow_with_hook: refused by ${by}`,
      );
    case "WITHDRAWN":
      return tr(locale, "remplacée par une mise à jour plus récente", "replaced by a newer update");
  }
}

export function updateText(
  u: ProgressUpdate,
  timezone: string,
  locale: Locale,
  indicators: readonly Indicator[],
  request?: CommitmentRequest | null,
): string {
  // An update that asked for « Réalisé » is a request, not a status: it says so, and what became of it.
  const state =
    request?.kind === "DONE"
      ? `:checkered_flag: ${tr(locale, "Demande de clôture", "Request to close")} (${progressBar(u.progress, 10, locale)}) — ${requestNote(request, locale)}`
      : `${statusText(u, locale)} · ${progressBar(u.progress, 10, locale)}`;
  const lines = [`*${formatInstant(u.createdAt, timezone, locale)}* — ${mention(u.authorId)} · ${state}`];
  if (u.comment) lines.push(`> ${plain(u.comment, 500).replace(/\n/g, "\n> ")}`);
  if (u.nextStep) {
    const on = u.nextStepOn ? ` (${formatDateShort(u.nextStepOn, locale)})` : "";
    lines.push(`*${tr(locale, "Prochaine étape", "Next step")}*${colon(locale)}${plain(u.nextStep, 300)}${on}`);
  }
  if (u.blockers) lines.push(`*${tr(locale, "Difficultés", "Blockers")}*${colon(locale)}${plain(u.blockers, 300)}`);
  const values = u.indicatorValues
    .slice(0, 10)
    .map(
      (v) =>
        `${plain(indicators.find((i) => i.id === v.indicatorId)?.label ?? tr(locale, "indicateur supprimé", "removed indicator"), 60)} = ${num(v.value, locale)}`,
    );
  if (values.length) lines.push(`${tr(locale, "Indicateurs", "Indicators")}${colon(locale)}${values.join(" · ")}`);
  if (u.evidence) lines.push(`*${tr(locale, "Preuve", "Proof")}*${colon(locale)}${plain(u.evidence, 500)}`);
  if (u.evidenceUrl) lines.push(`${tr(locale, "Justificatif", "Evidence")}${colon(locale)}${link(u.evidenceUrl)}`);
  return lines.join("\n");
}
