import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findRef, normalizeRef } from "../../src/domain/refs.js";

// The real refs of the Chambéry contract, so that suggestions are tested on what users will see.
const data = JSON.parse(readFileSync(new URL("../../prisma/seed/chambery-csi.json", import.meta.url), "utf8")) as {
  commitments: { ref: string }[];
};
const REFS = data.commitments.map((c) => c.ref);

describe("normalizeRef", () => {
  it.each([
    ["etat-8", "ETAT-08"],
    ["ETAT-08", "ETAT-08"],
    ["etat08", "ETAT-08"],
    ["Etat 8", "ETAT-08"],
    ["état-8", "ETAT-08"],
    ["ÉTAT-8", "ETAT-08"],
    ["ville_3", "VILLE-03"],
    ["parquet2", "PARQUET-02"],
    ["  parquet  -  2 ", "PARQUET-02"],
    ["etat.8", "ETAT-08"],
    ["etat--8", "ETAT-08"],
    ["etat-008", "ETAT-08"],
    ["etat-12", "ETAT-12"],
    ["ville-120", "VILLE-120"],
    ["x1", "X-01"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeRef(input)).toBe(expected);
  });

  it.each([
    [""],
    ["   "],
    ["8"],
    ["etat"],
    ["etat-"],
    ["-8"],
    ["etat-0"],
    ["etat-00"],
    ["etat-1234"],
    ["etat-8a"],
    ["etat 8 bis"],
    ["etat-8!"],
    ["état 🚓 8"],
    ["police municipale"],
    ["etat/8"],
    [`${"e".repeat(2000)}1`],
  ])("%j is not a ref", (input) => {
    expect(normalizeRef(input)).toBeNull();
  });
});

describe("findRef", () => {
  it.each([
    ["etat-8", "ETAT-08"],
    ["ETAT-08", "ETAT-08"],
    ["ville 3", "VILLE-03"],
    ["parquet2", "PARQUET-02"],
  ])("%j is found exactly as %j", (input, expected) => {
    expect(findRef(input, REFS)).toEqual({ exact: expected, suggestions: [] });
  });

  it.each([
    ["CSI-02-001", "CSI-02-001"],
    ["csi-02-001", "CSI-02-001"],
    [" Csi-02-001 ", "CSI-02-001"],
  ])("a ref of another shape (imported) %j is found exactly as %j, not merely suggested", (input, expected) => {
    expect(findRef(input, ["CSI-02-001", "CSI-02-002", "ETAT-08"])).toEqual({ exact: expected, suggestions: [] });
  });

  it("returns the ref spelled as in the list even when the list is loosely spelled", () => {
    expect(findRef("ETAT-08", ["etat-8", "ville-1"])).toEqual({ exact: "etat-8", suggestions: [] });
  });

  it.each([
    ["etat-18", ["ETAT-08", "ETAT-01", "ETAT-02"]],
    ["vile-3", ["VILLE-03", "VILLE-01", "VILLE-02"]],
    ["parqet 2", ["PARQUET-02", "PARQUET-01"]],
    ["ville-9", ["VILLE-01", "VILLE-02", "VILLE-03"]],
    ["etat", ["ETAT-01", "ETAT-02", "ETAT-03"]],
    ["police", []],
    ["", []],
    ["🚓", []],
    ["x".repeat(2000), []],
  ])("%j suggests %j", (input, suggestions) => {
    expect(findRef(input, REFS)).toEqual({ exact: null, suggestions });
  });

  it("never suggests more than three refs", () => {
    const r = findRef("etat-9", REFS);
    expect(r.exact).toBeNull();
    expect(r.suggestions).toHaveLength(3);
  });

  it("works on an empty list", () => {
    expect(findRef("etat-8", [])).toEqual({ exact: null, suggestions: [] });
  });
});
