// Read access limited to committee members, coordinators' commands, and Slack's 3-second rule with a slow database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBCOMMANDS, type SubcommandName } from "../../../src/slack/commands/parse.js";
import { PERMISSIONS } from "../../../src/slack/commands/permissions.js";
import { blocksText, COORDINATOR, slowDownContractLookup, startTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { CSI_READ_ACCESS: "members" } });
  const contract = await t.vigie.deps.store.contracts.findDefault();
  await t.vigie.deps.store.roles.assign("U0MEMBER2", "MEMBER", COORDINATOR, contract!.id, new Date());
});
afterAll(() => t.stop());

describe("CSI_READ_ACCESS=members", () => {
  it("refuses reads to someone without a role, politely, naming the coordinators", async () => {
    const fr = blocksText((await t.commandReply("etat", { userId: "U0STRANGER" })).params);
    expect(fr).toContain("réservé aux membres du comité de pilotage et aux coordonnateurs");
    expect(fr).toContain(`Les coordonnateurs du contrat peuvent vous l'accorder : <@${COORDINATOR}>.`);
    expect(fr).not.toContain("Préfet de la Savoie");
    const en = blocksText((await t.commandReply("show ETAT-08", { userId: "U0STRANGER" })).params);
    expect(en).toContain("limited to steering-committee members");
    expect(en).not.toContain("Concrétisation");
  });

  it("still answers help to everyone", async () => {
    expect(blocksText((await t.commandReply("aide", { userId: "U0STRANGER" })).params)).toContain("/csi voir REF");
  });

  it("answers members and coordinators", async () => {
    expect(blocksText((await t.commandReply("etat", { userId: "U0MEMBER2" })).params)).toContain("Préfet de la Savoie");
    expect(blocksText((await t.commandReply("voir etat-8", { userId: COORDINATOR })).params)).toContain(
      "ETAT-08 — Concrétisation",
    );
  });

  it("refuses the coordinators' commands to a member, saying who can", async () => {
    for (const cmd of ["nouveau", "reunion", "role @x lecteur", "digest"]) {
      const text = blocksText((await t.commandReply(cmd, { userId: "U0MEMBER2" })).params);
      expect(text).toContain("réservée aux coordonnateurs");
      expect(text).toContain(`<@${COORDINATOR}>`);
    }
    expect(blocksText((await t.commandReply("new", { userId: "U0MEMBER2" })).params)).toContain(
      "for coordinators only",
    );
  });

  it("tells a member that the digest and the export are reads kept for coordinators, not changes", async () => {
    for (const cmd of ["digest", "export"]) {
      const text = blocksText((await t.commandReply(cmd, { userId: "U0MEMBER2" })).params);
      expect(text).toContain(":lock: Cette consultation est réservée aux coordonnateurs du contrat.");
      expect(text).not.toContain("modifie");
    }
    for (const cmd of ["nouveau", "import"]) {
      const text = blocksText((await t.commandReply(cmd, { userId: "U0MEMBER2" })).params);
      expect(text).toContain("Cette commande modifie le suivi du contrat");
    }
  });
});

describe("the refusal each sub-command gives a member (every sub-command, French words)", () => {
  const names = Object.keys(SUBCOMMANDS) as SubcommandName[];
  it.each(names)("%s", async (name) => {
    const word = SUBCOMMANDS[name].fr[0];
    const text = blocksText((await t.commandReply(word, { userId: "U0MEMBER2" })).params);
    const who = PERMISSIONS[name];
    if (who.who === "coordinators" && who.refusal === "coordinators-read") {
      expect(text).toContain("Cette consultation est réservée aux coordonnateurs du contrat.");
      expect(text).not.toContain("modifie");
    } else if (who.who === "coordinators") {
      expect(text).toContain("Cette commande modifie le suivi du contrat : elle est réservée aux coordonnateurs.");
    } else {
      // Not for coordinators only: a member is never told it is reserved.
      expect(text).not.toMatch(/réservée? aux/);
    }
  });
});

describe("Slack's 3-second rule", () => {
  it("acks at once even when the database takes 5 s, and the answer follows through the response_url", async () => {
    const restore = slowDownContractLookup(t, 5000);
    try {
      const started = performance.now();
      const { status, ackBody, responseId } = await t.command("etat", { userId: COORDINATOR });
      expect(status).toBe(200);
      // The ack carries no answer (an empty body): the answer comes later, through the response_url.
      expect(ackBody).toBe("");
      expect(t.slack.responsesTo(responseId)).toHaveLength(0);
      const reply = await t.slack.waitForResponse(responseId, 15_000);
      expect(reply.at - started - performance.timeOrigin).toBeGreaterThanOrEqual(4900 - 50);
      expect(blocksText(reply.params)).toContain("Contrat de Sécurité Intégrée de Chambéry");
    } finally {
      restore();
    }
  }, 20_000);
});
