import { describe, expect, it } from "vitest";
import {
  type ImportContext,
  type ImportResult,
  MAX_IMPORT_ROWS,
  parseCommitmentImport,
  parseImportDate,
} from "../../src/domain/import-csv.js";
import type { Locale } from "../../src/domain/types.js";
import { importProblemMessages, importProblemsText } from "../../src/slack/views/import-problem-words.js";
import { makeCommitment } from "../support/fixtures.js";

const parties = [
  { code: "ETAT", label: "État" },
  { code: "VILLE", label: "Ville de Chambéry" },
  { code: "PARQUET", label: "Parquet" },
];
const existing = ["ETAT-01", "ETAT-08", "VILLE-01", "VILLE-06", "PARQUET-02"].map((ref, i) =>
  makeCommitment({ ref, party: ref.split("-")[0]!, title: `Engagement ${ref}`, owners: ["U0OWNER1"] }, i),
);
const ctx: ImportContext = { parties, existing };
const EXPORT_HEADER =
  "Référence;Partie;Intitulé;Description;Service pilote;Pilotes;Échéance;Statut;Avancement (%);En retard;Dernière mise à jour;Indicateur 1;Unité 1;Départ 1;Cible 1;Valeur actuelle 1";
/** The paste of the modal (the form's text field). */
const parse = (text: string | null, c: ImportContext = ctx) => parseCommitmentImport({ paste: text }, c);

