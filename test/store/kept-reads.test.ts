// What a process keeps of a read (kept-reads.ts): the same answer for `forMs`, then read again; forgotten at once by
// a write; never an answer read while a write forgot, nor a failure, nor what `keep` refuses.
import { describe, expect, it } from "vitest";
import { keptReads } from "../../src/store/kept-reads.js";

function counter(values: number[]) {
  let calls = 0;
  return {
    read: async () => values[calls++] ?? -1,
    get calls() {
      return calls;
    },
  };
}

describe("reads kept a few seconds", () => {
  it("answers from what was read until `forMs` has passed, then reads again", async () => {
    let now = 1_000;
    const kept = keptReads<number>(5_000, () => now);
    const source = counter([1, 2]);
    expect(await kept.get("T1", source.read)).toBe(1);
    now += 4_999;
    expect(await kept.get("T1", source.read)).toBe(1);
    expect(source.calls).toBe(1);
    now += 1;
    expect(await kept.get("T1", source.read)).toBe(2);
    expect(source.calls).toBe(2);
  });

  it("keeps each key apart", async () => {
    const kept = keptReads<string>(5_000, () => 0);
    expect(await kept.get("T1", async () => "un")).toBe("un");
    expect(await kept.get("T2", async () => "deux")).toBe("deux");
    expect(await kept.get("T1", async () => "autre")).toBe("un");
  });

  it("forget(): the next call reads again", async () => {
    const kept = keptReads<number>(5_000, () => 0);
    const source = counter([1, 2]);
    await kept.get("T1", source.read);
    kept.forget();
    expect(await kept.get("T1", source.read)).toBe(2);
  });

  it("a read under way when a write forgets is not kept", async () => {
    const kept = keptReads<number>(5_000, () => 0);
    let release: (v: number) => void = () => {};
    const before = kept.get("T1", () => new Promise<number>((r) => (release = r)));
    kept.forget(); // a write ends while the read is under way
    release(1);
    expect(await before).toBe(1);
    expect(await kept.get("T1", async () => 2)).toBe(2);
  });

  it("requests arriving during a read share it", async () => {
    const kept = keptReads<number>(5_000, () => 0);
    const source = counter([7]);
    const [a, b] = await Promise.all([kept.get("T1", source.read), kept.get("T1", source.read)]);
    expect([a, b, source.calls]).toEqual([7, 7, 1]);
  });

  it("keeps neither a failure nor what `keep` refuses", async () => {
    const kept = keptReads<number | null>(5_000, () => 0);
    await expect(kept.get("T1", () => Promise.reject(new Error("base indisponible")))).rejects.toThrow();
    expect(await kept.get("T1", async () => 3)).toBe(3);
    const absent = (v: number | null) => v !== null;
    expect(await kept.get("T2", async () => null, absent)).toBeNull();
    expect(await kept.get("T2", async () => 4, absent)).toBe(4);
  });

  it("forMs 0 keeps nothing", async () => {
    const kept = keptReads<number>(0, () => 0);
    const source = counter([1, 2]);
    await kept.get("T1", source.read);
    expect(await kept.get("T1", source.read)).toBe(2);
  });
});
