import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directMessageTo } from "../../support/coordinator-payloads.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

const CAMILLE = "U0CAMILLE";
const DOMINIQUE = "U0DOMINIQ";
const ELOISE = "U0ELOISE";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const say = async (text: string, userId = COORDINATOR) => blocksText((await t.commandReply(text, { userId })).params);
const roleOf = async (userId: string) =>
  (await t.vigie.deps.store.roles.find(userId, (await t.vigie.deps.store.contracts.findDefault())!.id))?.role ?? null;
const roleAudit = (userId: string) => t.vigie.deps.store.audit.listFor("role", userId);

describe("/csi role", () => {
  it("a coordinator names a member, with a confirmation and an audit entry", async () => {
    expect(await say(`role <@${CAMILLE}|camille> membre`)).toBe(
      `:white_check_mark: <@${CAMILLE}> est désormais *membre du comité*.`,
    );
    expect(await roleOf(CAMILLE)).toBe("MEMBER");
    expect(await roleAudit(CAMILLE)).toMatchObject([
      { actorId: COORDINATOR, action: "role.assign", details: { from: null, to: "MEMBER" } },
    ]);
  });

  it("tells the person given a role, by direct message, who did it and what the role lets them do", async () => {
    await say(`role <@${ELOISE}|eloise> lecteur`);
    const dm = await directMessageTo(t, ELOISE, "vous a nommé");
    expect(blocksText(dm.params)).toBe(
      `:wave: <@${COORDINATOR}> vous a nommé *lecteur* dans Vigie, le suivi du Contrat de Sécurité Intégrée.\n` +
        "Vous pouvez consulter le suivi du contrat : `/csi etat`, `/csi liste`, `/csi voir REF`.\n" +
        "`/csi aide` donne toutes les commandes.",
    );
  });

  it("takes English aliases and bare mentions, and says when nothing changes", async () => {
    expect(await say(`role <@${DOMINIQUE}> coordinator`)).toContain("est désormais *coordonnateur*");
    expect(await say(`role <@${DOMINIQUE}> coordinateur`)).toBe(
      `<@${DOMINIQUE}> est déjà *coordonnateur* : rien n'a changé.`,
    );
    expect(await roleAudit(DOMINIQUE)).toHaveLength(1);
    expect(await say(`role <@${CAMILLE}> reader`)).toContain("est désormais *lecteur* (auparavant membre du comité)");
  });

  it("explains the usage when the mention or the role is missing", async () => {
    expect(await say("role membre")).toContain("Mentionnez la personne avec @.");
    // A name Slack did not turn into a mention (nobody by that name): say so, rather than « mention with @ ».
    expect(await say("role @pierrot membre")).toContain(
      "Slack ne connaît personne nommé @pierrot : tapez @ puis choisissez la personne dans la liste que Slack propose.",
    );
    expect(await say(`role <@${CAMILLE}> chef`)).toContain("Indiquez le rôle : coordonnateur, membre ou lecteur.");
    expect(await say("role")).toContain("Utilisation : `/csi role @personne coordonnateur|membre|lecteur`");
  });

  it("refuses anyone but a coordinator, naming the coordinators, and changes nothing", async () => {
    const text = await say(`role <@${CAMILLE}> coordinateur`, CAMILLE);
    expect(text).toContain("réservée aux coordonnateurs");
    expect(text).toContain(`<@${COORDINATOR}>`);
    expect(await roleOf(CAMILLE)).toBe("READER");
  });

  it("never removes the last coordinator", async () => {
    expect(await say(`role <@${DOMINIQUE}> membre`)).toContain("est désormais *membre du comité*");
    expect(await say(`role <@${COORDINATOR}> lecteur`)).toContain("ce serait retirer le dernier coordonnateur");
    expect(await roleOf(COORDINATOR)).toBe("COORDINATOR");
  });
});
