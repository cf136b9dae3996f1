// `/csi import`: commitments from a spreadsheet, the counterpart of `/csi export`. Pure: reads the text (tab,
// semicolon or comma separated, RFC 4180 quotes) or a workbook's cells, maps the columns by a header line or by
// the default order, and checks every row like the « Nouvel engagement » form (confidentiality included). A row
// whose ref is one of the contract's updates that commitment (the columns present only); the others are added.
// All or nothing: one wrong line and the caller stores none. import-plan.ts compares a row with the commitment.
import { DateTime } from "luxon";
import type { DateWindow } from "./bounds.js";
import { type CommitmentField, parseLocaleNumber, validateCommitmentForm } from "./commitment-input.js";
import { confidentialityError, findPersonalData } from "./confidentiality.js";
import { detectSeparator, type RawRow, readRows } from "./csv-read.js";
import { INDICATOR_HEADERS, INDICATOR_PARTS, type IndicatorPart } from "./export-csv.js";
import {
  type Column,
  cleanCell,
  columnLabel,
  has,
  hasIndicators,
  type ImportColumn,
  type Layout,
  layoutOf,
  sameColumn,
} from "./import-columns.js";
import { ownerEmails, ownersOf } from "./import-owners.js";
import { type ExistingCommitment, type ImportIndicator, type ImportRowPlan, planRow } from "./import-plan.js";
import { tr } from "./locale.js";
import { matchParty } from "./parties.js";
import { normalizeRef } from "./refs.js";
import { normalizeText, truncate } from "./text.js";
import type { IsoDate, Locale, Party } from "./types.js";

/** Slack's limit for a plain_text_input: more cannot come from the modal. */
export const MAX_IMPORT_CHARS = 3000;
/** Rows of a paste; a file may hold a whole contract. */
export const MAX_IMPORT_ROWS = 100;
export const MAX_FILE_ROWS = 1000;
/** Lines listed in the error shown on the form; the others are counted. */
const MAX_LISTED_PROBLEMS = 8;

/** Where the text comes from: pasted in the modal (Slack's 3,000 characters), a file, or a workbook's cells. */
export type ImportSource = { paste: string | null } | { file: string } | { cells: string[][] };

export interface ImportContext {
  locale: Locale;
  parties: readonly Pick<Party, "code" | "label">[];
  /** The contract's commitments: a row with one of their refs updates it. */
  existing: readonly ExistingCommitment[];
  /** E-mail address of the owners column → Slack user id (null: no account), resolved by the caller. */
  emailIds?: ReadonlyMap<string, string | null>;
  /** The contract's years (± a margin): a due date outside is refused. */
  dateWindow?: DateWindow;
}

interface ImportProblem {
  /** null for a problem of the whole text (too many rows, nothing to import). */
  line: number | null;
  message: string;
}

export type ImportResult =
  | { ok: true; rows: ImportRowPlan[]; ignoredColumns: string[] }
  | { ok: false; problems: ImportProblem[] };

const quoted = (locale: Locale, s: string) => tr(locale, `« ${truncate(s, 40)} »`, `"${truncate(s, 40)}"`);

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
  owners: "owners",
  due_on: "dueOn",
};

interface RowCheck {
  plan: ImportRowPlan | null;
  problems: string[];
}

/** The indicators of a row's indicator columns, numbered as the columns are; empty sets are skipped. */
function rowIndicators(
  cellAt: (column: Column) => string | null,
  layout: Layout,
  locale: Locale,
  say: (message: string) => void,
): ImportIndicator[] {
  const numbers = [
    ...new Set(layout.columns.flatMap((c) => (c !== null && "indicator" in c ? [c.indicator] : []))),
  ].sort((a, b) => a - b);
  const found: ImportIndicator[] = [];
  for (const n of numbers) {
    const cell = (part: IndicatorPart) => cellAt({ indicator: n, part });
    const name = (part: IndicatorPart) => `${INDICATOR_HEADERS[locale][part]} ${n}`;
    const label = cell("label");
    if (!label) {
      if (INDICATOR_PARTS.some((p) => cell(p) !== null))
        say(tr(locale, `${name("label")} — le libellé manque.`, `${name("label")} — the label is missing.`));
      continue;
    }
    const num = (part: IndicatorPart): number | null => {
      const raw = cell(part);
      if (raw === null) return null;
      const value = parseLocaleNumber(raw);
      if (value === null)
        say(
          tr(
            locale,
            `${name(part)} — ${quoted(locale, raw)} n'est pas un nombre.`,
            `${name(part)} — ${quoted(locale, raw)} is not a number.`,
          ),
        );
      return value;
    };
    const unit = cell("unit");
    for (const [part, text] of [
      ["label", label],
      ["unit", unit],
    ] as const) {
      const refused = text ? confidentialityError(findPersonalData(text), locale) : null;
      if (refused) say(`${name(part)} — ${refused}`);
    }
    if (label.length > 200)
      say(tr(locale, `${name("label")} — 200 caractères au plus.`, `${name("label")} — 200 characters at most.`));
    if (unit && unit.length > 40)
      say(tr(locale, `${name("unit")} — 40 caractères au plus.`, `${name("unit")} — 40 characters at most.`));
    if (found.some((f) => normalizeText(f.label) === normalizeText(label)))
      say(
        tr(
          locale,
          `${name("label")} — ${quoted(locale, label)} est déjà le libellé d'un autre indicateur.`,
          `${name("label")} — ${quoted(locale, label)} is already another indicator's label.`,
        ),
      );
    found.push({ label, unit, baseline: num("baseline"), target: num("target"), current: num("current") });
  }
  return found;
}

