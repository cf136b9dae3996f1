// Commitment references (`ETAT-08`): forgiving parsing of what people type in Slack.
import { closest, normalizeText } from "./text.js";

// Party letters, optional separators, then 1–3 digits (leading zeros allowed: `etat008`).
const REF_SHAPE = /^([a-z]{1,20})[\s\-_.]*0*(\d{1,3})$/;

/**
 * `etat-8`, `ETAT-08`, `etat08`, `Etat 8`, `état-8`, `ville_3`, `parquet2` → `ETAT-08`,
 * `VILLE-03`, `PARQUET-02`. Returns null when the input is not a ref (no letters, no number,
 * number 0, other characters).
 */
export function normalizeRef(input: string): string | null {
  const m = REF_SHAPE.exec(normalizeText(input));
  if (!m) return null;
  const [, party = "", digits = ""] = m;
  const n = Number(digits);
  // Numbering starts at 1: `ETAT-00` is a typo, not a ref.
  if (n === 0) return null;
  return `${party.toUpperCase()}-${String(n).padStart(2, "0")}`;
}

interface RefMatch {
  /** The matching ref, spelled as in `refs`. */
  exact: string | null;
  /** Up to 3 near refs when there is no exact match, closest first. */
  suggestions: string[];
}

export function findRef(input: string, refs: readonly string[]): RefMatch {
  const wanted = normalizeRef(input);
  // Refs in the list may themselves be spelled loosely (imported data): compare normalized forms.
  const keyOf = (r: string): string => normalizeRef(r) ?? r;
  if (wanted !== null) {
    const exact = refs.find((r) => keyOf(r) === wanted);
    if (exact !== undefined) return { exact, suggestions: [] };
  } else {
    // A ref of another shape (imported data such as `CSI-02-001`), typed as it is spelled, give or take case and accents.
    const typed = normalizeText(input);
    const exact = typed ? refs.find((r) => normalizeText(r) === typed) : undefined;
    if (exact !== undefined) return { exact, suggestions: [] };
  }
  const query = wanted ?? input;
  return { exact: null, suggestions: closest(query, refs, keyOf, { max: 3, maxDistance: 2 }) };
}
