// The commitments as a spreadsheet file, for the steering committee's own reports. CSV the way a French
// office opens it: UTF-8 with a byte-order mark, semicolons, CRLF, dates dd/mm/yyyy and decimal commas
// (English: commas are kept for text, ISO dates, decimal points, still semicolon-separated so both open alike).
import { localDateOf } from "./due-instants.js";
import { formatDateShort, statusLabel } from "./format.js";
import { isOverdue } from "./status.js";
import type { Commitment, IsoDate, Locale, Party } from "./types.js";

export interface CsvExportInput {
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

/** The header line of the export; `/csi import` recognises these names. */
export const EXPORT_HEADERS: Record<Locale, readonly string[]> = {
  fr: [
    "Référence",
    "Partie",
    "Intitulé",
    "Service pilote",
    "Pilotes",
    "Échéance",
    "Statut",
    "Avancement (%)",
    "En retard",
    "Dernière mise à jour",
    "Indicateurs",
  ],
  en: [
    "Ref",
    "Party",
    "Title",
    "Lead service",
    "Owners",
    "Due date",
    "Status",
    "Progress (%)",
    "Overdue",
    "Last update",
    "Indicators",
  ],
};

function indicatorsCell(c: Commitment, locale: Locale): string {
  return c.indicators
    .map((i) => {
      const unit = i.unit ? ` ${i.unit}` : "";
      const current = i.current === null ? "—" : number(i.current, locale);
      const target = i.target === null ? "" : ` / ${number(i.target, locale)}`;
      const on = i.measuredOn ? ` (${day(i.measuredOn, locale)})` : "";
      return `${i.label} : ${current}${target}${unit}${on}`;
    })
    .join(" | ");
}

/** The whole file, header line first, one line per commitment in the order given. */
export function commitmentsCsv(input: CsvExportInput): string {
  const { locale } = input;
  const yes = locale === "fr" ? "oui" : "yes";
  const no = locale === "fr" ? "non" : "no";
  const lines = [EXPORT_HEADERS[locale].map(csvCell).join(SEPARATOR)];
  for (const c of input.commitments) {
    const party = input.parties.find((p) => p.code === c.party)?.label ?? c.party;
    const owners = c.owners.map((id) => input.names.get(id) ?? id).join(", ");
    const lastUpdate = c.lastUpdateAt ? day(localDateOf(c.lastUpdateAt, input.timezone), locale) : null;
    const cells = [
      c.ref,
      party,
      c.title,
      c.leadService,
      owners || null,
      day(c.dueOn, locale),
      statusLabel(c.status, locale),
      c.progress,
      isOverdue(c, input.today) ? yes : no,
      lastUpdate,
      indicatorsCell(c, locale) || null,
    ];
    lines.push(cells.map(csvCell).join(SEPARATOR));
  }
  return `${BOM + lines.join("\r\n")}\r\n`;
}

/** « csi-chambery-2026-11-23.csv »: the contract's ref and the day, safe in any file system. */
export function exportFileName(contractRef: string, today: IsoDate): string {
  const slug =
    contractRef
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "csi";
  return `${slug}-${today}.csv`;
}
