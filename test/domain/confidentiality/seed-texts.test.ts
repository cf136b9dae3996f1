import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/domain/confidentiality.js";

// The Chambéry contract's own wording (titles, indicators, notes of the commitments as signed):
// real institutional prose, which the guard must let through entirely.
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("the contract's own texts", () => {
  const seed: unknown = JSON.parse(
    readFileSync(new URL("../../../prisma/seed/chambery-csi.json", import.meta.url), "utf8"),
  );
  const texts = strings(seed).filter((s) => /\p{L}{3,}/u.test(s));

  it("are all accepted by the guard", () => {
    expect(texts.length).toBeGreaterThan(30);
    const refused = texts.map((text) => ({ text, found: findPersonalData(text) })).filter((r) => r.found.length > 0);
    expect(refused).toEqual([]);
  });
});
