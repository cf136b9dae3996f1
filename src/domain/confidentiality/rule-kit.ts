// Shared pieces of the rule tables: Unicode-aware word boundaries, regex and word-set builders,
// and the shape of a rule.

import type { Views } from "./text-views.js";
import type { ConfidentialityKind } from "./types.js";

// \b is ASCII-only in JS even with /u: « né » would have no boundary after « é ».
export const B = String.raw`(?<![\p{L}\p{N}_])`;
export const E = String.raw`(?![\p{L}\p{N}_])`;

export interface Rule {
  kind: ConfidentialityKind;
  re: RegExp;
  on: keyof Views;
  /** Extra check that a regex alone cannot express cleanly; false drops the match. */
  accept?: (m: RegExpExecArray, v: Views) => boolean;
}

/** A passage found by a scanner: code that reads the text rather than one regex. */
export interface Hit {
  kind: ConfidentialityKind;
  index: number;
  end: number;
}

export type Scanner = (v: Views) => Hit[];

const CLAUSE_REACH = 200;

/** Whether the character at i ends a sentence: « ; ! ? », a line break, or a full stop that is
 * not the dot of an initial or an abbreviation (« M. », « K.B. », « n°. »). */
function endsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === ";" || ch === "!" || ch === "?" || ch === "\n") return true;
  if (ch !== ".") return false;
  const next = text[i + 1];
  if (next !== undefined && !/\s/u.test(next)) return false;
  return !/(?:^|[^\p{L}])(?:\p{L}{1,2}|mme|mlle|mgr|av|bd|cf|ref|tel|dept)$/iu.test(text.slice(Math.max(0, i - 5), i));
}

// What the rules ask about a text (where its sentences end, where a word list occurs) is worked
// out once per text: a long text with many candidates is not read again for each of them.
let cachedText: string | null = null;
let stops: number[] = [];
let found = new Map<RegExp, number[]>();

function prepare(text: string): void {
  if (text === cachedText) return;
  cachedText = text;
  stops = [];
  for (let i = 0; i < text.length; i++) if (endsSentence(text, i)) stops.push(i);
  found = new Map();
}

/** Index of the first element of the sorted `list` that is >= value (list.length if none). */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence around [index, end): from just after the last stop before it to the next stop
 * (at most 200 characters either way). */
export function clauseAround(text: string, index: number, end = index): { start: number; stop: number } {
  prepare(text);
  const i = lowerBound(stops, index);
  const before = i > 0 ? (stops[i - 1] ?? -1) + 1 : 0;
  const after = stops[lowerBound(stops, end)] ?? text.length;
  return { start: Math.max(before, index - CLAUSE_REACH), stop: Math.min(after, end + CLAUSE_REACH) };
}

/** Start indices of the matches of `pattern` (any flags) in `text`, found once per text. */
function occurrences(text: string, pattern: RegExp): readonly number[] {
  prepare(text);
  let list = found.get(pattern);
  if (!list) {
    const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    list = [...text.matchAll(global)].map((m) => m.index);
    found.set(pattern, list);
  }
  return list;
}

/** Whether `pattern` matches somewhere starting in [from, to). */
export function occursIn(text: string, pattern: RegExp, from: number, to: number): boolean {
  const list = occurrences(text, pattern);
  const i = lowerBound(list, from);
  return i < list.length && (list[i] ?? Infinity) < to;
}

/** Start of the last match of `pattern` starting in [from, to), or -1. */
export function lastOccurrence(text: string, pattern: RegExp, from: number, to: number): number {
  const list = occurrences(text, pattern);
  const i = lowerBound(list, to) - 1;
  return i >= 0 && (list[i] ?? -1) >= from ? (list[i] ?? -1) : -1;
}

export function re(source: string, flags = "giu"): RegExp {
  return new RegExp(source, flags);
}

export function words(list: readonly string[]): Set<string> {
  return new Set(list);
}

export function foldWord(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
}

export function digitCount(s: string): number {
  return s.replace(/\D/g, "").length;
}