function rows(result: ImportResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.rows.map((r) => ({ line: r.line, ...r.input }));
}
/** The problems found, in the words the form shows them (slack/views/import-problem-words.ts). */
function problems(result: ImportResult, locale: Locale = "fr") {
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.rows)}`);
  return importProblemMessages(result.problems, locale);
}

describe("reading pasted lines", () => {
  it("reads a copy from a spreadsheet (tabs) in the default order, gives the next free refs, skips blank lines", () => {
    const text =
      "VILLE\tÉtendre la vidéoprotection\t30/06/2027\tPolice municipale\tDix caméras\n\n\t\t\nÉtat\tRenforcer les patrouilles\t1/2/2027\nparquet\tTraitement en temps réel\t2027-03-31\t\t\n";
    expect(rows(parse(text))).toEqual([
      {
        line: 1,
        ref: "VILLE-07",
        party: "VILLE",
        title: "Étendre la vidéoprotection",
        dueOn: "2027-06-30",
        leadService: "Police municipale",
        description: "Dix caméras",
        owners: [],
        indicators: [],
      },
      {
        line: 4,
        ref: "ETAT-09",
        party: "ETAT",
        title: "Renforcer les patrouilles",
        dueOn: "2027-02-01",
        leadService: null,
        description: null,
        owners: [],
        indicators: [],
      },
      {
        line: 5,
        ref: "PARQUET-03",
        party: "PARQUET",
        title: "Traitement en temps réel",
        dueOn: "2027-03-31",
        leadService: null,
        description: null,
        owners: [],
        indicators: [],
      },
    ]);
  });

  it("gives two rows of the same party two refs, one after the other", () => {
    const text = "VILLE;Première action\nVILLE;Deuxième action\nVille de Chambéry;Troisième action";
    expect(rows(parse(text)).map((r) => r.ref)).toEqual(["VILLE-07", "VILLE-08", "VILLE-09"]);
  });

  it("follows RFC 4180 quotes: separators, doubled quotes and line breaks inside a quoted cell", () => {
    const text =
      'VILLE,"Patrouilles, soir et week-end","31/12/2027",Police,"Opération ""Tranquillité""\nsur deux lignes"\nETAT,Deuxième,,,';
    expect(rows(parse(text))).toMatchObject([
      {
        line: 1,
        title: "Patrouilles, soir et week-end",
        dueOn: "2027-12-31",
        leadService: "Police",
        description: 'Opération "Tranquillité"\nsur deux lignes',
      },
      // The quoted cell spans lines 1 and 2: the next row starts on line 3.
      { line: 3, party: "ETAT", title: "Deuxième" },
    ]);
  });

  it("keeps a quote inside an unquoted cell as it is, and refuses a quote never closed", () => {
    expect(rows(parse('VILLE;Opération "Tranquillité vacances"'))[0]?.title).toBe('Opération "Tranquillité vacances"');
    expect(problems(parse('VILLE;Bon titre\nVILLE;"Titre sans fin'))).toEqual([
      { line: 2, message: 'guillemet ouvert (") sans guillemet fermant.' },
    ]);
  });

  it("ignores a leading byte-order mark and Windows line ends", () => {
    const result = rows(parse("\uFEFFVILLE;Premier;31/12/2027\r\nVILLE;Second;01/01/2028\r\n"));
    expect(result.map((r) => [r.line, r.party, r.title, r.dueOn])).toEqual([
      [1, "VILLE", "Premier", "2027-12-31"],
      [2, "VILLE", "Second", "2028-01-01"],
    ]);
  });

  it("takes off the apostrophe /csi export puts before a text a spreadsheet would run as a formula", () => {
    expect(rows(parse("VILLE;'=Vidéo et +;31/12/2027;'-Police"))[0]).toMatchObject({
      title: "=Vidéo et +",
      leadService: "-Police",
    });
  });
});

describe("header line", () => {
  it("maps the columns of /csi export's French header by name and says which ones it ignored", () => {
    const text = `${EXPORT_HEADER}\n;Ville de Chambéry;Vidéoprotection des Hauts;;Police municipale;Marc Lefèvre <@U0MARC1>;30/06/2027;En cours;30;non;;Caméras;;4;10;\nETAT-12;État;Patrouilles de nuit;;DDSP;;15/09/2027;;;;;;;;;`;
    const result = parse(text);
    expect(rows(result)).toEqual([
      {
        line: 2,
        ref: "VILLE-07",
        party: "VILLE",
        title: "Vidéoprotection des Hauts",
        leadService: "Police municipale",
        dueOn: "2027-06-30",
        description: null,
        owners: ["U0MARC1"],
        indicators: [{ label: "Caméras", unit: null, baseline: 4, target: 10 }],
      },
      {
        line: 3,
        ref: "ETAT-12",
        party: "ETAT",
        title: "Patrouilles de nuit",
        leadService: "DDSP",
        dueOn: "2027-09-15",
        description: null,
        owners: [],
        indicators: [],
      },
    ]);
    expect(result.ok && result.ignoredColumns).toEqual([
      "Statut",
      "Avancement (%)",
      "En retard",
      "Dernière mise à jour",
    ]);
  });

  it("reads English names in any order, accents and case ignored", () => {
    const en = rows(
      parse(
        "Due date,Title,PARTY,description,Lead Service,Owners\n2027-05-31,Night patrols,state,Ten more,Police,<@U0MARC1>",
        ctx,
      ),
    );
    expect(en).toEqual([
      {
        line: 2,
        ref: "ETAT-09",
        party: "ETAT",
        title: "Night patrols",
        dueOn: "2027-05-31",
        description: "Ten more",
        leadService: "Police",
        owners: ["U0MARC1"],
        indicators: [],
      },
    ]);
    const fr = parse("ECHEANCE;intitule;Partie;Titre\n31/12/2027;Premier;VILLE;doublon", ctx);
    expect(rows(fr)[0]).toMatchObject({ title: "Premier", dueOn: "2027-12-31" });
    // « Titre » names the title a second time: the first column wins, the second is ignored and said so.
    expect(fr.ok && fr.ignoredColumns).toEqual(["Titre"]);
  });

  it("a header of other names beside two known ones ignores them; a header without Partie or Intitulé is refused", () => {
    const mixed = parse("Partie;Intitulé;Commentaire interne\nVILLE;Titre valable;à relire", ctx);
    expect(rows(mixed)).toHaveLength(1);
    expect(mixed.ok && mixed.ignoredColumns).toEqual(["Commentaire interne"]);
    expect(problems(parse("Partie;Échéance\nVILLE;31/12/2027"))).toEqual([
      {
        line: 1,
        message: "la ligne d'en-tête doit comporter la colonne Référence, ou les colonnes Partie et Intitulé.",
      },
    ]);
    expect(problems(parse(`${EXPORT_HEADER}\n\n`))).toEqual([
      { line: null, message: "Aucune ligne d'engagement sous la ligne d'en-tête." },
    ]);
  });

  it("without a header, a row longer than the five columns is refused", () => {
    expect(problems(parse("VILLE;Titre valable;31/12/2027;Police;Description;En cours;;"))[0]?.message).toBe(
      "6 cellules pour 5 colonnes (Partie ; Intitulé ; Échéance ; Service pilote ; Description)",
    );
  });
});

describe("checking each row", () => {
  it("accepts dd/mm/yyyy, d/m/yyyy and yyyy-mm-dd, real calendar days only", () => {
    expect(parseImportDate("05/03/2027")).toEqual({ date: "2027-03-05" });
    expect(parseImportDate("5/3/2027")).toEqual({ date: "2027-03-05" });
    expect(parseImportDate("2027-03-05")).toEqual({ date: "2027-03-05" });
    expect(parseImportDate("29/02/2028")).toEqual({ date: "2028-02-29" });
    expect(parseImportDate("29/02/2027")).toEqual({ error: "calendar" });
    expect(parseImportDate("31/04/2027")).toEqual({ error: "calendar" });
    expect(parseImportDate("fin 2027")).toEqual({ error: "format" });
    expect(parseImportDate("03/05/27")).toEqual({ error: "format" });
  });

  it("names each wrong line and what is wrong in it", () => {
    const text =
      "VILLE;Bon titre;31/12/2027\nVILLE;Mauvaise date;31/02/2027\nMairie de Lyon;Partie inconnue\n;Sans partie\nETAT;ab;fin 2027";
    expect(problems(parse(text))).toEqual([
      { line: 2, message: "Échéance — « 31/02/2027 » n'existe pas au calendrier." },
      { line: 3, message: "Partie — « Mairie de Lyon » inconnue : ETAT, VILLE ou PARQUET." },
      { line: 4, message: "Partie — manquante : ETAT, VILLE ou PARQUET." },
      {
        line: 5,
        message:
          "Échéance — « fin 2027 » : date attendue sous la forme jj/mm/aaaa (ou aaaa-mm-jj). ; Intitulé — Le titre est obligatoire (3 caractères au moins).",
      },
    ]);
  });

  it("a ref of the contract updates that commitment: only the columns present, field by field", () => {
    const result = parse(
      `Référence;Partie;Intitulé;Échéance\nVILLE-01;Ville de Chambéry;Autre intitulé;31/12/2027\nETAT-01;ETAT;Engagement ETAT-01;`,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [changed, same] = result.rows;
    expect(changed).toMatchObject({
      kind: "modify",
      id: existing[2]!.id,
      input: { ref: "VILLE-01", title: "Autre intitulé", dueOn: "2027-12-31", owners: ["U0OWNER1"] },
      changes: [
        { field: "title", before: "Engagement VILLE-01", after: "Autre intitulé" },
        { field: "dueOn", before: null, after: "2027-12-31" },
      ],
    });
    expect(same).toMatchObject({ kind: "same", input: { ref: "ETAT-01" } });
    expect(problems(parse("Référence;Partie;Intitulé\nVILLE-01;ETAT;Autre intitulé"))).toEqual([
      { line: 2, message: "Partie — VILLE-01 est un engagement VILLE : sa partie ne change pas par un import." },
    ]);
  });

  it("never gives one ref to two rows of the paste, typed twice or typed after being given", () => {
    const twice = problems(parse("Réf;Partie;Intitulé\nVILLE-09;VILLE;Premier\nville-9;VILLE;Second", ctx));
    expect(twice).toEqual([{ line: 3, message: "Référence — VILLE-09 est déjà celle de la ligne 2." }]);
    const given = problems(parse("Réf;Partie;Intitulé\n;VILLE;Premier (VILLE-07)\nVILLE-07;VILLE;Second", ctx));
    expect(given).toEqual([{ line: 3, message: "Référence — VILLE-07 est déjà celle de la ligne 2." }]);
    // After a typed ref, the next empty one continues from it.
    expect(rows(parse("Réf;Partie;Intitulé\nVILLE-10;VILLE;Premier\n;VILLE;Second")).map((r) => r.ref)).toEqual([
      "VILLE-10",
      "VILLE-11",
    ]);
  });

  it("refuses personal data in any text column, like the form", () => {
    const found = problems(
      parse("VILLE;Suivi du mineur né le 03/04/2010;31/12/2027\nVILLE;Titre valable;;;Appeler le 06 12 34 56 78", ctx),
    );
    expect(found.map((p) => p.line)).toEqual([1, 2]);
    expect(found[0]?.message).toMatch(/^Intitulé — Données personnelles détectées .*GLTD\/CLSPD/);
    expect(found[1]?.message).toMatch(/^Description — Donnée personnelle détectée \(téléphone/);
  });

  it(`takes at most ${MAX_IMPORT_ROWS} rows`, () => {
    const line = (i: number) => `VILLE;Action numéro ${i}`;
    expect(
      rows(parse(Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => line(i)).join("\n"), { ...ctx, existing: [] })),
    ).toHaveLength(100);
    expect(problems(parse(Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => line(i)).join("\n")))).toEqual([
      { line: null, message: "101 lignes : 100 engagements au plus par import. Importez en plusieurs fois." },
    ]);
  });

  it("refuses an empty paste and a text longer than Slack allows", () => {
    expect(problems(parse(" \n\t\n"))).toEqual([
      { line: null, message: "Collez au moins une ligne : une ligne par engagement." },
    ]);
    expect(problems(parse(null))).toHaveLength(1);
    expect(problems(parse(`VILLE;${"x".repeat(3000)}`))[0]?.message).toContain("dépasse 3000 caractères");
  });

  it("speaks English when the form does", () => {
    const parsed = parse("Lyon;Title;31/02/2027");
    expect(problems(parsed, "en")).toEqual([
      {
        line: 1,
        message: 'Party — "Lyon" unknown: ETAT, VILLE or PARQUET. ; Due date — "31/02/2027" is not a calendar day.',
      },
    ]);
    expect(!parsed.ok && importProblemsText(parsed.problems, "en")).toBe(
      'Nothing was imported: correct these lines and submit again.\n• Line 1: Party — "Lyon" unknown: ETAT, VILLE or PARQUET. ; Due date — "31/02/2027" is not a calendar day.',
    );
  });
});
