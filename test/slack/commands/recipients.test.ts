import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

const PIERRE = "U0PIERRE1";

let t: TestApp;
/** Every log line, at debug level: the addresses typed by the coordinator stay out of them. */
const logLines: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ logLines });
});
afterAll(async () => {
  await t.stop();
  expect(logLines.filter((l) => /@(savoie\.gouv|justice)\.fr/.test(l))).toEqual([]);
});

const say = async (text: string, userId = COORDINATOR) => blocksText((await t.commandReply(text, { userId })).params);

describe("/csi destinataires", () => {
  it("adds a recipient with what they receive, audited, and lists them", async () => {
    const added = await say(
      "destinataires ajouter Marie Durand marie.durand@savoie.gouv.fr, Préfecture de la Savoie, point rapport",
    );
    expect(added).toContain(
      ":white_check_mark: *Marie Durand* (Préfecture de la Savoie) — marie.durand@savoie.gouv.fr fait désormais partie des destinataires par courriel.\nReçoit : point hebdomadaire, rapport avant chaque COPIL/GLTD.",
    );
    // Without SMTP_URL the coordinator learns how to enable sending.
    expect(added).toContain("L'envoi de courriels n'est pas configuré : définissez SMTP_URL");
    const contract = (await t.vigie.deps.store.contracts.findDefault())!;
    const [r] = await t.vigie.deps.store.mailRecipients.list(contract.id);
    expect(r).toMatchObject({
      name: "Marie Durand",
      address: "marie.durand@savoie.gouv.fr",
      partyCode: "ETAT",
      receives: { digest: true, report: true, meetings: false },
    });
    expect(await t.vigie.deps.store.audit.listFor("mail_recipient", r!.id)).toMatchObject([
      { actorId: COORDINATOR, action: "recipient.add", details: { receives: ["digest", "report"] } },
    ]);
    await say("destinataires ajouter Paul Martin <mailto:p.martin@justice.fr|p.martin@justice.fr>, Parquet");
    const list = await say("destinataires");
    expect(list).toContain(":envelope: *2 destinataires par courriel*");
    expect(list).toContain(
      "2. *Marie Durand* (Préfecture de la Savoie) — marie.durand@savoie.gouv.fr\n      point hebdomadaire, rapport avant chaque COPIL/GLTD",
    );
    expect(list).toContain(
      "1. *Paul Martin* (Parquet) — p.martin@justice.fr\n      point hebdomadaire, rapport avant chaque COPIL/GLTD, invitations aux réunions",
    );
  });

  it("refuses a bad address or a duplicate in French, repeating what was typed", async () => {
    const typed = "destinataires ajouter Jean Bon jean.bon@savoie, Préfecture";
    const bad = await say(typed);
    expect(bad).toContain("« jean.bon@savoie » n'est pas une adresse électronique valide");
    expect(bad).toContain(`Votre saisie, à corriger :\n\`\`\`/csi ${typed}\`\`\``);
    const dup = await say("destinataires ajouter M. Durand MARIE.DURAND@savoie.gouv.fr");
    expect(dup).toContain("Cette adresse est déjà dans la liste : *Marie Durand* (Préfecture de la Savoie)");
    expect(dup).toContain("/csi destinataires ajouter M. Durand MARIE.DURAND@savoie.gouv.fr");
    expect(await say("destinataires ajouter X x@y.fr, Org, journal")).toContain("Envoi inconnu : « journal »");
    const contract = (await t.vigie.deps.store.contracts.findDefault())!;
    expect(await t.vigie.deps.store.mailRecipients.list(contract.id)).toHaveLength(2);
  });

  it("removes by address or by number, audited; an unknown one is said", async () => {
    expect(await say("destinataires retirer p.martin@justice.fr")).toBe(
      ":wastebasket: *Paul Martin* (Parquet) — p.martin@justice.fr ne recevra plus rien de Vigie.",
    );
    expect(await say("destinataires retirer p.martin@justice.fr")).toContain(
      "Aucun destinataire « p.martin@justice.fr » pour ce contrat.",
    );
    expect(await say("destinataires retirer 1")).toContain("*Marie Durand*");
    const contract = (await t.vigie.deps.store.contracts.findDefault())!;
    expect(await t.vigie.deps.store.mailRecipients.list(contract.id)).toEqual([]);
    expect(await say("destinataires")).toContain("Aucun destinataire par courriel pour ce contrat.");
  });

  it("is for coordinators only", async () => {
    const refused = await say("destinataires ajouter Eve eve@x.fr", PIERRE);
    expect(refused).toContain("réservée aux coordonnateurs");
    const contract = (await t.vigie.deps.store.contracts.findDefault())!;
    expect(await t.vigie.deps.store.mailRecipients.list(contract.id)).toEqual([]);
  });
});
