// `/csi import`: commitments pasted as lines copied from a spreadsheet, the counterpart of `/csi export`.
// Pure: reads the text (tab, semicolon or comma separated, RFC 4180 quotes), maps the columns by a header
// line or by the default order, and runs every row through the same checks as the « Nouvel engagement »
// form (confidentiality included). All or nothing: one wrong line and the caller stores none.
import { DateTime } from "luxon";
import { type CommitmentField, type CommitmentInput, validateCommitmentForm } from "./commitment-input.js";
import { detectSeparator, type RawRow, readRows } from "./csv-read.js";
import { EXPORT_HEADERS } from "./export-csv.js";
import { tr } from "./locale.js";
import { matchParty } from "./parties.js";
import { normalizeRef } from "./refs.js";
import { normalizeText, truncate } from "./text.js";
import type { IsoDate, Locale, Party } from "./types.js";

/** Slack's limit for a plain_text_input: more cannot come from the modal. */
export const MAX_IMPORT_CHARS = 3000;
export const MAX_IMPORT_ROWS = 100;
/** Lines listed in the error shown on the form; the others are counted. */
export const MAX_LISTED_PROBLEMS = 8;

export type ImportColumn = "ref" | "party" | "title" | "leadService" | "dueOn" | "description";

/** Without a header line, the columns are read in this order. */
export const DEFAULT_COLUMNS: readonly ImportColumn[] = ["party", "title", "dueOn", "leadService", "description"];

/** Header names read as each column, folded by headerKey(). */
const HEADER_NAMES: Record<ImportColumn, readonly string[]> = {
  ref: ["reference", "ref"],
  party: ["partie", "party"],
  title: ["intitule", "titre", "title"],
  leadService: ["service pilote", "lead service"],
  dueOn: ["echeance", "due date"],
  description: ["description"],
};

const COLUMN_LABELS: Record<Locale, Record<ImportColumn, string>> = {
  fr: {
    ref: "Référence",
    party: "Partie",
    title: "Intitulé",
    leadService: "Service pilote",
    dueOn: "Échéance",
    description: "Description",
  },
  en: {
    ref: "Ref",
    party: "Party",
    title: "Title",
    leadService: "Lead service",
    dueOn: "Due date",
    description: "Description",
  },
};

export const columnLabel = (column: ImportColumn, locale: Locale): string => COLUMN_LABELS[locale][column];

export interface ImportContext {
  locale: Locale;
  parties: readonly Pick<Party, "code" | "label">[];
  /** Every ref already used in the contract: never given again, never overwritten. */
  existingRefs: readonly string[];
}

export interface ImportedRow {
  /** The line of the pasted text where the row starts (1-based, blank lines counted). */
  line: number;
  input: CommitmentInput;
}

export interface ImportProblem {
  /** null for a problem of the whole text (too many rows, nothing to import). */
  line: number | null;
  message: string;
}

export type ImportResult =
  | { ok: true; rows: ImportedRow[]; ignoredColumns: string[] }
  | { ok: false; problems: ImportProblem[] };

const quoted = (locale: Locale, s: string) => tr(locale, `« ${truncate(s, 40)} »`, `"${truncate(s, 40)}"`);

