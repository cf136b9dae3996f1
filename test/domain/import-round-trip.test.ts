// What `/csi export` writes, `/csi import` reads back: unchanged, it changes nothing; edited in a spreadsheet, it
// changes exactly the cells edited — owners (mentions, ids, addresses), indicators (label, unit, baseline, target,
// current value) included; re-saved by an old Excel in Windows-1252, it reads the same.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeSpreadsheetBytes } from "../../src/domain/csv-read.js";
import { commitmentsCsv } from "../../src/domain/export-csv.js";
import { type ImportContext, importOwnerEmails, parseCommitmentImport } from "../../src/domain/import-csv.js";
import type { Commitment, Party } from "../../src/domain/types.js";
import { importProblemMessages } from "../../src/slack/views/import-problem-words.js";
import { makeCommitment } from "../support/fixtures.js";

const parties: Party[] = [
  { code: "ETAT", label: "État", signatory: "Préfet" },
  { code: "VILLE", label: "Ville de Chambéry", signatory: "Maire" },
];
const indicator = (id: string, label: string, o: Partial<Commitment["indicators"][number]> = {}) => ({
  id,
  label,
  unit: null,
  baseline: null,
  baselineOn: null,
  target: null,
  current: null,
  measuredOn: null,
  source: null,
  ...o,
});
const etat08: Commitment = {
  ...makeCommitment(
    {
      ref: "ETAT-08",
      party: "ETAT",
      title: "Patrouilles communes; « nuit »",
      description: "Deux soirs par semaine,\nquartier de la gare",
      leadService: "Police nationale",
      dueOn: "2026-11-01",
      owners: ["U0OWNER1", "U0OWNER2"],
    },
    1,
  ),
  indicators: [
    indicator("i1", "Patrouilles", { unit: "par mois", baseline: 2, target: 8.5, current: 6.5 }),
    indicator("i2", "Délai moyen", { unit: "jours" }),
  ],
};
const ville03: Commitment = makeCommitment(
  { ref: "VILLE-03", party: "VILLE", title: "=Vidéo", dueOn: "2027-06-30" },
  2,
);
const existing = [etat08, ville03];
const ctx: ImportContext = { parties, existing, emailIds: new Map() };

const exported = (locale: "fr" | "en" = "fr") =>
  commitmentsCsv({
    commitments: existing,
    parties,
    names: new Map([["U0OWNER1", "Marc Dupont"]]),
    today: "2026-11-23",
    timezone: "Europe/Paris",
    locale,
  });

function plans(text: string, c: ImportContext = ctx) {
  const result = parseCommitmentImport({ file: text }, c);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.rows;
}

