// `/csi import`: commitments from a spreadsheet, the counterpart of `/csi export`. Pure: reads the text (tab,
// semicolon or comma separated, RFC 4180 quotes) or a workbook's cells, maps the columns by a header line or by
// the default order, and checks every row like the « Nouvel engagement » form (confidentiality included). A row
// whose ref is one of the contract's updates that commitment (the columns present only); the others are added.
// All or nothing: one wrong line and the caller stores none. import-plan.ts compares a row with the commitment.
import { DateTime } from "luxon";
import type { DateWindow } from "./bounds.js";
import { type CommitmentField, parseLocaleNumber, validateCommitmentForm } from "./commitment-input.js";
import { findPersonalData } from "./confidentiality.js";
import { detectSeparator, type RawRow, readRows } from "./csv-read.js";
import { INDICATOR_PARTS, type IndicatorPart } from "./export-csv.js";
import {
  type Column,
  cleanCell,
  has,
  hasIndicators,
  type ImportColumn,
  type Layout,
  layoutOf,
  sameColumn,
} from "./import-columns.js";
import { ownerEmails, ownersOf } from "./import-owners.js";
import { type ExistingCommitment, type ImportIndicator, type ImportRowPlan, planRow } from "./import-plan.js";
import type { ImportIssue, ImportProblem, RowIssue } from "./import-problems.js";
import { matchParty } from "./parties.js";
import { personalData } from "./problems.js";
import { normalizeRef } from "./refs.js";
import { normalizeText } from "./text.js";
import type { IsoDate, Party } from "./types.js";

/** Slack's limit for a plain_text_input: more cannot come from the modal. */
export const MAX_IMPORT_CHARS = 3000;
/** Rows of a paste; a file may hold a whole contract. */
export const MAX_IMPORT_ROWS = 100;
export const MAX_FILE_ROWS = 1000;

/** Where the text comes from: pasted in the modal (Slack's 3,000 characters), a file, or a workbook's cells. */
export type ImportSource = { paste: string | null } | { file: string } | { cells: string[][] };

export interface ImportContext {
  parties: readonly Pick<Party, "code" | "label">[];
  /** The contract's commitments: a row with one of their refs updates it. */
  existing: readonly ExistingCommitment[];
  /** E-mail address of the owners column → Slack user id (null: no account), resolved by the caller. */
  emailIds?: ReadonlyMap<string, string | null>;
  /** The contract's years (± a margin): a due date outside is refused. */
  dateWindow?: DateWindow;
}

export type ImportResult =
  | { ok: true; rows: ImportRowPlan[]; ignoredColumns: string[] }
  | { ok: false; problems: ImportProblem[] };

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
  problems: RowIssue[];
}

/** The indicators of a row's indicator columns, numbered as the columns are; empty sets are skipped. */
function rowIndicators(
  cellAt: (column: Column) => string | null,
  layout: Layout,
  say: (issue: RowIssue) => void,
): ImportIndicator[] {
  const numbers = [
    ...new Set(layout.columns.flatMap((c) => (c !== null && "indicator" in c ? [c.indicator] : []))),
  ].sort((a, b) => a - b);
  const found: ImportIndicator[] = [];
  for (const n of numbers) {
    const cell = (part: IndicatorPart) => cellAt({ indicator: n, part });
    const sayAt = (part: IndicatorPart, problem: ImportIssue) => say({ place: { indicator: n, part }, problem });
    const label = cell("label");
    if (!label) {
      if (INDICATOR_PARTS.some((p) => cell(p) !== null)) sayAt("label", { code: "indicator-label-missing" });
      continue;
    }
    const num = (part: IndicatorPart): number | null => {
      const raw = cell(part);
      if (raw === null) return null;
      const value = parseLocaleNumber(raw);
      if (value === null) sayAt(part, { code: "cell-not-a-number", typed: raw });
      return value;
    };
    const unit = cell("unit");
    for (const [part, text] of [
      ["label", label],
      ["unit", unit],
    ] as const) {
      const refused = text ? personalData(findPersonalData(text)) : null;
      if (refused) sayAt(part, refused);
    }
    if (label.length > 200) sayAt("label", { code: "text-too-long", max: 200 });
    if (unit && unit.length > 40) sayAt("unit", { code: "text-too-long", max: 40 });
    if (found.some((f) => normalizeText(f.label) === normalizeText(label)))
      sayAt("label", { code: "indicator-label-taken", typed: label });
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
  const problems: RowIssue[] = [];
  const say = (field: ImportColumn, problem: ImportIssue) => problems.push({ place: { field }, problem });
  const cellAt = (column: Column): string | null => {
    const i = layout.columns.findIndex((c) => c !== null && sameColumn(c, column));
    return i < 0 ? null : cleanCell(row.cells[i]) || null;
  };
  const cell = (field: ImportColumn) => cellAt({ field });
  /** undefined: the column is absent, the commitment's value stays. */
  const present = <T>(field: ImportColumn, value: () => T): T | undefined => (has(layout, field) ? value() : undefined);

  const lastFilled = row.cells.reduce((last, c, i) => (cleanCell(c) !== "" ? i + 1 : last), 0);
  if (lastFilled > layout.columns.length) {
    const columns = layout.columns.map((c) => (c && "field" in c ? c.field : null));
    problems.push({ place: null, problem: { code: "cells-over-columns", cells: lastFilled, columns } });
  }

  const refCell = cell("ref");
  const typedRef = refCell ? normalizeRef(refCell) : null;
  const sameAs = typedRef ? given.get(typedRef) : undefined;
  if (typedRef && sameAs !== undefined) say("ref", { code: "ref-same-as-line", ref: typedRef, line: sameAs });
  const existing = typedRef && sameAs === undefined ? (byRef.get(typedRef) ?? null) : null;

  const codes = ctx.parties.map((p) => p.code);
  const partyCell = cell("party");
  const party = partyCell ? matchParty(partyCell, ctx.parties) : null;
  if (!partyCell && !existing) say("party", { code: "party-cell-empty", codes });
  else if (partyCell && !party) say("party", { code: "party-unknown", typed: partyCell, codes });
  else if (existing && party && party !== existing.party)
    say("party", { code: "party-fixed", ref: existing.ref, party: existing.party });

  const dueCell = cell("dueOn");
  const due = dueCell ? parseImportDate(dueCell) : null;
  if (dueCell && due && "error" in due)
    say("dueOn", { code: due.error === "calendar" ? "due-not-a-day" : "due-format", typed: dueCell });

  const owners = present("owners", () => {
    const read = ownersOf(cell("owners") ?? "", ctx.emailIds ?? new Map());
    if (!read.ok) say("owners", { code: "owners-unknown", problems: read.problems });
    return read.ok ? read.ids : [];
  });
  const indicators = hasIndicators(layout) ? rowIndicators(cellAt, layout, (m) => problems.push(m)) : undefined;

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
      parties: codes,
      existingRefs: [...ctx.existing.map((c) => c.ref), ...given.keys()],
      ...(existing ? { currentRef: existing.ref } : {}),
      ...(ctx.dateWindow ? { dateWindow: ctx.dateWindow } : {}),
    },
  );
  if (!checked.ok) {
    const said = (column: ImportColumn) =>
      problems.some((p) => p.place && "field" in p.place && p.place.field === column);
    for (const [field, problem] of Object.entries(checked.errors) as [CommitmentField, ImportIssue | undefined][]) {
      const column = FIELD_COLUMN[field];
      if (column && problem && !said(column)) say(column, problem);
    }
    if (problems.length === 0)
      for (const problem of Object.values(checked.errors)) if (problem) problems.push({ place: null, problem });
  }
  if (problems.length > 0 || !checked.ok) return { plan: null, problems };
  return { plan: planRow(row.line, checked.value, indicators, existing), problems };
}