/** Trimmed; the apostrophe `/csi export` puts before a text a spreadsheet would run as a formula is taken off. */
const cleanCell = (s: string | undefined): string => (s ?? "").trim().replace(/^'(?=[=+\-@])/, "");

const headerKey = (s: string): string =>
  normalizeText(s)
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The columns a header may name, in the order help texts list them. */
export const IMPORT_COLUMNS = Object.keys(HEADER_NAMES) as ImportColumn[];

const columnNamed = (key: string): ImportColumn | null =>
  IMPORT_COLUMNS.find((c) => HEADER_NAMES[c].includes(key)) ?? null;

/** Every column name of `/csi export` (French and English), folded: a header may carry the ones not imported. */
const EXPORT_HEADER_KEYS: readonly string[] = [...EXPORT_HEADERS.fr, ...EXPORT_HEADERS.en].map(headerKey);

interface Layout {
  /** The column of each cell position (null: ignored). */
  columns: (ImportColumn | null)[];
  ignored: string[];
  header: RawRow | null;
}

/**
 * A first row whose cells are all known names (those of `/csi export` included) is a header; so is one with
 * at least two of the imported columns' names, its other cells then ignored. Otherwise the default order.
 */
function layoutOf(first: RawRow): Layout {
  const keys = first.cells.map(headerKey);
  const named = keys.map(columnNamed);
  const filled = keys.filter((k) => k !== "");
  const allKnown = filled.length > 0 && filled.every((k) => columnNamed(k) !== null || EXPORT_HEADER_KEYS.includes(k));
  if (!allKnown && named.filter((c) => c !== null).length < 2)
    return { columns: [...DEFAULT_COLUMNS], ignored: [], header: null };
  const columns: (ImportColumn | null)[] = [];
  const ignored: string[] = [];
  named.forEach((column, i) => {
    const taken = column !== null && columns.includes(column);
    columns.push(taken ? null : column);
    const typed = cleanCell(first.cells[i]);
    if ((column === null || taken) && typed !== "") ignored.push(truncate(typed, 40));
  });
  return { columns, ignored, header: first };
}

// ---- Checking each row ----

/** dd/mm/yyyy, d/m/yyyy (also with . or -) and yyyy-mm-dd, a real calendar day (luxon); otherwise why not. */
export function parseImportDate(s: string): { date: IsoDate } | { error: "format" | "calendar" } {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const parts = dmy
    ? { day: Number(dmy[1]), month: Number(dmy[2]), year: Number(dmy[3]) }
    : ymd
      ? { year: Number(ymd[1]), month: Number(ymd[2]), day: Number(ymd[3]) }
      : null;
  if (!parts) return { error: "format" };
  const d = DateTime.fromObject(parts, { zone: "utc" });
  return d.isValid ? { date: d.toISODate() } : { error: "calendar" };
}

const orList = (items: readonly string[], locale: Locale): string =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${tr(locale, "ou", "or")} ${items.at(-1) ?? ""}`;

const FIELD_COLUMN: Partial<Record<CommitmentField, ImportColumn>> = {
  ref: "ref",
  title: "title",
  description: "description",
  lead_service: "leadService",
  due_on: "dueOn",
};

interface RowCheck {
  input: CommitmentInput | null;
  problems: string[];
}

function checkRow(row: RawRow, layout: Layout, ctx: ImportContext, given: ReadonlyMap<string, number>): RowCheck {
  const { locale } = ctx;
  const problems: string[] = [];
  const say = (column: ImportColumn, message: string) => problems.push(`${columnLabel(column, locale)} — ${message}`);
  const cell = (column: ImportColumn): string | null => {
    const i = layout.columns.indexOf(column);
    return i < 0 ? null : cleanCell(row.cells[i]) || null;
  };

  const lastFilled = row.cells.reduce((last, c, i) => (cleanCell(c) !== "" ? i + 1 : last), 0);
  if (lastFilled > layout.columns.length) {
    const names = layout.columns.map((c) => (c ? columnLabel(c, locale) : "—")).join(" ; ");
    problems.push(
      tr(
        locale,
        `${lastFilled} cellules pour ${layout.columns.length} colonnes (${names})`,
        `${lastFilled} cells for ${layout.columns.length} columns (${names})`,
      ),
    );
  }

  const codes = ctx.parties.map((p) => p.code);
  const partyCell = cell("party");
  const party = partyCell ? matchParty(partyCell, ctx.parties) : null;
  if (!partyCell)
    say("party", tr(locale, `manquante : ${orList(codes, locale)}.`, `missing: ${orList(codes, locale)}.`));
  else if (!party)
    say(
      "party",
      tr(
        locale,
        `${quoted(locale, partyCell)} inconnue : ${orList(codes, locale)}.`,
        `${quoted(locale, partyCell)} unknown: ${orList(codes, locale)}.`,
      ),
    );

  const dueCell = cell("dueOn");
  const due = dueCell ? parseImportDate(dueCell) : null;
  if (dueCell && due && "error" in due) {
    say(
      "dueOn",
      due.error === "calendar"
        ? tr(
            locale,
            `${quoted(locale, dueCell)} n'existe pas au calendrier.`,
            `${quoted(locale, dueCell)} is not a calendar day.`,
          )
        : tr(
            locale,
            `${quoted(locale, dueCell)} : date attendue sous la forme jj/mm/aaaa (ou aaaa-mm-jj).`,
            `${quoted(locale, dueCell)}: a date looks like dd/mm/yyyy (or yyyy-mm-dd).`,
          ),
    );
  }

  const refCell = cell("ref");
  const typedRef = refCell ? normalizeRef(refCell) : null;
  const sameAs = typedRef ? given.get(typedRef) : undefined;
  if (sameAs !== undefined)
    say(
      "ref",
      tr(locale, `${typedRef} est déjà celle de la ligne ${sameAs}.`, `${typedRef} is already line ${sameAs}'s.`),
    );

  const checked = validateCommitmentForm(
    {
      ref: sameAs === undefined ? refCell : null,
      party,
      title: cell("title"),
      description: cell("description"),
      leadService: cell("leadService"),
      owners: [],
      dueOn: due && "date" in due ? due.date : null,
      indicators: null,
    },
    { locale, parties: codes, existingRefs: [...ctx.existingRefs, ...given.keys()] },
  );
  if (!checked.ok) {
    for (const [field, message] of Object.entries(checked.errors) as [CommitmentField, string | undefined][]) {
      const column = FIELD_COLUMN[field];
      if (column && message) say(column, message);
    }
    if (problems.length === 0) problems.push(Object.values(checked.errors).join(" ; "));
  }
  return { input: problems.length === 0 && checked.ok ? checked.value : null, problems };
}

