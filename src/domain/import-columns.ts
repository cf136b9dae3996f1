// `/csi import`: which column of a spreadsheet holds what. A header line names the columns (those of
// `/csi export` in French or English included, the ones not imported then listed as ignored); without one, the
// default order. Pure; import-csv.ts reads and checks the rows.
import type { RawRow } from "./csv-read.js";
import { EXPORT_HEADERS, INDICATOR_HEADERS, INDICATOR_PARTS, type IndicatorPart } from "./export-csv.js";
import { normalizeText, truncate } from "./text.js";
import type { Locale } from "./types.js";

/** Indicator columns read at most (« Indicateur 1 » … « Indicateur 20 »). */
const MAX_INDICATOR_COLUMNS = 20;

export type ImportColumn = "ref" | "party" | "title" | "leadService" | "owners" | "dueOn" | "description";
export type Column = { field: ImportColumn } | { indicator: number; part: IndicatorPart };

/** Without a header line, the columns are read in this order. */
export const DEFAULT_COLUMNS: readonly ImportColumn[] = ["party", "title", "dueOn", "leadService", "description"];

/** Header names read as each column, folded by headerKey(). */
const HEADER_NAMES: Record<ImportColumn, readonly string[]> = {
  ref: ["reference", "ref"],
  party: ["partie", "party"],
  title: ["intitule", "titre", "title"],
  leadService: ["service pilote", "lead service"],
  owners: ["pilotes", "pilote", "owners", "owner"],
  dueOn: ["echeance", "due date"],
  description: ["description"],
};

const COLUMN_LABELS: Record<Locale, Record<ImportColumn, string>> = {
  fr: {
    ref: "Référence",
    party: "Partie",
    title: "Intitulé",
    leadService: "Service pilote",
    owners: "Pilotes",
    dueOn: "Échéance",
    description: "Description",
  },
  en: {
    ref: "Ref",
    party: "Party",
    title: "Title",
    leadService: "Lead service",
    owners: "Owners",
    dueOn: "Due date",
    description: "Description",
  },
};

export const columnLabel = (column: ImportColumn, locale: Locale): string => COLUMN_LABELS[locale][column];

/** Trimmed; the apostrophe `/csi export` puts before a text a spreadsheet would run as a formula is taken off. */
export const cleanCell = (s: string | undefined): string => (s ?? "").trim().replace(/^'(?=[=+\-@])/, "");

const headerKey = (s: string): string =>
  normalizeText(s)
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The columns a header may name, in the order help texts list them. */
export const IMPORT_COLUMNS = Object.keys(HEADER_NAMES) as ImportColumn[];

const INDICATOR_KEYS: readonly [string, IndicatorPart][] = (["fr", "en"] as const).flatMap((l) =>
  INDICATOR_PARTS.map((part): [string, IndicatorPart] => [headerKey(INDICATOR_HEADERS[l][part]), part]),
);

function columnNamed(key: string): Column | null {
  const field = IMPORT_COLUMNS.find((c) => HEADER_NAMES[c].includes(key));
  if (field) return { field };
  const numbered = /^(.*\D) ?(\d{1,2})$/.exec(key);
  const part = numbered ? INDICATOR_KEYS.find(([name]) => name === numbered[1]?.trim())?.[1] : undefined;
  const n = Number(numbered?.[2]);
  return part && n >= 1 && n <= MAX_INDICATOR_COLUMNS ? { indicator: n, part } : null;
}

/** Every column name of `/csi export` (French and English), folded: a header may carry the ones not imported. */
const EXPORT_HEADER_KEYS: readonly string[] = [...EXPORT_HEADERS.fr, ...EXPORT_HEADERS.en].map(headerKey);

export const sameColumn = (a: Column, b: Column) =>
  "field" in a
    ? "field" in b && a.field === b.field
    : "indicator" in b && a.indicator === b.indicator && a.part === b.part;

export interface Layout {
  /** The column of each cell position (null: ignored). */
  columns: (Column | null)[];
  ignored: string[];
  header: RawRow | null;
}

export const has = (layout: Layout, field: ImportColumn) =>
  layout.columns.some((c) => c !== null && "field" in c && c.field === field);
export const hasIndicators = (layout: Layout) => layout.columns.some((c) => c !== null && "indicator" in c);

/**
 * A first row whose cells are all known names (those of `/csi export` included) is a header; so is one with
 * at least two of the imported columns' names, its other cells then ignored. Otherwise the default order.
 */
export function layoutOf(first: RawRow): Layout {
  const keys = first.cells.map(headerKey);
  const named = keys.map(columnNamed);
  const filled = keys.filter((k) => k !== "");
  const allKnown = filled.length > 0 && filled.every((k) => columnNamed(k) !== null || EXPORT_HEADER_KEYS.includes(k));
  if (!allKnown && named.filter((c) => c !== null).length < 2)
    return { columns: DEFAULT_COLUMNS.map((field) => ({ field })), ignored: [], header: null };
  const columns: (Column | null)[] = [];
  const ignored: string[] = [];
  named.forEach((column, i) => {
    const taken = column !== null && columns.some((c) => c !== null && sameColumn(c, column));
    columns.push(taken ? null : column);
    const typed = cleanCell(first.cells[i]);
    if ((column === null || taken) && typed !== "") ignored.push(truncate(typed, 40));
  });
  return { columns, ignored, header: first };
}
