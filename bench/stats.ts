// Pure helpers of the benchmark: percentiles, ratios against the floor, target checks, the printed table.
// No I/O here, so test/bench/stats.test.ts can check them.

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** p50/p95/p99/max/mean of samples, rounded to 0.1 ms. */
export function summarize(samples: readonly number[]): Summary {
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : x);
  const mean = samples.length ? samples.reduce((s, x) => s + x, 0) / samples.length : Number.NaN;
  return {
    count: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(samples.length ? Math.max(...samples) : Number.NaN),
    mean: round(mean),
  };
}

/** ours / floor, two decimals; null when either side is missing or the floor is zero. */
export function ratio(ours: number | null | undefined, floor: number | null | undefined): number | null {
  if (ours == null || floor == null || !Number.isFinite(ours) || !Number.isFinite(floor) || floor <= 0) return null;
  return Math.round((ours / floor) * 100) / 100;
}

export type Verdict = "pass" | "miss" | "n/a";

/** A value against an upper bound: pass when strictly under it, n/a when there is no value. */
export function verdict(value: number | null | undefined, under: number): Verdict {
  if (value == null || !Number.isFinite(value)) return "n/a";
  return value < under ? "pass" : "miss";
}

/** "12.3" for numbers, "n/a" for missing ones. */
export function fmt(value: number | null | undefined, digits = 1): string {
  if (value == null || !Number.isFinite(value)) return "n/a";
  return value.toFixed(digits);
}

/** A plain-text table: the first row is the header; number-looking cells are right-aligned unless told not to. */
export function formatTable(rows: readonly (readonly string[])[], options: { alignNumbers?: boolean } = {}): string {
  const alignNumbers = options.alignNumbers ?? true;
  if (rows.length === 0) return "";
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const numeric = /^-?[\d.]+( ?(ms|MB|s|x))?$|^n\/a$/;
  const line = (r: readonly string[]) =>
    widths
      .map((w, i) => {
        const cell = r[i] ?? "";
        return alignNumbers && numeric.test(cell) ? cell.padStart(w) : cell.padEnd(w);
      })
      .join("  ")
      .trimEnd();
  const [header, ...body] = rows;
  return [line(header ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