function checkRow(
  row: RawRow,
  layout: Layout,
  ctx: ImportContext,
  given: ReadonlyMap<string, number>,
  byRef: ReadonlyMap<string, ExistingCommitment>,
): RowCheck {
  const { locale } = ctx;
  const problems: string[] = [];
  const say = (column: ImportColumn, message: string) => problems.push(`${columnLabel(column, locale)} — ${message}`);
  const cellAt = (column: Column): string | null => {
    const i = layout.columns.findIndex((c) => c !== null && sameColumn(c, column));
    return i < 0 ? null : cleanCell(row.cells[i]) || null;
  };
  const cell = (field: ImportColumn) => cellAt({ field });
  /** undefined: the column is absent, the commitment's value stays. */
  const present = <T>(field: ImportColumn, value: () => T): T | undefined => (has(layout, field) ? value() : undefined);

  const lastFilled = row.cells.reduce((last, c, i) => (cleanCell(c) !== "" ? i + 1 : last), 0);
  if (lastFilled > layout.columns.length) {
    const names = layout.columns.map((c) => (c && "field" in c ? columnLabel(c.field, locale) : "—")).join(" ; ");
    problems.push(
      tr(
        locale,
        `${lastFilled} cellules pour ${layout.columns.length} colonnes (${names})`,
        `${lastFilled} cells for ${layout.columns.length} columns (${names})`,
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
  const existing = typedRef && sameAs === undefined ? (byRef.get(typedRef) ?? null) : null;

  const codes = ctx.parties.map((p) => p.code);
  const partyCell = cell("party");
  const party = partyCell ? matchParty(partyCell, ctx.parties) : null;
  if (!partyCell && !existing)
    say("party", tr(locale, `manquante : ${orList(codes, locale)}.`, `missing: ${orList(codes, locale)}.`));
  else if (partyCell && !party)
    say(
      "party",
      tr(
        locale,
        `${quoted(locale, partyCell)} inconnue : ${orList(codes, locale)}.`,
        `${quoted(locale, partyCell)} unknown: ${orList(codes, locale)}.`,
      ),
    );
  else if (existing && party && party !== existing.party)
    say(
      "party",
      tr(
        locale,
        `${existing.ref} est un engagement ${existing.party} : sa partie ne change pas par un import.`,
        `${existing.ref} is a ${existing.party} commitment: an import does not change its party.`,
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

  const owners = present("owners", () => {
    const read = ownersOf(cell("owners") ?? "", ctx.emailIds ?? new Map(), locale);
    if (!read.ok) say("owners", read.error);
    return read.ok ? read.ids : [];
  });
  const indicators = hasIndicators(layout) ? rowIndicators(cellAt, layout, locale, (m) => problems.push(m)) : undefined;

  const pick = <T>(field: ImportColumn, typed: T, kept: T | undefined): T =>
    has(layout, field) || kept === undefined ? typed : kept;
  const checked = validateCommitmentForm(
    {
      ref: existing ? existing.ref : sameAs === undefined ? refCell : null,
      party: existing ? existing.party : party,
      title: pick("title", cell("title"), existing?.title),
      description: pick("description", cell("description"), existing?.description),
      leadService: pick("leadService", cell("leadService"), existing?.leadService),
      owners: owners ?? existing?.owners ?? [],
      dueOn: pick("dueOn", due && "date" in due ? due.date : null, existing?.dueOn),
      indicators: null,
    },
    {
      locale,
      parties: codes,
      existingRefs: [...ctx.existing.map((c) => c.ref), ...given.keys()],
      ...(existing ? { currentRef: existing.ref } : {}),
      ...(ctx.dateWindow ? { dateWindow: ctx.dateWindow } : {}),
    },
  );
  if (!checked.ok) {
    for (const [field, message] of Object.entries(checked.errors) as [CommitmentField, string | undefined][]) {
      const column = FIELD_COLUMN[field];
      if (column && message && !problems.some((p) => p.startsWith(`${columnLabel(column, locale)} — `)))
        say(column, message);
    }
    if (problems.length === 0) problems.push(Object.values(checked.errors).join(" ; "));
  }
  if (problems.length > 0 || !checked.ok) return { plan: null, problems };
  return { plan: planRow(row.line, checked.value, indicators, existing), problems };
}

// ---- The whole text ----

function rowsOf(source: ImportSource, locale: Locale): { rows: RawRow[] } | { problem: ImportProblem } {
  if ("cells" in source)
    return { rows: source.cells.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c ?? "") })) };
  const raw = "paste" in source ? (source.paste ?? "") : source.file;
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if ("paste" in source && text.length > MAX_IMPORT_CHARS)
    return {
      problem: {
        line: null,
        message: tr(
          locale,
          `Le texte collé dépasse ${MAX_IMPORT_CHARS} caractères : importez en plusieurs fois, ou joignez le fichier.`,
          `The pasted text is longer than ${MAX_IMPORT_CHARS} characters: import in several goes, or attach the file.`,
        ),
      },
    };
  const { rows, unclosedQuoteLine } = readRows(text, detectSeparator(text));
  if (unclosedQuoteLine !== null)
    return {
      problem: {
        line: unclosedQuoteLine,
        message: tr(locale, 'guillemet ouvert (") sans guillemet fermant.', 'a quote (") is opened and never closed.'),
      },
    };
  return { rows };
}

/** Reads the rows and checks each; `ok` only when every row can be stored as it is. */
export function parseCommitmentImport(source: ImportSource, ctx: ImportContext): ImportResult {
  const { locale } = ctx;
  const fail = (line: number | null, message: string): ImportResult => ({ ok: false, problems: [{ line, message }] });
  const read = rowsOf(source, locale);
  if ("problem" in read) return { ok: false, problems: [read.problem] };
  const rows = read.rows.filter((r) => r.cells.some((c) => cleanCell(c) !== ""));
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
  if (layout.header && !has(layout, "ref") && (!has(layout, "party") || !has(layout, "title"))) {
    return fail(
      first.line,
      tr(
        locale,
        "la ligne d'en-tête doit comporter la colonne Référence, ou les colonnes Partie et Intitulé.",
        "the header line must have the Ref column, or the Party and Title columns.",
      ),
    );
  }
  if (data.length === 0)
    return fail(
      null,
      tr(locale, "Aucune ligne d'engagement sous la ligne d'en-tête.", "No commitment line below the header line."),
    );
  const max = "paste" in source ? MAX_IMPORT_ROWS : MAX_FILE_ROWS;
  if (data.length > max) {
    return fail(
      null,
      tr(
        locale,
        `${data.length} lignes : ${max} engagements au plus par import. Importez en plusieurs fois.`,
        `${data.length} lines: at most ${max} commitments per import. Import in several goes.`,
      ),
    );
  }

  const byRef = new Map(ctx.existing.map((c) => [c.ref, c]));
  const given = new Map<string, number>();
  const plans: ImportRowPlan[] = [];
  const problems: ImportProblem[] = [];
  for (const row of data) {
    const { plan, problems: found } = checkRow(row, layout, ctx, given, byRef);
    if (plan) {
      given.set(plan.input.ref, row.line);
      plans.push(plan);
    } else {
      problems.push({ line: row.line, message: found.join(" ; ") });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows: plans, ignoredColumns: layout.ignored };
}

/** The e-mail addresses of the owners column, for the caller to resolve before parseCommitmentImport. */
export function importOwnerEmails(source: ImportSource): string[] {
  const read = rowsOf(source, "fr");
  if ("problem" in read) return [];
  const rows = read.rows.filter((r) => r.cells.some((c) => cleanCell(c) !== ""));
  const layout = rows[0] ? layoutOf(rows[0]) : null;
  const at = layout?.columns.findIndex((c) => c !== null && "field" in c && c.field === "owners") ?? -1;
  return at < 0 ? [] : ownerEmails(rows.slice(1).map((r) => cleanCell(r.cells[at])));
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
