// `/csi import` through the real receiver: the modal opens for coordinators only; the pasted lines or the attached
// file are checked, errors inline by line number; then a preview says what will change, and only « Confirmer »
// writes it all (with its audit entries) or none; a second confirmation stores nothing more; the coordinator is told.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import {
  auditEntries,
  directMessageTo,
  formMetadata,
  homeAction,
  storedCommitment,
  submitView,
  viewSubmission,
} from "../../support/coordinator-payloads.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

const MEMBER = "U0MEMBER1";
const EXPORT_HEADER =
  "Référence\tPartie\tIntitulé\tService pilote\tPilotes\tÉchéance\tStatut\tAvancement (%)\tEn retard\tDernière mise à jour";

let t: TestApp;
let contractId: string;
let lastPreview: { private_metadata?: string } = {};
const draftId = (preview: { private_metadata?: string }) => JSON.parse(preview.private_metadata ?? "{}").id as string;
beforeAll(async () => {
  t = await startTestApp();
  contractId = (await t.vigie.deps.store.contracts.findDefault())!.id;
});
afterAll(() => t.stop());

type Json = Record<string, unknown>;
const importLines = (
  userId: string,
  text: string,
  o: { viewId?: string; locale?: "fr" | "en"; privateMetadata?: string } = {},
) =>
  submitView(
    t,
    viewSubmission({
      userId,
      callbackId: CALLBACKS.importCommitments,
      privateMetadata: o.privateMetadata ?? formMetadata({ contract: "CSI-CHAMBERY" }, o.locale),
      fields: { [BLOCKS.importLines]: { text } },
      ...(o.viewId ? { viewId: o.viewId } : {}),
    }),
  );

/** The preview the import modal turns into (response_action "update"). */
async function previewOf(answer: Promise<unknown>) {
  const got = (await answer) as { response_action: string; view: Json & { private_metadata?: string } } | null;
  expect(got?.response_action).toBe("update");
  return got!.view;
}
/** « Confirmer » on a preview, as `userId`. */
const confirm = (userId: string, preview: { private_metadata?: string }) =>
  submitView(
    t,
    viewSubmission({
      userId,
      callbackId: CALLBACKS.confirmImport,
      privateMetadata: preview.private_metadata ?? "{}",
      fields: {},
    }),
  );

describe("/csi import", () => {
  it("opens the import modal for a coordinator, with the next free refs", async () => {
    const { status } = await t.command("import", { userId: COORDINATOR });
    expect(status).toBe(200);
    const opened = await t.slack.waitFor(
      (c) => c.method === "views.open" && (c.params.view as Json).callback_id === CALLBACKS.importCommitments,
    );
    const view = opened.params.view as { private_metadata: string; title: { text: string } };
    expect(view.title.text).toBe("Importer des engagements");
    expect(JSON.parse(view.private_metadata)).toEqual({ locale: "fr", contract: "CSI-CHAMBERY" });
    expect(blocksText(opened.params.view as Json)).toContain("(prochaines : ETAT-09, VILLE-07, PARQUET-03)");
  });

  it("refuses a member politely, naming the coordinators, and opens nothing", async () => {
    const opened = t.slack.callsTo("views.open").length;
    const text = blocksText((await t.commandReply("importer", { userId: MEMBER })).params);
    expect(text).toContain(`elle est réservée aux coordonnateurs. Vous pouvez vous adresser à <@${COORDINATOR}>.`);
    expect(t.slack.callsTo("views.open")).toHaveLength(opened);
  });

  it("is listed in the help", async () => {
    expect(blocksText((await t.commandReply("aide", { userId: MEMBER })).params)).toContain(
      "`/csi import` — ajouter ou mettre à jour des engagements depuis un tableur (le fichier de l'export, modifié)",
    );
  });
});

