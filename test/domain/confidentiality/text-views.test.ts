import { describe, expect, it } from "vitest";
import { normalise } from "../../../src/domain/confidentiality/text-views.js";

// The views the rules read: every trick that hides a datum from a plain regex is undone, and
// every character keeps the place it came from in the text as typed.
describe("normalise", () => {
  it.each([
    ["zero-width spaces and joiners", "06\u200b12\u200c34\u200d56\u206078", "0612345678"],
    ["a soft hyphen inside a word", "mi\u00adneur", "mineur"],
    ["bidi marks and isolates", "\u202d06\u202c \u200fmineur\u2066", "06 mineur"],
    ["a byte-order mark and variation selectors", "\ufeff1\ufe0f3 ans", "13 ans"],
    ["full-width letters and digits", "ＮＩＲ １２３", "NIR 123"],
    ["Arabic-Indic, Devanagari and Bengali digits", "٠٦ १२ ৩৪", "06 12 34"],
    ["decomposed accents, composed", "ne\u0301 le", "né le"],
    ["look-alike Cyrillic letters", "m\u0456neur \u0430ge", "mineur age"],
    ["typographic apostrophes, dashes and spaces", "l\u2019objet \u2013 n\u00ba\u00a012", "l'objet - n° 12"],
    ["control characters", "ab\u0000c\u0007d", "abcd"],
  ])("undoes %s", (_label, typed, read) => {
    expect(normalise(typed).views.orig).toBe(read);
  });

  it("strips accents in the folded view without changing its length", () => {
    const { views } = normalise("Né le 3 mars à Chambéry");
    expect(views.folded).toBe("Ne le 3 mars a Chambery");
    expect(views.folded.length).toBe(views.orig.length);
  });

  it("maps every character back to where it was typed", () => {
    const typed = "Tél\u00a0: ０６\u200b12";
    const { views, from, to } = normalise(typed);
    expect(views.orig).toBe("Tél : 0612");
    const at = views.orig.indexOf("0612");
    expect(typed.slice(from[at], to[at + 3])).toBe("０６\u200b12");
  });

  it("masks links, whose figures and words are not about a person", () => {
    expect(normalise("voir https://example.fr/0612345678 ici").views.orig).toBe(`voir ${" ".repeat(29)} ici`);
  });
});
