import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareSampleWorkspace, SAMPLE_USERS } from "../../src/local/sample-workspace.js";
import { ACTIONS } from "../../src/slack/ids.js";
import { appHomeOpened, sendEvent } from "../support/coordinator-payloads.js";
import { blocksText, DEFAULT_NOW, startTestApp, type TestApp } from "../support/test-app.js";

// The local demonstration must show something meaningful on the first run: every read sub-command answers
// with content, not with « aucun ».
const CAMILLE = "U0CAMILLE"; // coordinator
const MARC = "U0MARC"; // owner
const PIERRE = "U0PIERRE"; // committee member

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const { prisma } = t.db;
  expect(await prepareSampleWorkspace(prisma, t.vigie.deps.store, DEFAULT_NOW, "Europe/Paris")).toEqual({
    prepared: true,
  });
});
afterAll(() => t.stop());

const say = async (text: string, userId: string) => blocksText((await t.commandReply(text, { userId })).params);

describe("the sample workspace of local mode", () => {
  it("gives every commitment an owner, varied due dates, updates with indicator values over time", async () => {
    const commitments = await t.db.prisma.commitment.findMany({ include: { owners: true } });
    expect(commitments.filter((c) => c.owners.length === 0).map((c) => c.ref)).toEqual([]);
    const today = "2026-11-23";
    const due = commitments.map((c) => c.dueOn?.toISOString().slice(0, 10) ?? "");
    expect(due.filter((d) => d < today).length).toBeGreaterThanOrEqual(3);
    expect(due.filter((d) => d >= today && d <= "2026-12-23").length).toBeGreaterThanOrEqual(4);
    expect(new Set(commitments.map((c) => c.status)).size).toBeGreaterThanOrEqual(5);
    const etat01 = commitments.find((c) => c.ref === "ETAT-01")!;
    const values = (await t.vigie.deps.store.updates.listHistory(etat01.id)).map((u) => u.indicatorValues[0]?.value);
    expect(values).toEqual([3, 6]);
    // Every owner is one of the sample people, so the console shows them by name.
    const people = new Set(SAMPLE_USERS.map((u) => u.id));
    expect(commitments.flatMap((c) => c.owners.map((o) => o.userId)).every((id) => people.has(id))).toBe(true);
  });

  it("is told once: a second start changes nothing", async () => {
    const before = await t.db.prisma.progressUpdate.count();
    expect(await prepareSampleWorkspace(t.db.prisma, t.vigie.deps.store, DEFAULT_NOW, "Europe/Paris")).toEqual({
      prepared: false,
    });
    expect(await t.db.prisma.progressUpdate.count()).toBe(before);
    expect(await t.db.prisma.meeting.count()).toBe(2);
  });

  it.each([
    ["aide", PIERRE, /\/csi etat/],
    ["etat", PIERRE, /En retard : \d+/],
    ["liste etat", PIERRE, /ETAT-01[\s\S]*ETAT-08/],
    ["voir ETAT-01", PIERRE, /Postes de police nationale créés/],
    ["mes", MARC, /ETAT-03[\s\S]*ETAT-05[\s\S]*ETAT-01/],
    ["retards", PIERRE, /VILLE-03/],
    ["echeances 30", PIERRE, /PARQUET-02/],
    ["reunions", PIERRE, /GLTD des Hauts-de-Chambéry[\s\S]*Comité de pilotage du CSI/],
    ["cherche police", PIERRE, /ETAT-01/],
    ["historique ETAT-02", PIERRE, /Financement FIPD accordé = 82/],
    ["digest", CAMILLE, /En retard\*\n3[\s\S]*VILLE-03/],
    ["contrat", PIERRE, /Contrat de Sécurité Intégrée de Chambéry/],
  ])("/csi %s answers with content", async (command, userId, expected) => {
    const text = await say(command, userId);
    expect(text).toMatch(expected);
    // None of the answers Vigie gives when there is nothing to show.
    expect(text).not.toMatch(
      /Aucun engagement (ne contient|en retard|à échéance)|aucune réunion planifiée|pilote d'aucun/i,
    );
  });

  it("holds one « Réalisé » awaiting a coordinator's decision, shown in /csi etat, the sheet and the digest", async () => {
    const pending = await t.vigie.deps.store.requests.listPending();
    expect(pending.map((p) => [p.ref, p.request.kind, p.request.requestedBy])).toEqual([
      ["PARQUET-01", "DONE", "U0JULIEN"],
    ]);
    // Until decided, the commitment keeps its state: « Réalisé » is a request, not a status.
    const parquet01 = await t.db.prisma.commitment.findFirstOrThrow({ where: { ref: "PARQUET-01" } });
    expect(parquet01.status).toBe("ON_TRACK");
    expect(await say("etat", PIERRE)).toContain(
      "*1 demande en attente de validation* par un coordonnateur : PARQUET-01 (Réalisé)",
    );
    const sheet = await say("voir PARQUET-01", PIERRE);
    expect(sheet).toContain("Réalisé — en attente de validation");
    expect(sheet).toContain("Convention signée par le président du tribunal judiciaire");
    expect(await say("digest", CAMILLE)).toMatch(/Demandes en attente de validation[\s\S]*PARQUET-01/);
  });

  it("gives the coordinator's App Home the request to decide, with Confirmer and Refuser", async () => {
    await sendEvent(t, appHomeOpened(CAMILLE));
    const published = await t.slack.waitFor((c) => c.method === "views.publish" && c.params.user_id === CAMILLE);
    const view = published.params.view as object;
    expect(blocksText(view)).toMatch(/Demandes en attente de validation\* \(1\)[\s\S]*PARQUET-01/);
    expect(JSON.stringify(view)).toContain(`"action_id":"${ACTIONS.confirmDone}"`);
    expect(JSON.stringify(view)).toContain(`"action_id":"${ACTIONS.rejectDone}"`);
  });

  it("sends the export and the COPIL report as files with content", async () => {
    const exported = await say("export", CAMILLE);
    expect(exported).toMatch(/Export envoyé dans votre conversation avec Vigie : \*csi-[^*]+\.csv\*, 16 engagement/);
    const csv = String(t.slack.callsTo("file_upload").at(-1)?.params.content);
    expect(csv).toContain("PARQUET-01");
    expect(csv).toMatch(/PARQUET-01;[^\n]*<@U0JULIEN>;[^\n]*Réalisé — en attente de validation/);
    const before = t.slack.callsTo("files.completeUploadExternal").length;
    const report = await say("rapport", PIERRE);
    expect(report).not.toMatch(/rien|aucun/i);
    await t.slack.waitFor((c) => c.method === "files.completeUploadExternal" && c.params.channel_id === `D${PIERRE}`);
    expect(t.slack.callsTo("files.completeUploadExternal").length).toBeGreaterThan(before);
  });

  it("fills the App Home of an owner: their commitments, overdue ones, the next meetings", async () => {
    await sendEvent(t, appHomeOpened(MARC));
    const published = await t.slack.waitFor((c) => c.method === "views.publish" && c.params.user_id === MARC);
    const text = blocksText(published.params.view as object);
    expect(text).toMatch(/ETAT-01[\s\S]*ETAT-03/);
    expect(text).toContain("GLTD des Hauts-de-Chambéry");
    expect(text).not.toContain("Aucun engagement en retard");
  });
});