// ---- The whole text ----

function rowsOf(source: ImportSource): { rows: RawRow[] } | { problem: ImportProblem } {
  if ("cells" in source)
    return { rows: source.cells.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c ?? "") })) };
  const raw = "paste" in source ? (source.paste ?? "") : source.file;
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if ("paste" in source && text.length > MAX_IMPORT_CHARS)
    return { problem: textProblem(null, { code: "paste-too-long", max: MAX_IMPORT_CHARS }) };
  const { rows, unclosedQuoteLine } = readRows(text, detectSeparator(text));
  if (unclosedQuoteLine !== null) return { problem: textProblem(unclosedQuoteLine, { code: "quote-not-closed" }) };
  return { rows };
}

/** Reads the rows and checks each; `ok` only when every row can be stored as it is. */
export function parseCommitmentImport(source: ImportSource, ctx: ImportContext): ImportResult {
  const fail = (line: number | null, problem: ImportIssue): ImportResult => ({
    ok: false,
    problems: [textProblem(line, problem)],
  });
  const read = rowsOf(source);
  if ("problem" in read) return { ok: false, problems: [read.problem] };
  const rows = read.rows.filter((r) => r.cells.some((c) => cleanCell(c) !== ""));
  const [first] = rows;
  if (!first) return fail(null, { code: "nothing-pasted" });
  const layout = layoutOf(first);
  const data = layout.header ? rows.slice(1) : rows;
  if (layout.header && !has(layout, "ref") && (!has(layout, "party") || !has(layout, "title"))) {
    return fail(first.line, { code: "header-without-key-columns" });
  }
  if (data.length === 0) return fail(null, { code: "nothing-below-header" });
  const max = "paste" in source ? MAX_IMPORT_ROWS : MAX_FILE_ROWS;
  if (data.length > max) return fail(null, { code: "too-many-rows", rows: data.length, max });

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
      problems.push({ line: row.line, issues: found });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows: plans, ignoredColumns: layout.ignored };
}

/** The e-mail addresses of the owners column, for the caller to resolve before parseCommitmentImport. */
export function importOwnerEmails(source: ImportSource): string[] {
  const read = rowsOf(source);
  if ("problem" in read) return [];
  const rows = read.rows.filter((r) => r.cells.some((c) => cleanCell(c) !== ""));
  const layout = rows[0] ? layoutOf(rows[0]) : null;
  const at = layout?.columns.findIndex((c) => c !== null && "field" in c && c.field === "owners") ?? -1;
  return at < 0 ? [] : ownerEmails(rows.slice(1).map((r) => cleanCell(r.cells[at])));
}

const textProblem = (line: number | null, problem: ImportIssue): ImportProblem => ({
  line,
  issues: [{ place: null, problem }],
});
