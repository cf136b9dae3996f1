// The spreadsheet round trip through the real receiver: `/csi export`'s file, edited and attached to `/csi import`
// (CSV in UTF-8 or Windows-1252, or .xlsx), shows a field-by-field preview, and « Confirmer » applies it all —
// each change audited as an edit by the importer — or nothing when a sheet changed since the preview.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import {
  auditEntries,
  directMessageTo,
  formMetadata,
  storedCommitment,
  submitView,
  viewSubmission,
} from "../../support/coordinator-payloads.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

type Json = Record<string, unknown>;
let t: TestApp;
let exported = "";
beforeAll(async () => {
  t = await startTestApp();
  await t.commandReply("export", { userId: COORDINATOR });
  exported = String(t.slack.callsTo("file_upload").at(-1)?.params.content);
});
afterAll(() => t.stop());

async function attach(name: string, content: Uint8Array | string, userId = COORDINATOR) {
  const file = t.slack.addFile(name, content);
  const answer = (await submitView(
    t,
    viewSubmission({
      userId,
      callbackId: CALLBACKS.importCommitments,
      privateMetadata: formMetadata({ contract: "CSI-CHAMBERY" }),
      fields: { [BLOCKS.importFile]: { files: [file] }, [BLOCKS.importLines]: { text: null } },
    }),
  )) as unknown as { response_action: string; view?: Json & { private_metadata?: string }; errors?: Json } | null;
  return answer;
}
const confirm = (preview: { private_metadata?: string }, userId = COORDINATOR) =>
  submitView(
    t,
    viewSubmission({
      userId,
      callbackId: CALLBACKS.confirmImport,
      privateMetadata: preview.private_metadata ?? "{}",
      fields: {},
    }),
  ) as unknown as Promise<{ response_action: string; view: Json } | null>;

/** The export with one cell of a row replaced (cells counted from 0, the row found by its ref). */
function editCell(csv: string, ref: string, index: number, value: string): string {
  return csv
    .split("\r\n")
    .map((line) => {
      if (!line.startsWith(`${ref};`)) return line;
      const cells = line.split(";");
      cells[index] = value;
      return cells.join(";");
    })
    .join("\r\n");
}

