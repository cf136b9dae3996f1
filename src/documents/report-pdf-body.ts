// The report's four sections: synthesis, commitments per party, indicators, meetings.
import { formatDateShort, formatInstant, meetingKindLabel, statusLabel } from "../domain/format.js";
import type { ReportData, ReportLine, ReportMeeting } from "../domain/report.js";
import { daysUntil } from "../domain/status.js";
import { truncate } from "../domain/text.js";
import { STATUSES } from "../domain/types.js";
import { INK } from "./charts.js";
import { MARGIN, type PdfLayout } from "./pdf-layout.js";
import { type Charts, fr, LATE_INK, pct, plural } from "./report-pdf-parts.js";

/** 1. Synthèse: commitments per status and per party, then the short lists (overdue, at risk, ownerless, pending). */
export function writeSynthesis(p: PdfLayout, data: ReportData, charts: Charts): void {
  const { doc } = p;
  doc.addPage();
  p.heading("1. Synthèse");
  p.subheading("Engagements par statut");
  p.chart(charts.status, p.width);
  p.subheading("Par partie");
  const statusCols = STATUSES.filter((s) => data.byStatus[s] > 0);
  p.table(
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
    [96, 34, ...statusCols.map(() => (p.width - 96 - 34 - 62 - 46) / statusCols.length), 62, 46],
  );
  shortList(
    p,
    `Échéances dépassées (${data.overdue.length})`,
    data.overdue,
    "Aucun engagement n'a dépassé son échéance.",
    (l) =>
      l.dueOn
        ? `échéance ${formatDateShort(l.dueOn, "fr")}, ${plural(-daysUntil(data.today, l.dueOn), "jour", "jours")} de retard`
        : "",
  );
  shortList(
    p,
    `Points de vigilance (${data.atRisk.length})`,
    data.atRisk,
    "Aucun engagement n'est signalé en point de vigilance.",
    (l) => (l.dueOn ? `échéance ${formatDateShort(l.dueOn, "fr")}` : "sans échéance"),
  );
  shortList(
    p,
    `Engagements sans pilote désigné (${data.withoutOwner.length})`,
    data.withoutOwner,
    "Chaque engagement en cours a au moins un pilote désigné.",
    (l) => l.leadService ?? "service pilote non renseigné",
  );
  shortList(
    p,
    `Demandes « Réalisé » en attente de décision (${data.pendingDone.length})`,
    data.pendingDone,
    "Aucune demande « Réalisé » n'attend de décision.",
    (l) => `${statusLabel(l.status, "fr")}, ${pct(l.progress)}`,
  );
}

function shortList(
  p: PdfLayout,
  title: string,
  lines: readonly ReportLine[],
  empty: string,
  detail: (l: ReportLine) => string,
): void {
  p.subheading(title);
  if (!lines.length) {
    p.note(empty);
    return;
  }
  p.table(
    ["Réf.", "Intitulé", "Précision"],
    lines.map((l) => [l.ref, l.title, detail(l)]),
    [64, p.width - 64 - 170, 170],
  );
}

/** 2. Every commitment, one table per party, late lines shaded red. */
export function writeCommitments(p: PdfLayout, data: ReportData): void {
  p.doc.addPage();
  p.heading("2. Engagements par partie");
  p.note("Les lignes sur fond rouge sont en retard : échéance dépassée sans que l'engagement soit réalisé.");
  for (const section of data.sections) {
    p.subheading(`${section.label} — ${plural(section.lines.length, "engagement", "engagements")}`);
    const late = new Set(section.lines.flatMap((l, i) => (l.overdue ? [i] : [])));
    p.table(
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
      [64, 126, 76, 64, 30, 50, p.width - 64 - 126 - 76 - 64 - 30 - 50],
      late,
    );
  }
}

/** 3. The indicators table, then a chart for each indicator with at least two values. */
export function writeIndicators(p: PdfLayout, data: ReportData, charts: Charts): void {
  const { doc } = p;
  doc.addPage();
  p.heading("3. Indicateurs");
  if (!data.indicators.length) {
    p.note("Aucun indicateur n'est défini pour ces engagements.");
    return;
  }
  p.table(
    ["Réf.", "Indicateur", "Référence", "Cible", "Valeur actuelle"],
    data.indicators.map((i) => [
      i.ref,
      i.unit ? `${i.label} (${i.unit})` : i.label,
      `${fr(i.baseline)}${i.baselineOn ? ` (${formatDateShort(i.baselineOn, "fr")})` : ""}`,
      fr(i.target),
      `${fr(i.current)}${i.measuredOn ? ` (${formatDateShort(i.measuredOn, "fr")})` : ""}`,
    ]),
    [64, p.width - 64 - 95 - 60 - 100, 95, 60, 100],
  );
  const drawn = [...charts.indicators.entries()];
  if (drawn.length) p.subheading("Valeurs relevées dans le temps");
  for (const [indicator, svg] of drawn) {
    p.room(170);
    p.write(`${indicator.ref} — ${indicator.commitmentTitle}`, "bold", 9.5);
    p.chart(svg, p.width);
  }
  const more = data.indicators.filter((i) => i.series.length >= 2).length - drawn.length;
  if (more > 0)
    p.note(
      more > 1
        ? `${more} autres indicateurs ont des valeurs relevées : voir le tableau ci-dessus.`
        : "Un autre indicateur a des valeurs relevées : voir le tableau ci-dessus.",
    );
}

/** 4. The decisions of the last meetings held, and the meetings to come. */
export function writeMeetings(p: PdfLayout, data: ReportData): void {
  p.doc.addPage();
  p.heading("4. Réunions");
  p.subheading("Décisions des dernières réunions");
  if (!data.pastMeetings.length) p.note("Aucune réunion tenue n'est enregistrée.");
  for (const m of data.pastMeetings) {
    p.write(meetingTitle(m, data.timezone), "bold", 10);
    if (!m.decisions.length) p.note("Aucune décision enregistrée.");
    for (const d of m.decisions) p.write(`•  ${d}`, "regular", 10, INK, {}, MARGIN + 10);
    p.doc.moveDown(0.4);
  }
  p.subheading("Prochaines réunions");
  if (!data.nextMeetings.length) p.note("Aucune réunion n'est planifiée.");
  else
    p.table(
      ["Réunion", "Date", "Lieu"],
      data.nextMeetings.map((m) => [
        m.title ? `${meetingKindLabel(m.kind, "fr", "short")} — ${m.title}` : meetingKindLabel(m.kind, "fr"),
        formatInstant(m.startsAt, data.timezone, "fr"),
        m.place ?? "—",
      ]),
      [160, 200, p.width - 360],
    );
}

function meetingTitle(m: ReportMeeting, timezone: string): string {
  const kind = m.title ? `${meetingKindLabel(m.kind, "fr", "short")} — ${m.title}` : meetingKindLabel(m.kind, "fr");
  return `${kind}, ${formatInstant(m.startsAt, timezone, "fr")}`;
}
