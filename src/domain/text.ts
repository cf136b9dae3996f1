// Text helpers for search and "did you mean": pure, locale-free.

/**
 * Folds text for accent- and case-insensitive comparison: « Mise en Œuvre  de la vidéo »
 * → "mise en oeuvre de la video".
 */
export function normalizeText(s: string): string {
  return (
    s
      .toLowerCase()
      // œ/æ/ß are letters of their own, not decomposable: NFKD would leave them alone.
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .replace(/ß/g, "ss")
      // NFKD (not just NFD) also turns ligatures such as "ﬁ" and no-break spaces into plain forms.
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      // Typographic apostrophes come from word processors; users type the straight one.
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/\s+/g, " ")
      .trim()
  );
}

const LEVENSHTEIN_CAP = 64;

/**
 * Edit distance in Unicode code points (an emoji counts as one). Each input is cut to its
 * first 64 code points so that a pasted paragraph cannot make suggestions expensive.
 */
export function levenshtein(a: string, b: string): number {
  const x = Array.from(a).slice(0, LEVENSHTEIN_CAP);
  const y = Array.from(b).slice(0, LEVENSHTEIN_CAP);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  // Two rows are enough: each row only depends on the previous one.
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  let curr = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      curr[j] = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[y.length] ?? 0;
}

interface ClosestOptions {
  /** How many suggestions at most (default 3). */
  max?: number;
  /**
   * Largest edit distance still suggested. Default: a third of the query's length, rounded,
   * at least 1 — so that two swapped letters in a 5-letter command (`lsite`, cost 2) still match.
   */
  maxDistance?: number;
}

/**
 * Best "did you mean" candidates for `query`, closest first; ties keep the candidates' order.
 * Comparison is on normalizeText() of both sides. A candidate that contains the query
 * (3+ characters) scores at most 1, so `etat` still suggests `ETAT-01`.
 */
export function closest<T>(
  query: string,
  candidates: readonly T[],
  key: (c: T) => string,
  opts: ClosestOptions = {},
): T[] {
  const q = normalizeText(query);
  if (q === "") return [];
  const max = opts.max ?? 3;
  // Measured on the same 64 code points levenshtein() looks at, or a long query would match anything.
  const maxDistance = opts.maxDistance ?? Math.max(1, Math.round(Math.min(Array.from(q).length, 64) / 3));
  if (max <= 0 || maxDistance < 0) return [];
  const scored: { c: T; d: number; i: number }[] = [];
  candidates.forEach((c, i) => {
    const k = normalizeText(key(c));
    if (k === "") return;
    let d = levenshtein(q, k);
    if (q.length >= 3 && k.includes(q)) d = Math.min(d, 1);
    if (d <= maxDistance) scored.push({ c, d, i });
  });
  scored.sort((p, r) => p.d - r.d || p.i - r.i);
  return scored.slice(0, max).map((s) => s.c);
}

const ELLIPSIS = "…";
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Cuts `s` to at most `max` UTF-16 code units (what Slack's length limits count), ending with
 * "…" when cut. Cuts between graphemes, so neither a surrogate pair nor an emoji sequence
 * (flag, ZWJ family, accent) is split.
 */
export function truncate(s: string, max: number): string {
  const limit = Math.floor(max);
  if (!(limit > 0)) return "";
  if (s.length <= limit) return s;
  const room = limit - ELLIPSIS.length;
  let out = "";
  for (const { segment } of graphemes.segment(s)) {
    if (out.length + segment.length > room) break;
    out += segment;
  }
  // A cut right after a space would leave "de …": drop the dangling blank.
  return out.trimEnd() + ELLIPSIS;
}
