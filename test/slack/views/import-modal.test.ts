import { describe, expect, it } from "vitest";
import { BLOCKS, CALLBACKS, INPUT_ACTION } from "../../../src/slack/ids.js";
import { importModal } from "../../../src/slack/views/import-modal.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { blocksText } from "../../support/test-app.js";

const parties = [
  { code: "ETAT", label: "État", signatory: "Préfet" },
  { code: "VILLE", label: "Ville de Chambéry", signatory: "Maire" },
  { code: "PARQUET", label: "Parquet", signatory: "Procureur" },
];
const nextRefs = { ETAT: "ETAT-09", VILLE: "VILLE-07", PARQUET: "PARQUET-03" };
const pasteBlock = (view: ReturnType<typeof importModal>) =>
  view.blocks.find((b) => "block_id" in b && b.block_id === BLOCKS.importLines);

describe("import modal", () => {
  it("explains the file, the columns, the refs and the owners, above a file input and a multiline input of 3,000 characters", () => {
    const view = importModal({
      locale: "fr",
      parties,
      nextRefs,
      privateMetadata: '{"locale":"fr","contract":"CSI-CHAMBERY"}',
    });
    expect(view.callback_id).toBe(CALLBACKS.importCommitments);
    expect(view.title.text).toBe("Importer des engagements");
    expect(view.submit?.text).toBe("Voir l'aperçu");
    expect(view.private_metadata).toBe('{"locale":"fr","contract":"CSI-CHAMBERY"}');
    expect(view.blocks.find((b) => "block_id" in b && b.block_id === BLOCKS.importFile)).toMatchObject({
      type: "input",
      optional: true,
      element: { type: "file_input", action_id: INPUT_ACTION, filetypes: ["csv", "txt", "xlsx"], max_files: 1 },
    });
    expect(pasteBlock(view)).toMatchObject({
      type: "input",
      optional: true,
      element: { type: "plain_text_input", action_id: INPUT_ACTION, multiline: true, max_length: 3000 },
    });
    const text = blocksText(view);
    expect(text).toContain(
      "*Joignez le fichier* de `/csi export` modifié dans Excel ou LibreOffice (CSV ou .xlsx, 1000 lignes au plus)",
    );
    expect(text).toContain("une ligne dont la *Référence* existe met à jour cet engagement");
    expect(text).toContain(
      "*Sans ligne d'en-tête, colonnes dans cet ordre* : Partie · Intitulé · Échéance · Service pilote · Description.",
    );
    expect(text).toContain(
      "(Référence, Partie, Intitulé, Service pilote, Pilotes, Échéance, Description, Indicateur 1",
    );
    expect(text).toContain("*Partie* : ETAT (État), VILLE (Ville de Chambéry), PARQUET (Parquet).");
    expect(text).toContain("*Pilotes* : mention Slack, identifiant (U…) ou adresse e-mail");
    expect(text).toContain(
      "quand la colonne Référence est vide ou absente (prochaines : ETAT-09, VILLE-07, PARQUET-03)",
    );
    expect(text).toContain("Rien n'est enregistré avant l'aperçu et votre confirmation");
    expect(text).toContain("N'indiquez aucune donnée personnelle");
  });

  it("speaks English and stays within Slack's limits", () => {
    const view = importModal({ locale: "en", parties, nextRefs, privateMetadata: "{}" });
    expect(view.title.text).toBe("Import commitments");
    expect(view.close?.text).toBe("Cancel");
    expect(blocksText(view)).toContain(
      "*Without a header line, columns in this order*: Party · Title · Due date · Lead service · Description.",
    );
    for (const v of [importModal({ locale: "fr", parties, nextRefs, privateMetadata: "{}" }), view]) {
      expect(blockLimitViolations(v.blocks, { maxBlocks: 100 })).toEqual([]);
      for (const t of [v.title.text, v.submit?.text ?? "", v.close?.text ?? ""])
        expect(t.length).toBeLessThanOrEqual(24);
      const element = (pasteBlock(v) as { element: { placeholder: { text: string } } }).element;
      expect(element.placeholder.text.length).toBeLessThanOrEqual(150);
    }
  });

  it("escapes a party label that looks like Slack markup", () => {
    const view = importModal({
      locale: "fr",
      parties: [{ code: "VILLE", label: "<!channel> & co", signatory: "" }],
      nextRefs: { VILLE: "VILLE-01" },
      privateMetadata: "{}",
    });
    expect(blocksText(view)).toContain("VILLE (&lt;!channel&gt; &amp; co)");
  });
});
