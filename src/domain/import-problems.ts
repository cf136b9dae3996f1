// What `/csi import` refuses in a text, as codes: `src/slack/views/import-problem-words.ts` words them, by line
// and by column, in the importer's language.
import type { IndicatorPart } from "./export-csv.js";
import type { ImportColumn } from "./import-columns.js";
import type { OwnerProblem } from "./import-owners.js";
import type { Problem } from "./problems.js";

export type ImportIssue =
  | Problem
  // the text as a whole
  | { code: "paste-too-long"; max: number }
  | { code: "quote-not-closed" }
  | { code: "nothing-pasted" }
  | { code: "header-without-key-columns" }
  | { code: "nothing-below-header" }
  | { code: "too-many-rows"; rows: number; max: number }
  // a row
  | { code: "cells-over-columns"; cells: number; columns: (ImportColumn | null)[] }
  | { code: "ref-same-as-line"; ref: string; line: number }
  | { code: "party-cell-empty"; codes: string[] }
  | { code: "party-unknown"; typed: string; codes: string[] }
  | { code: "party-fixed"; ref: string; party: string }
  | { code: "due-not-a-day"; typed: string }
  | { code: "due-format"; typed: string }
  | { code: "owners-unknown"; problems: OwnerProblem[] }
  | { code: "indicator-label-missing" }
  | { code: "indicator-label-taken"; typed: string }
  | { code: "cell-not-a-number"; typed: string };

/** Where a problem is: a column of the row, one of an indicator's columns, or the row (or text) as a whole. */
export type ImportPlace = { field: ImportColumn } | { indicator: number; part: IndicatorPart } | null;

export interface RowIssue {
  place: ImportPlace;
  problem: ImportIssue;
}

export interface ImportProblem {
  /** null for a problem of the whole text (too many rows, nothing to import). */
  line: number | null;
  issues: RowIssue[];
}
