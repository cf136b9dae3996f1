import { describe, expect, it } from "vitest";
import { runPool } from "../../bench/pool.js";
import { fmt, formatTable, percentile, ratio, summarize, verdict } from "../../bench/stats.js";

describe("bench statistics", () => {
  it("takes nearest-rank percentiles of unsorted samples", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, shuffled order does not matter
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it("summarizes with p99 equal to the 3rd worst of 300 samples", () => {
    const samples = Array.from({ length: 300 }, (_, i) => i + 1);
    const s = summarize(samples);
    expect(s).toMatchObject({ count: 300, p50: 150, p95: 285, p99: 297, max: 300, mean: 150.5 });
  });

  it("computes ratios to the floor and verdicts against targets, n/a when a side is missing", () => {
    expect(ratio(30, 20)).toBe(1.5);
    expect(ratio(10, 3)).toBe(3.33);
    expect(ratio(null, 20)).toBeNull();
    expect(ratio(10, 0)).toBeNull();
    expect(verdict(1.49, 1.5)).toBe("pass");
    expect(verdict(1.5, 1.5)).toBe("miss");
    expect(verdict(null, 1.5)).toBe("n/a");
    expect(verdict(Number.NaN, 100)).toBe("n/a");
    expect(fmt(12.345)).toBe("12.3");
    expect(fmt(undefined)).toBe("n/a");
  });

  it("formats a table with a rule under the header and numbers aligned right", () => {
    const out = formatTable([
      ["scenario", "p99"],
      ["/csi etat", "12.5"],
      ["/csi voir REF", "n/a"],
    ]);
    expect(out.split("\n")).toEqual([
      "scenario       p99",
      "-------------  ----",
      "/csi etat      12.5",
      "/csi voir REF   n/a",
    ]);
    expect(
      formatTable(
        [
          ["measure", "value"],
          ["RSS", "12.5 MB"],
          ["digest", "n/a (not built)"],
        ],
        { alignNumbers: false },
      ).split("\n")[2],
    ).toBe("RSS      12.5 MB");
  });
});

describe("bench promise pool", () => {
  it("keeps at most `concurrency` jobs in flight and returns results in job order", async () => {
    let inFlight = 0;
    let most = 0;
    const results = await runPool(20, 5, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, (i * 7) % 5));
      inFlight--;
      return i * 2;
    });
    expect(most).toBe(5);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });
});
