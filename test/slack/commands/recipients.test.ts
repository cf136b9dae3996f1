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

  it("modifies a recipient in place (name, address, organisation, party, what they receive), audited", async () => {
    const store = t.vigie.deps.store;
    const contract = (await store.contracts.findDefault())!;
    const before = (await store.mailRecipients.list(contract.id)).find((r) => r.name === "Paul Martin")!;
    // Paul Martin is number 1 in the list (Parquet before Préfecture).
    const edited = await say(
      "destinataires modifier 1 nom Paul Martin-Roux, adresse Paul.Roux@justice.fr, envois rapport réunions, partie aucune",
    );
    expect(edited).toBe(
      ":white_check_mark: *Paul Martin-Roux* (Parquet) — paul.roux@justice.fr : modifié (nom, adresse, partie, envois).\nReçoit : rapport avant chaque COPIL/GLTD, invitations aux réunions.",
    );
    const after = await store.mailRecipients.findById(before.id);
    expect(after).toMatchObject({
      id: before.id,
      name: "Paul Martin-Roux",
      address: "paul.roux@justice.fr",
      organisation: "Parquet",
      partyCode: null,
      receives: { digest: false, report: true, meetings: true },
      createdAt: before.createdAt,
    });
    const audit = await store.audit.listFor("mail_recipient", before.id);
    expect(audit.at(-1)).toMatchObject({
      actorId: COORDINATOR,
      action: "recipient.edit",
      details: {
        name: "Paul Martin-Roux",
        changed: {
          name: { from: "Paul Martin", to: "Paul Martin-Roux" },
          address: { from: "p.martin@justice.fr", to: "paul.roux@justice.fr" },
          party: { from: "PARQUET", to: null },
          receives: { from: ["digest", "report", "meetings"], to: ["report", "meetings"] },
        },
      },
    });
    expect(await say("journal")).toContain(
      "a modifié le destinataire par courriel Paul Martin-Roux (Parquet) (nom, adresse, partie, envois)",
    );
    // By address; a new organisation takes the party it names; nothing changed is said so.
    expect(await say("destinataires modifier marie.durand@savoie.gouv.fr organisation Parquet de Chambéry")).toContain(
      "modifié (organisation, partie)",
    );
    expect((await store.mailRecipients.list(contract.id)).find((r) => r.name === "Marie Durand")?.partyCode).toBe(
      "PARQUET",
    );
    expect(await say("destinataires modifier 2 organisation Parquet de Chambéry")).toContain("rien n'a changé");
    expect(await say("destinataires modifier 1 partie parquet")).toContain("modifié (partie)");
    expect(await say("destinataires")).toContain("invitations aux réunions · partie PARQUET");
  });

  it("refuses a bad change in French, repeating what was typed, and changes nothing", async () => {
    const store = t.vigie.deps.store;
    const contract = (await store.contracts.findDefault())!;
    const snapshot = await store.mailRecipients.list(contract.id);
    const cases: [string, string][] = [
      ["destinataires modifier 1 adresse paul@justice", "« paul@justice » n'est pas une adresse électronique valide"],
      ["destinataires modifier 1 prénom Paul", "« prénom » n'est pas un champ d'un destinataire"],
      ["destinataires modifier 1 partie Région", "« Région » n'est pas une partie de ce contrat"],
      ["destinataires modifier 1 envois journal", "Envoi inconnu : « journal »"],
      ["destinataires modifier 1 nom", "Il manque la nouvelle valeur après « nom »"],
      ["destinataires modifier 1", "Dites ce qui change après la personne"],
      [
        "destinataires modifier 1 adresse MARIE.DURAND@savoie.gouv.fr",
        "Cette adresse est déjà dans la liste : *Marie Durand*",
      ],
      ["destinataires modifier 1 organisation Mineur né le 12/03/2009", ""],
    ];
    for (const [typed, problem] of cases) {
      const answer = await say(typed);
      expect(answer).toContain(problem);
      expect(answer).toContain(`Votre saisie, à corriger :\n\`\`\`/csi ${typed}\`\`\``);
    }
    expect(await say("destinataires modifier 9 envois point")).toContain("Aucun destinataire « 9 » pour ce contrat");
    expect(await say("destinataires modifier paul.roux@justice.fr", PIERRE)).toContain("réservée aux coordonnateurs");
    expect(await store.mailRecipients.list(contract.id)).toEqual(snapshot);
  });

  it("removes by address or by number, audited; an unknown one is said", async () => {
    expect(await say("destinataires retirer paul.roux@justice.fr")).toBe(
      ":wastebasket: *Paul Martin-Roux* (Parquet) — paul.roux@justice.fr ne recevra plus rien de Vigie.",
    );
    expect(await say("destinataires retirer paul.roux@justice.fr")).toContain(
      "Aucun destinataire « paul.roux@justice.fr » pour ce contrat.",
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