describe("submitting pasted lines", () => {
  it("refuses the whole paste when a line is wrong, naming the lines, and stores nothing", async () => {
    const before = await t.db.prisma.commitment.count();
    const text = [
      "VILLE\tBon intitulé\t31/12/2027",
      "VILLE\tDate impossible\t31/02/2027",
      "",
      "Lyon\tPartie inconnue",
      "VILLE-01\tRéf. existante",
    ].join("\n");
    const answer = await importLines(COORDINATOR, text);
    expect(answer?.response_action).toBe("errors");
    expect(answer?.errors[BLOCKS.importLines]).toBe(
      [
        "Rien n'a été importé : corrigez ces lignes puis validez à nouveau.",
        "• Ligne 2 : Échéance — « 31/02/2027 » n'existe pas au calendrier.",
        "• Ligne 4 : Partie — « Lyon » inconnue : ETAT, VILLE ou PARQUET.",
        "• Ligne 5 : Partie — « VILLE-01 » inconnue : ETAT, VILLE ou PARQUET.",
      ].join("\n"),
    );
    const withHeader = await importLines(COORDINATOR, `${EXPORT_HEADER}\nVILLE-01\tÉtat\tRéécrire une fiche existante`);
    expect(withHeader?.errors[BLOCKS.importLines]).toContain(
      "Ligne 2 : Partie — VILLE-01 est un engagement VILLE : sa partie ne change pas par un import.",
    );
    const english = await importLines(COORDINATOR, "VILLE;Call 06 12 34 56 78", { locale: "en" });
    expect(english?.errors[BLOCKS.importLines]).toMatch(
      /^Nothing was imported: correct these lines and submit again\.\n• Line 1: Title — Personal data detected \(phone number/,
    );
    expect(await t.db.prisma.commitment.count()).toBe(before);
    expect(await auditEntries(t, "commitment.import")).toEqual([]);
    expect((await storedCommitment(t, "VILLE-01"))!.title).not.toBe("Réécrire une fiche existante");
  });

  it("refuses a member who forges the submission, on the form, and stores nothing", async () => {
    const answer = await importLines(MEMBER, "VILLE;Action importée par un membre");
    expect(answer?.response_action).toBe("errors");
    expect(answer?.errors[BLOCKS.importLines]).toContain(
      `Cette action est réservée aux coordonnateurs du contrat. Vous pouvez vous adresser à @${COORDINATOR}.`,
    );
    expect(await storedCommitment(t, "VILLE-07")).toBeNull();
  });

  it("stores every line with the next refs and an audit entry each once confirmed, then says so in a direct message", async () => {
    const text = [
      EXPORT_HEADER,
      "\tVille de Chambéry\tÉtendre la vidéoprotection au quartier de la gare\tPolice municipale\t\t30/06/2027\tEn cours\t30\tnon\t",
      "",
      '\tVILLE\t"Médiation de nuit, place du marché"\t\t\t2027-09-30\t\t\t\t',
      "\tÉtat\tRenforcer les patrouilles pédestres\tDDSP\t\t1/3/2027\t\t\t\t",
    ].join("\n");
    const before = await t.db.prisma.commitment.count();
    const preview = await previewOf(importLines(COORDINATOR, text, { viewId: "VIMPORT1" }));
    expect(blocksText(preview)).toContain("0 modifié, 3 ajoutés, 0 supprimé");
    expect(blocksText(preview)).toContain(":new: *VILLE-07* — Étendre la vidéoprotection au quartier de la gare");
    expect(await t.db.prisma.commitment.count()).toBe(before); // nothing written before « Confirmer »
    expect(await confirm(COORDINATOR, preview)).toBeNull();
    expect(await storedCommitment(t, "VILLE-07")).toMatchObject({
      party: "VILLE",
      title: "Étendre la vidéoprotection au quartier de la gare",
      leadService: "Police municipale",
      dueOn: "2027-06-30",
      owners: [],
      status: "NOT_STARTED",
    });
    expect(await storedCommitment(t, "VILLE-08")).toMatchObject({
      title: "Médiation de nuit, place du marché",
      dueOn: "2027-09-30",
      leadService: null,
    });
    expect(await storedCommitment(t, "ETAT-09")).toMatchObject({
      title: "Renforcer les patrouilles pédestres",
      dueOn: "2027-03-01",
    });

    const created = await auditEntries(t, "commitment.create");
    expect(
      created.map((e) => [e.actorId, (e.details as Json).submissionKey, ((e.details as Json).after as Json).ref]),
    ).toEqual([
      [COORDINATOR, draftId(preview), "VILLE-07"],
      [COORDINATOR, draftId(preview), "VILLE-08"],
      [COORDINATOR, draftId(preview), "ETAT-09"],
    ]);
    expect(created[0]!.entityId).toBe((await storedCommitment(t, "VILLE-07"))!.id);
    const [entry] = await auditEntries(t, "commitment.import");
    expect(entry).toMatchObject({
      actorId: COORDINATOR,
      entity: "contract",
      entityId: contractId,
      details: { submissionKey: draftId(preview), refs: ["VILLE-07", "VILLE-08", "ETAT-09"], modified: [] },
    });
    lastPreview = preview;

    const dm = blocksText((await directMessageTo(t, COORDINATOR, "3 engagements importés")).params);
    expect(dm).toContain(
      "• *VILLE-07* — Étendre la vidéoprotection au quartier de la gare\n• *VILLE-08* — Médiation de nuit, place du marché\n• *ETAT-09* — Renforcer les patrouilles pédestres",
    );
    expect(dm).toContain(
      "Colonnes non importées : « Statut », « Avancement (%) », « En retard », « Dernière mise à jour ».",
    );
    expect(dm).toContain("`/csi voir VILLE-07` → *Modifier*");
    await t.slack.waitFor((c) => c.method === "views.publish" && c.params.user_id === COORDINATOR);
  });

  it("a second confirmation of the same preview stores nothing more; another coordinator cannot confirm it", async () => {
    const before = await t.db.prisma.commitment.count();
    expect(await confirm(COORDINATOR, lastPreview)).toBeNull();
    const other = (await confirm(MEMBER, lastPreview)) as unknown as { view: Json } | null;
    expect(blocksText(other!.view)).toContain("réservée aux coordonnateurs");
    expect(await t.db.prisma.commitment.count()).toBe(before);
    expect(await storedCommitment(t, "VILLE-09")).toBeNull();
    expect(await auditEntries(t, "commitment.import")).toHaveLength(1);
    expect(await auditEntries(t, "commitment.create")).toHaveLength(3);
  });

  it("the imported sheet shows a coordinator the « Modifier » button the confirmation points to, and it opens the edit form", async () => {
    const id = (await storedCommitment(t, "VILLE-07"))!.id;
    const sheet = await t.commandReply("voir VILLE-07", { userId: COORDINATOR });
    const buttons = (sheet.params.blocks as Json[]).flatMap((b) =>
      b.type === "actions" ? (b.elements as Json[]) : [],
    );
    expect(buttons.find((b) => b.action_id === ACTIONS.openEditCommitment)).toMatchObject({
      value: id,
      text: { text: ":gear: Modifier" },
    });
    const click = homeAction(COORDINATOR, { actionId: ACTIONS.openEditCommitment, value: id });
    await t.interact(click);
    const opened = await t.slack.waitFor((c) => c.method === "views.open" && c.params.trigger_id === click.trigger_id);
    expect((opened.params.view as Json).callback_id).toBe(CALLBACKS.editCommitment);
    expect(JSON.stringify((await t.commandReply("voir VILLE-07", { userId: MEMBER })).params)).not.toContain(
      ACTIONS.openEditCommitment,
    );
  });

  it("its history says it came from an import", async () => {
    const history = blocksText((await t.commandReply("historique VILLE-07", { userId: MEMBER })).params);
    expect(history).toContain(`:new: Fiche importée d'un tableur par <@${COORDINATOR}>`);
  });
});
