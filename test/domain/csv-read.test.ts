import { describe, expect, it } from "vitest";
import { detectSeparator, readRows } from "../../src/domain/csv-read.js";

describe("reading spreadsheet text", () => {
  it("detects the separator from the first line: tab, else semicolon, else comma (outside quotes)", () => {
    expect(detectSeparator("VILLE\tTitre; avec point-virgule, et virgule")).toBe("\t");
    expect(detectSeparator("VILLE;Titre, avec virgule")).toBe(";");
    expect(detectSeparator('VILLE,"Titre; entre guillemets",31/12/2027')).toBe(",");
    expect(detectSeparator("\n\nVILLE;Titre")).toBe(";");
  });

  it("reads records with the line each starts on, quotes kept whole across lines", () => {
    const { rows, unclosedQuoteLine } = readRows('a;"b\nsuite";c\n\nd;"e ""f"""', ";");
    expect(unclosedQuoteLine).toBeNull();
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b\nsuite", "c"] },
      { line: 3, cells: [""] },
      { line: 4, cells: ["d", 'e "f"'] },
    ]);
    expect(readRows('a;"jamais fermé\nb', ";").unclosedQuoteLine).toBe(1);
  });
});
