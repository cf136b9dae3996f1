// The commitments as a spreadsheet file, for the steering committee's own reports. CSV the way a French
// office opens it: UTF-8 with a byte-order mark, semicolons, CRLF, dates dd/mm/yyyy and decimal commas
// (English: commas are kept for text, ISO dates, decimal points, still semicolon-separated so both open alike).
import { localDateOf } from "./due-instants.js";
import { formatDateShort, shownStatus } from "./format.js";
import { isOverdue } from "./status.js";
import type { Commitment, IsoDate, Locale, Party } from "./types.js";

interface CsvExportInput {
  commitments: readonly Commitment[];
  parties: readonly Party[];
  /** Slack user id → name, for owners; an id without a name is written as is. */
  names: ReadonlyMap<string, string>;
  today: IsoDate;
  /** Where « last update » days are counted (Europe/Paris). */
  timezone: string;
  locale: Locale;
}

const BOM = "\uFEFF";
const SEPARATOR = ";";

/**
 * One cell: quoted when it holds a separator, a quote or a line break; a text that a spreadsheet would run
 * as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP's advice on CSV injection).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const number = (n: number | null, locale: Locale): string | null =>
  n === null ? null : locale === "fr" ? String(n).replace(".", ",") : String(n);
const day = (d: IsoDate | null, locale: Locale): string | null =>
  d === null ? null : locale === "fr" ? formatDateShort(d, "fr") : d;

/** The fixed columns of the export, before the indicators' ones; `/csi import` recognises these names. */
export const EXPORT_HEADERS: Record<Locale, readonly string[]> = {
  fr: [
    "Référence",
    "Partie",
    "Intitulé",
    "Description",
    "Service pilote",
    "Pilotes",
    "Échéance",
    "Statut",
    "Avancement (%)",
    "En retard",
    "Dernière mise à jour",
  ],
  en: [
    "Ref",
    "Party",
    "Title",
    "Description",
    "Lead service",
    "Owners",
    "Due date",
    "Status",
    "Progress (%)",
    "Overdue",
    "Last update",
  ],
};

/** The five columns of indicator n (1-based), in the order the export writes them; the import reads them back. */
export const INDICATOR_PARTS = ["label", "unit", "baseline", "target", "current"] as const;
export type IndicatorPart = (typeof INDICATOR_PARTS)[number];
export const INDICATOR_HEADERS: Record<Locale, Record<IndicatorPart, string>> = {
  fr: { label: "Indicateur", unit: "Unité", baseline: "Départ", target: "Cible", current: "Valeur actuelle" },
  en: { label: "Indicator", unit: "Unit", baseline: "Baseline", target: "Target", current: "Current value" },
};
const indicatorHeader = (n: number, part: IndicatorPart, locale: Locale): string =>
  `${INDICATOR_HEADERS[locale][part]} ${n}`;

/**
 * An owner as the import reads it back: the name for people, the mention for Vigie (« Marc Dupont <@U0OWNER1> »);
 * an id without a known name is the mention alone.
 */
const ownerCell = (id: string, names: ReadonlyMap<string, string>): string => {
  const name = names.get(id);
  return name ? `${name} <@${id}>` : `<@${id}>`;
};

const indicatorCells = (c: Commitment, columns: number, locale: Locale): (string | number | null)[] =>
  Array.from({ length: columns }, (_, i) => c.indicators[i]).flatMap((ind) =>
    ind
      ? [ind.label, ind.unit, number(ind.baseline, locale), number(ind.target, locale), number(ind.current, locale)]
      : [null, null, null, null, null],
  );

/**
 * The whole file, header line first, one line per commitment in the order given. Each indicator takes five
 * columns (label, unit, baseline, target, current value), as many as the commitment that has the most, at least
 * one set so that a spreadsheet can add one.
 */
export function commitmentsCsv(input: CsvExportInput): string {
  const { locale } = input;
  const yes = locale === "fr" ? "oui" : "yes";
  const no = locale === "fr" ? "non" : "no";
  const columns = Math.max(1, ...input.commitments.map((c) => c.indicators.length));
  const header = [
    ...EXPORT_HEADERS[locale],
    ...Array.from({ length: columns }, (_, i) =>
      INDICATOR_PARTS.map((part) => indicatorHeader(i + 1, part, locale)),
    ).flat(),
  ];
  const lines = [header.map(csvCell).join(SEPARATOR)];
  for (const c of input.commitments) {
    const party = input.parties.find((p) => p.code === c.party)?.label ?? c.party;
    const owners = c.owners.map((id) => ownerCell(id, input.names)).join(", ");
    const lastUpdate = c.lastUpdateAt ? day(localDateOf(c.lastUpdateAt, input.timezone), locale) : null;
    const cells = [
      c.ref,
      party,
      c.title,
      c.description,
      c.leadService,
      owners || null,
      day(c.dueOn, locale),
      shownStatus(c, locale).label,
      c.progress,
      isOverdue(c, input.today) ? yes : no,
      lastUpdate,
      ...indicatorCells(c, columns, locale),
    ];
    lines.push(cells.map(csvCell).join(SEPARATOR));
  }
  return `${BOM + lines.join("\r\n")}\r\n`;
}

/** A name fit for a file: lower case, no accents, words joined by hyphens (`CSI Chambéry` → `csi-chambery`). */
export const fileSlug = (s: string): string =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** « csi-chambery-2026-11-23.csv »: the contract's ref and the day, safe in any file system. */
export function exportFileName(contractRef: string, today: IsoDate): string {
  return `${fileSlug(contractRef) || "csi"}-${today}.csv`;
}
