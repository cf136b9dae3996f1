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