describe("/csi import of the exported file", () => {
  it("unchanged, previews that nothing changes and offers nothing to confirm", async () => {
    const answer = await attach("csi-chambery.csv", exported);
    expect(answer?.response_action).toBe("update");
    expect(blocksText(answer!.view!)).toContain("0 modifié, 0 ajouté, 0 supprimé (16 inchangés)");
    expect(blocksText(answer!.view!)).toContain("Le fichier ne change rien");
    expect(answer!.view!.submit).toBeUndefined();
  });

  it("edited, previews each change field by field, writes nothing, then applies it all on « Confirmer »", async () => {
    t.slack.emails.set("sophie.martin@chambery.fr", "U0SOPHIE");
    const before = await storedCommitment(t, "VILLE-01");
    let edited = editCell(exported, "VILLE-01", 2, "Vidéoprotection : 20 caméras de plus");
    edited = editCell(edited, "VILLE-01", 5, "sophie.martin@chambery.fr");
    edited = editCell(edited, "VILLE-01", 11, "Caméras installées");
    edited = editCell(edited, "VILLE-01", 14, "20");
    edited = editCell(edited, "VILLE-01", 15, "4");
    edited = `${edited.trimEnd()}\r\n;Ville;Médiation de nuit place du marché;;;<@U0MARC1>;31/12/2027\r\n`;
    const answer = await attach("csi-chambery.csv", edited);
    const text = blocksText(answer!.view!);
    expect(text).toContain("1 modifié, 1 ajouté, 0 supprimé (15 inchangés)");
    expect(text).toContain(`Intitulé : « ${before!.title} » → « Vidéoprotection : 20 caméras de plus »`);
    expect(text).toContain("Pilotes : + <@U0SOPHIE>");
    expect(text).toContain("Indicateur « Caméras installées » : ajouté : cible — → 20, valeur actuelle — → 4");
    expect(text).toContain(":new: *VILLE-07* — Médiation de nuit place du marché");
    expect((await storedCommitment(t, "VILLE-01"))!.title).toBe(before!.title);
    expect(t.slack.callsTo("users.lookupByEmail").map((c) => c.params.email)).toEqual(["sophie.martin@chambery.fr"]);

    expect(await confirm(answer!.view!)).toBeNull();
    const after = await storedCommitment(t, "VILLE-01");
    expect(after).toMatchObject({ title: "Vidéoprotection : 20 caméras de plus", owners: ["U0SOPHIE"] });
    expect(after!.indicators).toMatchObject([
      { label: "Caméras installées", target: 20, current: 4, measuredOn: "2026-11-23" },
    ]);
    expect(await storedCommitment(t, "VILLE-07")).toMatchObject({ owners: ["U0MARC1"], dueOn: "2027-12-31" });
    const [edit] = (await auditEntries(t, "commitment.edit")).filter((e) => e.entityId === after!.id);
    expect(edit).toMatchObject({ actorId: COORDINATOR, details: { imported: true } });
    expect(((edit!.details as Json).before as Json).title).toBe(before!.title);
    await directMessageTo(t, COORDINATOR, "Import appliqué : 1 engagement modifié, 1 ajouté");
  });

  it("reads the same file saved by an old Excel in Windows-1252: nothing left to change", async () => {
    await t.commandReply("export", { userId: COORDINATOR });
    const latest = String(t.slack.callsTo("file_upload").at(-1)?.params.content).replace(/^\uFEFF/, "");
    expect(latest).toContain("Vidéoprotection : 20 caméras de plus");
    const answer = await attach("ancien-excel.csv", iconv.encode(latest, "win1252"));
    expect(blocksText(answer!.view!)).toContain("0 modifié, 0 ajouté, 0 supprimé (17 inchangés)");
  });

  it("reads an .xlsx workbook", async () => {
    const xlsx = await writeXlsxFile([
      [{ value: "Référence" }, { value: "Échéance" }],
      [{ value: "VILLE-02" }, { value: new Date("2027-03-31T00:00:00Z"), format: "dd/mm/yyyy" }],
    ]).toBuffer();
    const answer = await attach("engagements.xlsx", new Uint8Array(xlsx));
    expect(blocksText(answer!.view!)).toContain("1 modifié, 0 ajouté, 0 supprimé");
    expect(blocksText(answer!.view!)).toContain("→ mercredi 31 mars 2027");
    expect(await confirm(answer!.view!)).toBeNull();
    expect((await storedCommitment(t, "VILLE-02"))!.dueOn).toBe("2027-03-31");
  });

  it("applies nothing when a sheet changed since the preview, and says which", async () => {
    const answer = await attach("a.csv", "Référence;Échéance\r\nVILLE-03;30/09/2027\r\nVILLE-04;30/09/2027\r\n");
    const changed = await storedCommitment(t, "VILLE-04");
    await t.db.prisma.commitment.update({ where: { id: changed!.id }, data: { title: "Changé entre-temps" } });
    const refused = await confirm(answer!.view!);
    expect(refused?.response_action).toBe("update");
    expect(blocksText(refused!.view)).toContain("Rien n'a été importé : VILLE-04 a été modifié depuis l'aperçu.");
    expect((await storedCommitment(t, "VILLE-03"))!.dueOn).not.toBe("2027-09-30");
  });

  it("says so on the form when the file is missing, or when a line is wrong, and stores nothing", async () => {
    const none = (await submitView(
      t,
      viewSubmission({
        userId: COORDINATOR,
        callbackId: CALLBACKS.importCommitments,
        privateMetadata: formMetadata({ contract: "CSI-CHAMBERY" }),
        fields: { [BLOCKS.importFile]: { files: [{ id: "F0FORGED", name: "x.csv", filetype: "csv" }] } },
      }),
    )) as unknown as { errors: Json };
    expect(none.errors[BLOCKS.importFile]).toBe("Slack n'a pas transmis le fichier : joignez-le à nouveau.");
    const wrong = await attach("b.csv", "Référence;Pilotes\r\nVILLE-03;personne@ailleurs.fr\r\n");
    expect(wrong?.errors?.[BLOCKS.importFile]).toBe(
      "Rien n'a été importé : corrigez ces lignes puis validez à nouveau.\n• Ligne 2 : Pilotes — aucun compte Slack de l'espace de travail n'a l'adresse personne@ailleurs.fr",
    );
  });
});