describe("export, then import", () => {
  it("changes nothing when the file comes back as it was, in French or in English", () => {
    for (const locale of ["fr", "en"] as const) {
      const rows = plans(exported(locale), ctx);
      expect(rows.map((r) => [r.kind, r.input.ref])).toEqual([
        ["same", "ETAT-08"],
        ["same", "VILLE-03"],
      ]);
    }
  });

  it("reads the same file re-saved by an old Excel in Windows-1252", () => {
    const bytes = iconv.encode(exported().replace(/^\uFEFF/, ""), "win1252");
    const decoded = decodeSpreadsheetBytes(bytes);
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toContain("Patrouilles communes; « nuit »");
    expect(plans(decoded.text).every((r) => r.kind === "same")).toBe(true);
    expect(decodeSpreadsheetBytes(new TextEncoder().encode(exported()))).toMatchObject({ encoding: "utf-8" });
    // The BOM is taken off, and « ’ » / « œ » (0x92, 0x9C in Windows-1252) are read as such.
    expect(decodeSpreadsheetBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41])).text).toBe("A");
    expect(decodeSpreadsheetBytes(Uint8Array.from([0x6c, 0x92, 0x9c, 0x69, 0x6c])).text).toBe("l’œil");
  });

  it("changes exactly the cells edited: title, due date, owners, an indicator's target and current value", () => {
    const edited = exported()
      .replace("Patrouilles communes; « nuit »", "Patrouilles communes de nuit")
      .replace("01/11/2026", "31/03/2027")
      .replace("Marc Dupont <@U0OWNER1>, <@U0OWNER2>", "<@U0OWNER1>, U0OWNER3, sophie@ville.fr")
      .replace('par mois;2;"8,5";"6,5"', "par mois;2;10;7");
    const rows = plans(edited, { ...ctx, emailIds: new Map([["sophie@ville.fr", "U0SOPHIE"]]) });
    expect(rows[0]).toMatchObject({
      kind: "modify",
      id: etat08.id,
      currents: [7, null],
      changes: [
        { field: "title", before: "Patrouilles communes; « nuit »", after: "Patrouilles communes de nuit" },
        { field: "dueOn", before: "2026-11-01", after: "2027-03-31" },
        { field: "owners", added: ["U0OWNER3", "U0SOPHIE"], removed: ["U0OWNER2"] },
        {
          field: "indicator",
          label: "Patrouilles",
          change: "changed",
          parts: [
            { part: "target", before: 8.5, after: 10 },
            { part: "current", before: 6.5, after: 7 },
          ],
        },
      ],
    });
    expect(rows[1]?.kind).toBe("same");
    expect(importOwnerEmails({ file: edited })).toEqual(["sophie@ville.fr"]);
  });

  it("adds a row without a ref, with its owners and indicators, and keeps a measure the file leaves empty", () => {
    const lines = exported().split("\r\n");
    lines.push(";Ville;Médiation de nuit;;;<@U0MARC1>;31/12/2027;;;;;Médiations;par mois;0;20;;;;;;");
    const cleared = lines.join("\r\n").replace('"6,5"', "");
    const rows = plans(cleared);
    expect(rows[0]?.kind).toBe("same"); // an empty current value keeps the measure: nothing changes
    expect(rows[2]).toMatchObject({
      kind: "add",
      input: {
        ref: "VILLE-04",
        owners: ["U0MARC1"],
        indicators: [{ label: "Médiations", unit: "par mois", baseline: 0, target: 20 }],
      },
      currents: [null],
    });
  });

  it("says per line what is wrong in the owners and indicator columns, in French", () => {
    const edited = exported()
      .replace("Marc Dupont <@U0OWNER1>, <@U0OWNER2>", "Marc Dupont, inconnu@ville.fr")
      .replace('par mois;2;"8,5"', "par mois;deux;8");
    const result = parseCommitmentImport({ file: edited }, { ...ctx, emailIds: new Map([["inconnu@ville.fr", null]]) });
    expect(result.ok).toBe(false);
    expect(!result.ok && importProblemMessages(result.problems, "fr")).toEqual([
      {
        line: 2,
        message:
          "Pilotes — « Marc Dupont » : écrivez une mention Slack (<@U…>), un identifiant (U…) ou une adresse e-mail ; aucun compte Slack de l'espace de travail n'a l'adresse inconnu@ville.fr ; Départ 1 — « deux » n'est pas un nombre.",
      },
    ]);
  });

  it("refuses personal data in an indicator's label like in any other text", () => {
    const edited = exported().replace("Délai moyen", "Appels au 06 12 34 56 78");
    const result = parseCommitmentImport({ file: edited }, ctx);
    expect(!result.ok && importProblemMessages(result.problems, "fr")[0]?.message).toMatch(
      /^Indicateur 2 — Donnée personnelle détectée \(téléphone/,
    );
  });

  it("reads a workbook's cells the same way as the text", () => {
    const cells = exported()
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .map((l) => l.split(";"));
    // A simple header and row, as read-excel-file gives them (dates as yyyy-mm-dd, numbers as numbers' text).
    const rows = parseCommitmentImport(
      { cells: [cells[0]!.slice(0, 7), ["VILLE-03", "VILLE", "=Vidéo", "", "", "", "2027-06-30"]] },
      ctx,
    );
    expect(rows.ok && rows.rows.map((r) => r.kind)).toEqual(["same"]);
  });
});
