// Isolation of refs and renewal, over real HTTP (OAuth mode): two workspaces whose contracts share a contract ref
// (CSI-AGGLO) and a commitment ref (ETAT-01). Each sees only its own; a ref used in the other workspace is neither
// refused nor revealed; a renewal in one workspace closes, creates and sends nothing in the other, even with a
// forged form naming the other workspace's contract.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLOCKS, CALLBACKS } from "../../src/slack/ids.js";
import { submitView, viewSubmission } from "../support/coordinator-payloads.js";
import type { RecordedCall } from "../support/fake-slack.js";
import { installWorkspace, startOAuthTestApp } from "../support/oauth-workspaces.js";
import { blocksText, type TestApp, warmUp } from "../support/test-app.js";

const NANTES = {
  team: "T0NANTES",
  coord: "U0NANCOORD",
  title: "Vidéoprotection du quai de la Fosse",
  id: "",
  commitmentId: "",
};
const DIJON = {
  team: "T0DIJON",
  coord: "U0DIJCOORD",
  title: "Médiation de nuit place de la Libération",
  id: "",
  commitmentId: "",
};
let t: TestApp;

beforeAll(async () => {
  t = await startOAuthTestApp();
  await warmUp(t);
  for (const s of [NANTES, DIJON]) {
    await installWorkspace(t, s.team, s.coord);
    const c = await t.db.prisma.contract.create({
      data: {
        ref: "CSI-AGGLO",
        title: `Contrat de ${s.team}`,
        teamId: s.team,
        signedOn: new Date("2022-01-01T00:00:00Z"),
        endsOn: new Date("2027-12-31T00:00:00Z"),
        parties: { create: [{ code: "ETAT", label: "État", signatory: "Préfet", position: 0 }] },
        roles: { create: [{ userId: s.coord, role: "COORDINATOR", grantedBy: s.coord }] },
        commitments: { create: [{ ref: "ETAT-01", partyCode: "ETAT", title: s.title, status: "ON_TRACK" }] },
      },
      include: { commitments: true },
    });
    s.id = c.id;
    s.commitmentId = c.commitments[0]?.id ?? "";
  }
});
afterAll(() => t.stop());

/** A view submission as Slack sends it from workspace `team`. */
const submitFrom = (team: string, payload: Record<string, unknown>) => {
  const view = payload.view as Record<string, unknown>;
  const user = payload.user as Record<string, unknown>;
  return submitView(t, {
    ...payload,
    team: { id: team, domain: "x" },
    user: { ...user, team_id: team },
    view: { ...view, team_id: team, app_installed_team_id: team },
  });
};
/** « Nouveau contrat » filled by Dijon's coordinator, with the ref Nantes uses. */
const dijonContract = (title: string) =>
  viewSubmission({
    userId: DIJON.coord,
    callbackId: CALLBACKS.createContract,
    privateMetadata: JSON.stringify({ locale: "fr" }),
    fields: {
      [BLOCKS.title]: { text: title },
      [BLOCKS.contractRef]: { text: "CSI-NANTES-ONLY" },
      [BLOCKS.parties]: { text: "ETAT ; État ; Préfet de la Côte-d'Or" },
      [BLOCKS.signedOn]: { date: "2026-06-01" },
      [BLOCKS.endsOn]: { date: "2030-06-01" },
      [BLOCKS.timezone]: { text: "Europe/Paris" },
      [BLOCKS.channel]: { conversation: null },
      [BLOCKS.digestChannel]: { conversation: null },
    },
  });
const text = (calls: RecordedCall[]) => calls.map((c) => JSON.stringify(c.params)).join("\n");

