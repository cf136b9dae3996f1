// Several contracts side by side in one workspace: `/csi` answers about the contract of the channel it is typed
// in, else the person's choice (`/csi contrat REF`), else their only contract, else asks which; roles are per
// contract — Chambéry's coordinator is nobody special in Aix-les-Bains.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import { storedContract, submitForm } from "../../support/coordinator-payloads.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

const AIX_COORDINATOR = "U0AIXCOORD";
const AIX_CHANNEL = "C0AIX";
const BOTH = "U0BOTH1";
let t: TestApp;
let aixId = "";
beforeAll(async () => {
  t = await startTestApp();
  const aix = await t.db.prisma.contract.create({
    data: {
      ref: "CSI-AIX",
      title: "Contrat de Sécurité Intégrée d'Aix-les-Bains",
      signedOn: new Date("2025-03-01"),
      endsOn: new Date("2026-12-31"),
      channelId: AIX_CHANNEL,
      parties: {
        create: [
          { code: "ETAT", label: "État", signatory: "Préfet de la Savoie", position: 0 },
          { code: "VILLE", label: "Ville d'Aix-les-Bains", signatory: "Maire d'Aix-les-Bains", position: 1 },
        ],
      },
      commitments: { create: [{ ref: "VILLE-01", partyCode: "VILLE", title: "Médiation sur l'esplanade du lac" }] },
    },
  });
  aixId = aix.id;
  await t.vigie.deps.store.roles.assign(AIX_COORDINATOR, "COORDINATOR", "system:test", aixId, new Date());
  const chambery = (await t.vigie.deps.store.contracts.findDefault())!.id;
  await t.vigie.deps.store.roles.assign(BOTH, "MEMBER", COORDINATOR, chambery, new Date());
  await t.vigie.deps.store.roles.assign(BOTH, "MEMBER", AIX_COORDINATOR, aixId, new Date());
});
afterAll(() => t.stop());

const say = async (text: string, userId: string, channelId?: string) =>
  blocksText((await t.commandReply(text, { userId, ...(channelId ? { channelId } : {}) })).params);

describe("several contracts", () => {
  it("answers about the contract of the channel the command is typed in", async () => {
    const aix = await say("voir VILLE-01", BOTH, AIX_CHANNEL);
    expect(aix).toContain("Médiation sur l'esplanade du lac");
    const chambery = await say("voir VILLE-01", COORDINATOR, "C0ELSEWHERE");
    expect(chambery).not.toContain("esplanade du lac");
  });

  it("answers about a person's only contract, and asks someone with several which one", async () => {
    expect(await say("voir VILLE-01", AIX_COORDINATOR, "C0ELSEWHERE")).toContain("esplanade du lac");
    const asked = await say("etat", BOTH, "C0ELSEWHERE");
    expect(asked).toContain("Vigie suit plusieurs contrats");
    expect(asked).toContain("`CSI-AIX` Contrat de Sécurité Intégrée d'Aix-les-Bains");
    expect(asked).toContain("`CSI-CHAMBERY`");
  });

  it("`/csi contrat` lists the contracts with the person's role, and `/csi contrat REF` switches, remembered", async () => {
    const list = await say("contrat", BOTH, "C0ELSEWHERE");
    expect(list).toContain("`CSI-CHAMBERY` Contrat de Sécurité Intégrée de Chambéry — membre du comité");
    expect(list).toContain("`CSI-AIX` Contrat de Sécurité Intégrée d'Aix-les-Bains — membre du comité");
    expect(await say("contrat csi-aix", BOTH, "C0ELSEWHERE")).toContain(
      "portent désormais sur *Contrat de Sécurité Intégrée d'Aix-les-Bains*",
    );
    expect(await say("voir VILLE-01", BOTH, "C0ELSEWHERE")).toContain("esplanade du lac");
    expect(await say("contrat", BOTH, "C0ELSEWHERE")).toContain(
      "d'Aix-les-Bains — membre du comité _(contrat courant)_",
    );
    expect((await t.db.prisma.contractChoice.findUnique({ where: { userId: BOTH } }))?.contractId).toBe(aixId);
  });

  it("roles are per contract: Chambéry's coordinator is nobody special in Aix-les-Bains, and the reverse", async () => {
    const inAix = await say("role <@U0NEW1> membre", COORDINATOR, AIX_CHANNEL);
    expect(inAix).toContain("réservée aux coordonnateurs");
    expect(inAix).toContain(`<@${AIX_COORDINATOR}>`);
    expect(await t.db.prisma.roleAssignment.count({ where: { userId: "U0NEW1" } })).toBe(0);
    expect(await say("role <@U0NEW1> membre", AIX_COORDINATOR, AIX_CHANNEL)).toContain(
      "est désormais *membre du comité*",
    );
    expect(await t.db.prisma.roleAssignment.findMany({ where: { userId: "U0NEW1" } })).toMatchObject([
      { contractId: aixId, role: "MEMBER" },
    ]);
    // Outside any contract's channel, his only contract is Aix-les-Bains: the role is given there, never in Chambéry.
    expect(await say("role <@U0NEW2> membre", AIX_COORDINATOR, "C0ELSEWHERE")).toContain("est désormais");
    expect(await t.db.prisma.roleAssignment.findMany({ where: { userId: "U0NEW2" } })).toMatchObject([
      { contractId: aixId },
    ]);
  });
});

