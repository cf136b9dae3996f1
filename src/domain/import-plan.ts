// What one checked row of an import will do: add a commitment, change an existing one (field by field, as the
// preview shows it before anything is written), or nothing. Pure.
import type { CommitmentInput, IndicatorInput } from "./commitment-input.js";
import type { IndicatorPart } from "./export-csv.js";
import { matchIndicators } from "./indicator-match.js";
import type { Commitment, IsoDate } from "./types.js";

export type ExistingCommitment = Pick<
  Commitment,
  "id" | "ref" | "party" | "title" | "description" | "leadService" | "owners" | "dueOn" | "indicators"
>;

/** An indicator of a row; `current` null: the value measured so far stays (an import never erases a measure). */
export interface ImportIndicator extends IndicatorInput {
  current: number | null;
}

type Value = string | number | null;
export type FieldChange =
  | { field: "title" | "description" | "leadService"; before: string | null; after: string | null }
  | { field: "dueOn"; before: IsoDate | null; after: IsoDate | null }
  | { field: "owners"; added: string[]; removed: string[] }
  | {
      field: "indicator";
      label: string;
      change: "added" | "removed" | "changed";
      parts: { part: IndicatorPart; before: Value; after: Value }[];
    };

interface RowBase {
  /** The line of the text where the row starts (1-based, blank lines counted). */
  line: number;
  input: CommitmentInput;
  /** The current value typed for each of input.indicators (null: unchanged). */
  currents: (number | null)[];
}
export type ImportRowPlan =
  | (RowBase & { kind: "add" })
  | (RowBase & { kind: "modify"; id: string; changes: FieldChange[] })
  | (RowBase & { kind: "same"; id: string });

const sameText = (a: string | null, b: string | null) => (a ?? "") === (b ?? "");

function indicatorChanges(existing: ExistingCommitment, typed: ImportIndicator[]): FieldChange[] {
  const plan = matchIndicators(existing.indicators, typed);
  const changes: FieldChange[] = [];
  for (const { input, existingId } of plan.lines) {
    const before = existing.indicators.find((i) => i.id === existingId);
    const parts: { part: IndicatorPart; before: Value; after: Value }[] = [];
    const compare = (part: IndicatorPart, b: Value, a: Value) => {
      if ((b ?? null) !== (a ?? null)) parts.push({ part, before: b ?? null, after: a ?? null });
    };
    if (!before) {
      for (const part of ["unit", "baseline", "target", "current"] as const) compare(part, null, input[part]);
      changes.push({ field: "indicator", label: input.label, change: "added", parts });
      continue;
    }
    compare("label", before.label, input.label);
    compare("unit", before.unit, input.unit);
    compare("baseline", before.baseline, input.baseline);
    compare("target", before.target, input.target);
    if (input.current !== null) compare("current", before.current, input.current);
    if (parts.length) changes.push({ field: "indicator", label: before.label, change: "changed", parts });
  }
  for (const gone of plan.removed)
    changes.push({ field: "indicator", label: gone.label, change: "removed", parts: [] });
  return changes;
}

/**
 * The plan of a checked row. `indicators` undefined: the file has no indicator columns and the commitment's
 * indicators stay as they are.
 */
export function planRow(
  line: number,
  checked: CommitmentInput,
  indicators: ImportIndicator[] | undefined,
  existing: ExistingCommitment | null,
): ImportRowPlan {
  const typed: ImportIndicator[] =
    indicators ??
    (existing?.indicators ?? []).map((i) => ({
      label: i.label,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
      current: null,
    }));
  const input: CommitmentInput = {
    ...checked,
    indicators: typed.map(({ label, unit, baseline, target }) => ({ label, unit, baseline, target })),
  };
  const currents = typed.map((i) => i.current);
  if (!existing) return { kind: "add", line, input, currents };
  const changes: FieldChange[] = [];
  for (const field of ["title", "description", "leadService"] as const)
    if (!sameText(existing[field], input[field])) changes.push({ field, before: existing[field], after: input[field] });
  if (existing.dueOn !== input.dueOn) changes.push({ field: "dueOn", before: existing.dueOn, after: input.dueOn });
  const added = input.owners.filter((o) => !existing.owners.includes(o));
  const removed = existing.owners.filter((o) => !input.owners.includes(o));
  if (added.length || removed.length) changes.push({ field: "owners", added, removed });
  changes.push(...indicatorChanges(existing, typed));
  return changes.length
    ? { kind: "modify", line, input, currents, id: existing.id, changes }
    : { kind: "same", line, input, currents, id: existing.id };
}

/** « 12 modifiés, 3 ajoutés, 0 supprimés »: an import never deletes (a commitment absent from the file stays). */
export function planCounts(rows: readonly ImportRowPlan[]): { added: number; modified: number; unchanged: number } {
  return {
    added: rows.filter((r) => r.kind === "add").length,
    modified: rows.filter((r) => r.kind === "modify").length,
    unchanged: rows.filter((r) => r.kind === "same").length,
  };
}