// ---- The whole paste ----

/** Reads the pasted lines and checks each; `ok` only when every row can be stored as it is. */
export function parseCommitmentImport(raw: string | null, ctx: ImportContext): ImportResult {
  const { locale } = ctx;
  const text = (raw ?? "").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const fail = (line: number | null, message: string): ImportResult => ({ ok: false, problems: [{ line, message }] });
  if (text.length > MAX_IMPORT_CHARS) {
    return fail(
      null,
      tr(
        locale,
        `Le texte collé dépasse ${MAX_IMPORT_CHARS} caractères : importez en plusieurs fois.`,
        `The pasted text is longer than ${MAX_IMPORT_CHARS} characters: import in several goes.`,
      ),
    );
  }
  const { rows: all, unclosedQuoteLine } = readRows(text, detectSeparator(text));
  if (unclosedQuoteLine !== null) {
    return fail(
      unclosedQuoteLine,
      tr(locale, 'guillemet ouvert (") sans guillemet fermant.', 'a quote (") is opened and never closed.'),
    );
  }
  const rows = all.filter((r) => r.cells.some((c) => cleanCell(c) !== ""));
  const [first] = rows;
  if (!first)
    return fail(
      null,
      tr(
        locale,
        "Collez au moins une ligne : une ligne par engagement.",
        "Paste at least one line: one line per commitment.",
      ),
    );
  const layout = layoutOf(first);
  const data = layout.header ? rows.slice(1) : rows;
  if (layout.header && (!layout.columns.includes("party") || !layout.columns.includes("title"))) {
    return fail(
      first.line,
      tr(
        locale,
        "la ligne d'en-tête doit comporter les colonnes Partie et Intitulé.",
        "the header line must have the Party and Title columns.",
      ),
    );
  }
  if (data.length === 0)
    return fail(
      null,
      tr(locale, "Aucune ligne d'engagement sous la ligne d'en-tête.", "No commitment line below the header line."),
    );
  if (data.length > MAX_IMPORT_ROWS) {
    return fail(
      null,
      tr(
        locale,
        `${data.length} lignes : ${MAX_IMPORT_ROWS} engagements au plus par import. Importez en plusieurs fois.`,
        `${data.length} lines: at most ${MAX_IMPORT_ROWS} commitments per import. Import in several goes.`,
      ),
    );
  }

  const given = new Map<string, number>();
  const imported: ImportedRow[] = [];
  const problems: ImportProblem[] = [];
  for (const row of data) {
    const { input, problems: found } = checkRow(row, layout, ctx, given);
    if (input) {
      given.set(input.ref, row.line);
      imported.push({ line: row.line, input });
    } else {
      problems.push({ line: row.line, message: found.join(" ; ") });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows: imported, ignoredColumns: layout.ignored };
}

/** The error shown under the paste: nothing is stored, then the first problems by line, the rest counted. */
export function importProblemsText(problems: readonly ImportProblem[], locale: Locale): string {
  // A bullet per problem: read one per line, and still apart if a client shows the text on one line.
  const shown = problems
    .slice(0, MAX_LISTED_PROBLEMS)
    .map(
      (p) =>
        `• ${truncate(p.line === null ? p.message : tr(locale, `Ligne ${p.line} : ${p.message}`, `Line ${p.line}: ${p.message}`), 220)}`,
    );
  const more = problems.length - shown.length;
  const lines = [
    tr(
      locale,
      "Rien n'a été importé : corrigez ces lignes puis validez à nouveau.",
      "Nothing was imported: correct these lines and submit again.",
    ),
    ...shown,
    ...(more > 0 ? [tr(locale, `… et ${more} autre${more > 1 ? "s" : ""}.`, `… and ${more} more.`)] : []),
  ];
  return truncate(lines.join("\n"), 2000);
}