describe("/csi contrat nouveau", () => {
  const form = (over: Record<string, unknown> = {}) => ({
    [BLOCKS.title]: { text: "Contrat de Sécurité Intégrée de Cayenne" },
    [BLOCKS.contractRef]: { text: "csi cayenne" },
    [BLOCKS.parties]: {
      text: "ETAT ; État ; Préfet de la Guyane\nCTG ; Collectivité territoriale de Guyane ; Président",
    },
    [BLOCKS.signedOn]: { date: "2026-06-01" },
    [BLOCKS.endsOn]: { date: "2032-03-31" },
    [BLOCKS.timezone]: { text: "America/Cayenne" },
    [BLOCKS.channel]: { conversation: "C0CAYENNE" },
    [BLOCKS.digestChannel]: { conversation: null },
    ...over,
  });
  const submit = (userId: string, fields: Record<string, unknown>) =>
    submitForm(t, { callbackId: CALLBACKS.createContract, about: {}, userId, fields });

  it("opens the form for a coordinator, and refuses someone who coordinates no contract", async () => {
    const { status } = await t.command("contrat nouveau", { userId: COORDINATOR });
    expect(status).toBe(200);
    await t.slack.waitFor(
      (c) =>
        c.method === "views.open" &&
        (c.params.view as { callback_id?: string }).callback_id === CALLBACKS.createContract,
    );
    expect(await say("contrat nouveau", BOTH)).toContain("Seul un coordonnateur d'un contrat suivi par Vigie");
  });

  it("says what is wrong on the form, then creates the contract, its parties, its zone and its first coordinator", async () => {
    const wrong = await submit(
      COORDINATOR,
      form({ [BLOCKS.timezone]: { text: "Cayenne" }, [BLOCKS.contractRef]: { text: "CSI-AIX" } }),
    );
    expect(wrong?.errors).toMatchObject({
      [BLOCKS.timezone]: expect.stringContaining("n'est pas un fuseau horaire"),
      [BLOCKS.contractRef]: "CSI-AIX existe déjà.",
    });
    expect(await submit(BOTH, form())).toMatchObject({ response_action: "errors" });
    expect(await submit(COORDINATOR, form())).toBeNull();
    const created = await storedContract(t, "CSI-CAYENNE");
    expect(created).toMatchObject({
      title: "Contrat de Sécurité Intégrée de Cayenne",
      timezone: "America/Cayenne",
      channelId: "C0CAYENNE",
      digestChannelId: null,
      parties: [
        { code: "ETAT", label: "État", signatory: "Préfet de la Guyane" },
        { code: "CTG", label: "Collectivité territoriale de Guyane" },
      ],
      roles: [{ userId: COORDINATOR, role: "COORDINATOR" }],
    });
    // Its channel answers about it; nobody else has a role there.
    expect(await say("contrat", COORDINATOR, "C0CAYENNE")).toContain(
      "`CSI-CAYENNE` Contrat de Sécurité Intégrée de Cayenne — coordonnateur _(contrat courant)_",
    );
  });
});