describe("refs are unique within a contract (and a workspace), never across", () => {
  it("both workspaces have CSI-AGGLO and ETAT-01: each sees only its own", async () => {
    for (const [s, other] of [
      [NANTES, DIJON],
      [DIJON, NANTES],
    ] as const) {
      const reply = await t.commandReply("voir ETAT-01", { teamId: s.team, userId: s.coord });
      expect(blocksText(reply.params)).toContain(s.title);
      expect(JSON.stringify(reply.params)).not.toContain(other.title);
      const list = await t.commandReply("contrat", { teamId: s.team, userId: s.coord });
      expect(JSON.stringify(list.params)).toContain(`Contrat de ${s.team}`);
      expect(JSON.stringify(list.params)).not.toContain(`Contrat de ${other.team}`);
    }
  });

  it("a contract ref used in the other workspace is neither refused nor revealed", async () => {
    // Nantes has a contract CSI-NANTES-ONLY: Dijon creates its own of that ref, and nothing says the ref was in use.
    await t.db.prisma.contract.create({
      data: {
        ref: "CSI-NANTES-ONLY",
        title: "Autre contrat de Nantes",
        teamId: NANTES.team,
        signedOn: new Date("2022-01-01T00:00:00Z"),
        endsOn: new Date("2027-12-31T00:00:00Z"),
      },
    });
    const before = t.slack.calls.length;
    const answer = await submitFrom(DIJON.team, dijonContract("Contrat de Dijon Métropole"));
    expect(answer).toBeNull();
    await t.settled();
    expect(text(t.slack.calls.slice(before))).not.toMatch(/existe déjà|vient d'être pris|Autre contrat de Nantes/);
    const again = await submitFrom(DIJON.team, dijonContract("Contrat de Dijon Métropole bis"));
    // Within its own workspace, the ref is taken.
    expect(again?.errors[BLOCKS.contractRef]).toBe("CSI-NANTES-ONLY existe déjà.");
    expect(
      (await t.db.prisma.contract.findMany({ where: { ref: "CSI-NANTES-ONLY" }, orderBy: { createdAt: "asc" } })).map(
        (c) => c.teamId,
      ),
    ).toEqual([NANTES.team, DIJON.team]);
  });
});

describe("renewal in one workspace touches nothing in the other", () => {
  const renewal = (userId: string, contractId: string, viewId: string, carried: string[]) =>
    viewSubmission({
      userId,
      viewId,
      callbackId: CALLBACKS.renewContract,
      privateMetadata: JSON.stringify({ locale: "fr", contract: contractId }),
      fields: {
        [BLOCKS.title]: { text: "Contrat suivant" },
        [BLOCKS.contractRef]: { text: "CSI-AGGLO-2028" },
        [BLOCKS.signedOn]: { date: "2028-01-01" },
        [BLOCKS.endsOn]: { date: "2033-12-31" },
        [`${BLOCKS.carry}0`]: { checked: carried },
      },
    });

  it("a forged renewal form naming the other workspace's contract is refused and changes nothing", async () => {
    const before = t.slack.calls.length;
    const forged = await submitFrom(DIJON.team, renewal(DIJON.coord, NANTES.id, "VFORGED001", [NANTES.commitmentId]));
    expect(forged?.errors[BLOCKS.title]).toContain("Seul un coordonnateur de ce contrat");
    expect(await t.db.prisma.contract.findUniqueOrThrow({ where: { id: NANTES.id } })).toMatchObject({
      closedAt: null,
      successorId: null,
    });
    await t.settled();
    expect(text(t.slack.calls.slice(before))).not.toContain(NANTES.title);
  });

  it("Nantes renews: its contract closes, Dijon's stays open with its commitments, nothing of Nantes reaches Dijon", async () => {
    const before = t.slack.calls.length;
    const dijonBefore = await t.db.prisma.commitment.findMany({ where: { contractId: DIJON.id } });
    expect(
      await submitFrom(
        NANTES.team,
        renewal(NANTES.coord, NANTES.id, "VRENEWNAN1", [NANTES.commitmentId, DIJON.commitmentId]),
      ),
    ).toBeNull();
    await t.settled();
    const next = await t.db.prisma.contract.findFirstOrThrow({
      where: { ref: "CSI-AGGLO-2028" },
      include: { commitments: true },
    });
    expect(next.teamId).toBe(NANTES.team);
    expect(next.commitments.map((c) => c.title)).toEqual([NANTES.title]);
    expect(await t.db.prisma.contract.findUniqueOrThrow({ where: { id: DIJON.id } })).toMatchObject({
      closedAt: null,
      successorId: null,
    });
    expect(await t.db.prisma.commitment.findMany({ where: { contractId: DIJON.id } })).toEqual(dijonBefore);
    const sent = t.slack.calls.slice(before);
    expect(sent.some((c) => c.method === "file_upload")).toBe(true);
    expect(text(sent)).not.toContain(DIJON.title);
    for (const c of sent.filter((x) => x.method !== "file_upload")) expect(c.token ?? "").not.toMatch(/^xoxb-T0DIJON-/);
    // Dijon goes on as before, and may use the same ref for its own renewal.
    const dijon = await t.commandReply("maj ETAT-01", { teamId: DIJON.team, userId: DIJON.coord });
    expect(blocksText(dijon.params)).not.toContain("est clos");
    expect(await submitFrom(DIJON.team, renewal(DIJON.coord, DIJON.id, "VRENEWDIJ1", [DIJON.commitmentId]))).toBeNull();
    await t.settled(); // the renewal is written after the form is acknowledged
    await t.settled();
    expect(
      (await t.db.prisma.contract.findMany({ where: { ref: "CSI-AGGLO-2028" } })).map((c) => c.teamId).sort(),
    ).toEqual([DIJON.team, NANTES.team].sort());
  });
});
