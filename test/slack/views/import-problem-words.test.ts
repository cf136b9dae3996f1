import { describe, expect, it } from "vitest";
import { parseCommitmentImport } from "../../../src/domain/import-csv.js";
import { importProblemsText } from "../../../src/slack/views/import-problem-words.js";

const ctx = {
  parties: [
    { code: "ETAT", label: "État" },
    { code: "VILLE", label: "Ville de Chambéry" },
    { code: "PARQUET", label: "Parquet" },
  ],
  existing: [],
};

describe("the error shown on the form", () => {
  it("lists eight lines at most, then counts the others, within Slack's 2,000 characters", () => {
    // Three problems a line (party, confidentiality, date): each listed line is cut, the whole stays within the limit.
    const text = Array.from({ length: 30 }, (_, i) => `Lyon ${i};Appeler le 06 12 34 56 78;31/02/2027`).join("\n");
    const found = parseCommitmentImport({ paste: text }, ctx);
    expect(!found.ok && found.problems).toHaveLength(30);
    const shown = found.ok ? "" : importProblemsText(found.problems, "fr");
    const lines = shown.split("\n");
    expect(lines[0]).toBe("Rien n'a été importé : corrigez ces lignes puis validez à nouveau.");
    expect(lines.slice(1, 9).map((l) => l.slice(0, 11))).toEqual([
      "• Ligne 1 :",
      "• Ligne 2 :",
      "• Ligne 3 :",
      "• Ligne 4 :",
      "• Ligne 5 :",
      "• Ligne 6 :",
      "• Ligne 7 :",
      "• Ligne 8 :",
    ]);
    expect(lines[9]).toBe("… et 22 autres.");
    expect(lines).toHaveLength(10);
    expect(lines[1]).toMatch(/^• Ligne 1 : Partie — « Lyon 0 » inconnue.*…$/);
    expect(lines.every((l) => l.length <= 222)).toBe(true); // « • » and a space before each cut line
    expect(shown.length).toBeLessThanOrEqual(2000);
  });

  it("lists a problem of the whole text without a line number", () => {
    expect(
      importProblemsText([{ line: null, issues: [{ place: null, problem: { code: "nothing-pasted" } }] }], "fr"),
    ).toBe(
      "Rien n'a été importé : corrigez ces lignes puis validez à nouveau.\n• Collez au moins une ligne : une ligne par engagement.",
    );
  });
});
