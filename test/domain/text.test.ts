import { describe, expect, it } from "vitest";
import { closest, levenshtein, normalizeText, truncate } from "../../src/domain/text.js";

describe("normalizeText", () => {
  it.each([
    ["", ""],
    ["   ", ""],
    ["Vidéo", "video"],
    ["VIDÉO PROTECTION", "video protection"],
    ["Mise en Œuvre", "mise en oeuvre"],
    ["œuvre", "oeuvre"],
    ["Lætitia", "laetitia"],
    ["Straße", "strasse"],
    ["État", "etat"],
    ["Chambéry  \t\n Hauts-de-Chambéry", "chambery hauts-de-chambery"],
    ["60\u202f000\u00a0€", "60 000 €"],
    ["d’informations", "d'informations"],
    ["ﬁche", "fiche"],
    ["  ça  ", "ca"],
    ["naïve façade où", "naive facade ou"],
    ["🚓 police", "🚓 police"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("makes accent-insensitive search work both ways", () => {
    const title = normalizeText("Création d'un schéma directeur pour la vidéo protection");
    expect(title.includes(normalizeText("video"))).toBe(true);
    expect(title.includes(normalizeText("VIDÉO"))).toBe(true);
    expect(normalizeText("Mise en œuvre de la sécurité").includes(normalizeText("oeuvre"))).toBe(true);
  });

  it("handles a 2,000-character string", () => {
    const s = "É".repeat(2000);
    expect(normalizeText(s)).toBe("e".repeat(2000));
  });
});

describe("levenshtein", () => {
  it.each([
    ["", "", 0],
    ["", "abc", 3],
    ["abc", "", 3],
    ["abc", "abc", 0],
    ["kitten", "sitting", 3],
    ["flaw", "lawn", 2],
    ["ETAT-08", "ETAT-18", 1],
    ["ETAT-08", "ETAT-80", 2],
    ["VILE-03", "VILLE-03", 1],
    ["🚓", "🚒", 1], // one code point each, not two code units
    ["a🚓b", "ab", 1],
  ])("%j vs %j = %i", (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });

  it("only looks at the first 64 code points of each input", () => {
    const a = "a".repeat(64) + "x".repeat(2000);
    const b = "a".repeat(64) + "y".repeat(2000);
    expect(levenshtein(a, b)).toBe(0);
    expect(levenshtein("b".repeat(2000), "")).toBe(64);
    expect(levenshtein(`${"a".repeat(63)}b`, "a".repeat(64))).toBe(1);
  });
});

describe("closest", () => {
  const commands = ["aide", "etat", "liste", "voir", "mes", "retards", "echeances", "reunions", "cherche"];
  const id = (s: string): string => s;

  it.each([
    ["lsite", ["liste"]],
    ["retard", ["retards"]],
    ["échéances", ["echeances"]],
    ["REUNION", ["reunions"]],
    ["xyzzy", []],
    ["", []],
    ["   ", []],
  ])("%j → %j", (query, expected) => {
    expect(closest(query, commands, id)).toEqual(expected);
  });

  it("orders best first, ties in candidate order, and caps at max", () => {
    const refs = ["ETAT-01", "ETAT-02", "ETAT-08", "VILLE-08"];
    expect(closest("ETAT-18", refs, id, { maxDistance: 2 })).toEqual(["ETAT-08", "ETAT-01", "ETAT-02"]);
    expect(closest("ETAT-18", refs, id, { maxDistance: 2, max: 1 })).toEqual(["ETAT-08"]);
    expect(closest("ETAT-18", refs, id, { maxDistance: 1 })).toEqual(["ETAT-08"]);
    expect(closest("ETAT-18", refs, id, { max: 0 })).toEqual([]);
  });

  it("uses the key and compares without accents", () => {
    const items = [
      { ref: "VILLE-04", title: "Vidéo protection" },
      { ref: "ETAT-03", title: "Sécurité du quotidien" },
    ];
    expect(closest("video protectoin", items, (c) => c.title)).toEqual([items[0]]);
  });

  it("suggests candidates that contain the query", () => {
    expect(closest("etat", ["ETAT-01", "VILLE-01", "ETAT-02"], id)).toEqual(["ETAT-01", "ETAT-02"]);
  });

  it("default tolerance grows with the query length", () => {
    expect(closest("ab", ["xy"], id)).toEqual([]);
    expect(closest("ab", ["ax"], id)).toEqual(["ax"]);
    expect(closest("abcdef", ["axcxef"], id)).toEqual(["axcxef"]);
    expect(closest("abcdef", ["xxxdef"], id)).toEqual([]);
  });

  it("ignores candidates whose key is empty and stays cheap on huge input", () => {
    expect(closest("a", ["", "a"], id)).toEqual(["a"]);
    const big = "x".repeat(2000);
    expect(closest(big, [big, "y"], id)).toEqual([big]);
  });
});

// In `u` mode a half surrogate pair is a code point of category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

describe("truncate", () => {
  it("detects lone surrogates (so the checks below can fail)", () => {
    expect("a\uD83D").toMatch(LONE_SURROGATE);
    expect("a🚓").not.toMatch(LONE_SURROGATE);
  });

  it.each([
    ["", 10, ""],
    ["abc", 3, "abc"],
    ["abcd", 3, "ab…"],
    ["abcd", 1, "…"],
    ["abcd", 0, ""],
    ["abcd", -5, ""],
    ["Mise en œuvre de la sécurité", 21, "Mise en œuvre de la…"],
    ["a🚓b", 3, "a…"], // cutting after "a\uD83D" would leave half a pair
    ["ab🚓", 4, "ab🚓"],
    ["ab🚓c", 4, "ab…"],
    ["🇫🇷🇫🇷", 5, "🇫🇷…"], // a flag is two pairs: keep it whole
    ["e\u0301e\u0301e\u0301", 3, "e\u0301…"],
  ])("%j to %i → %j", (s, max, expected) => {
    const out = truncate(s, max);
    expect(out).toBe(expected);
    expect(out).not.toMatch(LONE_SURROGATE);
    expect(out.length).toBeLessThanOrEqual(Math.max(0, max));
  });

  it("never exceeds max on a 2,000-character string and ends with an ellipsis", () => {
    const s = "é🚓 ".repeat(500); // 2,000 code units
    for (const max of [1, 2, 3, 50, 1999]) {
      const out = truncate(s, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.endsWith("…")).toBe(true);
      expect(out).not.toMatch(LONE_SURROGATE);
    }
    expect(truncate(s, 2000)).toBe(s);
  });

  it("drops a trailing space before the ellipsis", () => {
    expect(truncate("abc def", 5)).toBe("abc…");
  });
});
