// One line of the App Home per commitment, party and meeting.
import type { PartyProgress } from "../../domain/dashboard.js";
import {
  formatDateShort,
  formatInstant,
  formatRelativeDays,
  meetingKindLabel,
  progressBar,
  statusCount,
  statusEmoji,
} from "../../domain/format.js";
import { daysUntil, isOverdue } from "../../domain/status.js";
import { truncate } from "../../domain/text.js";
import { type Commitment, type IsoDate, type Locale, type Meeting, STATUSES } from "../../domain/types.js";
import type { HomeData } from "./app-home-data.js";
import { channelLink } from "./blocks.js";
import { statusText } from "./commitment-text.js";
import { tr } from "./locale.js";
import { esc } from "./modal-parts.js";

function dueLine(c: Commitment, today: IsoDate, locale: Locale): string {
  if (!c.dueOn) return tr(locale, "sans échéance", "no due date");
  const days = daysUntil(today, c.dueOn);
  const date = formatDateShort(c.dueOn, locale);
  if (isOverdue(c, today))
    return tr(
      locale,
      `:warning: échéance dépassée (${date}, ${formatRelativeDays(days, locale)})`,
      `:warning: overdue (due ${date}, ${formatRelativeDays(days, locale)})`,
    );
  return tr(
    locale,
    `échéance ${date} (${formatRelativeDays(days, locale)})`,
    `due ${date} (${formatRelativeDays(days, locale)})`,
  );
}

export function commitmentLine(c: Commitment, today: IsoDate, locale: Locale): string {
  const status = statusText(c, locale);
  return `*${esc(c.ref)}* · ${status} · ${progressBar(c.progress, 10, locale)}\n${esc(truncate(c.title, 200))}\n${dueLine(c, today, locale)}`;
}

export function partyLine(p: PartyProgress, locale: Locale): string {
  const counts = STATUSES.filter((s) => p.byStatus[s] > 0)
    .map((s) => `${statusEmoji(s)} ${statusCount(s, p.byStatus[s], locale)}`)
    .join(" · ");
  const overdue =
    p.overdue > 0 ? tr(locale, ` · :warning: ${p.overdue} en retard`, ` · :warning: ${p.overdue} overdue`) : "";
  const n = tr(
    locale,
    `${p.total} engagement${p.total > 1 ? "s" : ""}`,
    `${p.total} commitment${p.total === 1 ? "" : "s"}`,
  );
  return `*${esc(truncate(p.label, 100))}* — ${n} · ${tr(locale, "moyenne", "average")} ${progressBar(p.averageProgress, 10, locale)}${overdue}\n${counts || "—"}`;
}

export function meetingLine(m: Meeting, d: HomeData): string {
  const title = m.title ? ` — ${esc(truncate(m.title, 120))}` : "";
  const place = m.place ? `\n:round_pushpin: ${esc(truncate(m.place, 150))}` : "";
  const channel = m.channelId ? ` · ${channelLink(m.channelId)}` : "";
  return `*${meetingKindLabel(m.kind, d.locale, "short")}*${title}\n:calendar: ${formatInstant(m.startsAt, d.timezone, d.locale)}${channel}${place}`;
}
