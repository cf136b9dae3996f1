import { describe, expect, it } from "vitest";
import { commitmentsCsv, csvCell, exportFileName } from "../../src/domain/export-csv.js";
import type { Party } from "../../src/domain/types.js";
import { makeCommitment } from "../support/fixtures.js";

const parties: Party[] = [
  { code: "ETAT", label: "État", signatory: "Préfet de la Savoie" },
  { code: "VILLE", label: "Ville de Chambéry", signatory: "Maire de Chambéry" },
] as Party[];

const etat08 = {
  ...makeCommitment({
    ref: "ETAT-08",
    party: "ETAT",
    title: "Patrouilles communes; « nuit »",
    status: "LATE",
    dueOn: "2026-11-01",
  }),
  leadService: "Police nationale",
  progress: 60,
  owners: ["U0OWNER1", "U0UNKNOWN"],
  lastUpdateAt: new Date("2026-11-09T23:30:00Z"), // 10 November in Paris
  indicators: [
    {
      id: "i1",
      label: "Patrouilles",
      unit: "par mois",
      baseline: 2,
      baselineOn: null,
      target: 8.5,
      current: 6.5,
      measuredOn: "2026-11-01",
      source: null,
    },
    {
      id: "i2",
      label: "Délai moyen",
      unit: null,
      baseline: null,
      baselineOn: null,
      target: null,
      current: null,
      measuredOn: null,
      source: null,
    },
  ],
};
const ville03 = {
  ...makeCommitment({
    ref: "VILLE-03",
    party: "VILLE",
    title: '=HYPERLINK("http://x")',
    status: "ON_TRACK",
    dueOn: "2027-06-30",
  }),
  owners: [],
  indicators: [],
  lastUpdateAt: null,
  leadService: null,
};
const names = new Map([["U0OWNER1", "Marc Dupont"]]);
const input = {
  commitments: [etat08, ville03],
  parties,
  names,
  today: "2026-11-23",
  timezone: "Europe/Paris",
} as const;

const rows = (csv: string) => csv.replace(/^\uFEFF/, "").split("\r\n");

describe("csvCell", () => {
  it("quotes what would break a line or a column, and doubles quotes", () => {
    expect(csvCell("simple")).toBe("simple");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('dit "non"')).toBe('"dit ""non"""');
    expect(csvCell("deux\nlignes")).toBe('"deux\nlignes"');
    expect(csvCell("1,5")).toBe('"1,5"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(60)).toBe("60");
  });

  it("defuses formulas a spreadsheet would run", () => {
    for (const evil of ["=1+1", "+33 6", "-2", "@SUM(A1)", "\tx"])
      expect(csvCell(evil).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell(-2)).toBe("-2"); // a number is a number
  });
});

describe("commitmentsCsv", () => {
  it("writes a French file Excel opens as is: BOM, semicolons, CRLF, dd/mm/yyyy, decimal commas", () => {
    const csv = commitmentsCsv({ ...input, locale: "fr" });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const [header, first, second] = rows(csv);
    // Five columns per indicator, as many as the commitment with the most: /csi import reads each back.
    expect(header).toBe(
      "Référence;Partie;Intitulé;Description;Service pilote;Pilotes;Échéance;Statut;Avancement (%);En retard;Dernière mise à jour;Indicateur 1;Unité 1;Départ 1;Cible 1;Valeur actuelle 1;Indicateur 2;Unité 2;Départ 2;Cible 2;Valeur actuelle 2",
    );
    // Owners as « name <@id> »: read by people, and by /csi import.
    expect(first).toBe(
      'ETAT-08;État;"Patrouilles communes; « nuit »";;Police nationale;"Marc Dupont <@U0OWNER1>, <@U0UNKNOWN>";01/11/2026;En retard;60;oui;10/11/2026;Patrouilles;par mois;2;"8,5";"6,5";Délai moyen;;;;',
    );
    expect(second).toBe(
      `VILLE-03;Ville de Chambéry;"'=HYPERLINK(""http://x"")";;;;30/06/2027;En cours;0;non;;;;;;;;;;;`,
    );
    expect(rows(csv)).toHaveLength(4); // header, two commitments, and the final line break
  });

  it("writes English headers, ISO dates and decimal points", () => {
    const [header, first] = rows(commitmentsCsv({ ...input, locale: "en" }));
    expect(header?.split(";")).toEqual([
      "Ref",
      "Party",
      "Title",
      "Description",
      "Lead service",
      "Owners",
      "Due date",
      "Status",
      "Progress (%)",
      "Overdue",
      "Last update",
      ...["Indicator", "Unit", "Baseline", "Target", "Current value"].flatMap((h) => [`${h} 1`]),
      ...["Indicator", "Unit", "Baseline", "Target", "Current value"].flatMap((h) => [`${h} 2`]),
    ]);
    expect(first).toContain(";2026-11-01;");
    expect(first).toContain(";yes;2026-11-10;");
    expect(first).toContain(";Patrouilles;par mois;2;8.5;6.5;Délai moyen;");
  });
});

describe("exportFileName", () => {
  it("names the file after the contract and the day, safely", () => {
    expect(exportFileName("CSI-CHAMBERY", "2026-11-23")).toBe("csi-chambery-2026-11-23.csv");
    expect(exportFileName("Contrat Été/../x", "2026-11-23")).toBe("contrat-ete-x-2026-11-23.csv");
    expect(exportFileName("///", "2026-11-23")).toBe("csi-2026-11-23.csv");
  });
});
