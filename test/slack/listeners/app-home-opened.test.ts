import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../../src/slack/ids.js";
import { appHomeOpened, sendEvent } from "../../support/coordinator-payloads.js";
import type { RecordedCall } from "../../support/fake-slack.js";
import { insertMeeting, setCommitment } from "../../support/fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

const OWNER = "U0OWNER01";
const STRANGER = "U0STRANGER";
const ENGLISH = "U0ENGLISH";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.slack.on("users.info", (p) => ({ body: { user: { id: p.user, locale: p.user === ENGLISH ? "en-GB" : "fr-FR" } } }));
  await setCommitment(t.db.prisma, "ETAT-08", {
    owners: [OWNER],
    status: "ON_TRACK",
    progress: 40,
    dueOn: "2026-12-31",
  });
  await setCommitment(t.db.prisma, "VILLE-03", {
    owners: [OWNER, ENGLISH],
    status: "LATE",
    progress: 10,
    dueOn: "2026-10-01",
  });
  await insertMeeting(t.db.prisma, {
    kind: "COPIL",
    startsAt: new Date("2026-12-07T13:30:00Z"),
    place: "Hôtel de ville",
  });
  await insertMeeting(t.db.prisma, { kind: "GLTD", startsAt: new Date("2026-11-20T09:00:00Z") });
});
afterAll(() => t.stop());

type HomeCall = RecordedCall & {
  params: { user_id: string; view: { type: string; blocks: Record<string, unknown>[] } };
};
async function openHome(user: string): Promise<HomeCall["params"]["view"]> {
  const before = t.slack.callsTo("views.publish").length;
  const res = await sendEvent(t, appHomeOpened(user));
  expect(res.status).toBe(200);
  const call = (await t.slack.waitFor(
    (c) =>
      c.method === "views.publish" &&
      c.params.user_id === user &&
      t.slack.callsTo("views.publish").indexOf(c) >= before,
  )) as HomeCall;
  return call.params.view;
}
const actionIds = (view: { blocks: unknown[] }) =>
  [...JSON.stringify(view.blocks).matchAll(/"action_id":"([^"]+)"/g)].map((m) => m[1]);

describe("app_home_opened publishes the user's dashboard", () => {
  it("for an owner: their commitments with Mettre à jour, progress per party, overdue, next meetings", async () => {
    const view = await openHome(OWNER);
    expect(view.type).toBe("home");
    const text = blocksText(view);
    expect(text).toContain("Vigie — Contrat de Sécurité Intégrée de Chambéry");
    expect(text).toContain("*Mes engagements* (2)");
    // Most urgent first: the overdue VILLE-03 before ETAT-08.
    expect(text.indexOf("*VILLE-03*")).toBeLessThan(text.indexOf("*ETAT-08*"));
    expect(text).toContain("*ETAT-08* · :large_green_circle: En cours · ▓▓▓▓░░░░░░ 40\u202f%");
    expect(text).toContain("échéance 31/12/2026 (dans 38 jours)");
    expect(text).toContain("*État* — 8 engagements");
    expect(text).toContain("*Ville de Chambéry* — 6 engagements");
    expect(text).toContain("*En retard* (1)");
    expect(text).toContain("lundi 7 décembre 2026 à 14 h 30");
    expect(text).not.toContain("vendredi 20 novembre");
    const etat08 = await t.vigie.deps.store.commitments.findByRef(
      (await t.vigie.deps.store.contracts.findDefault())!.id,
      "ETAT-08",
    );
    expect(JSON.stringify(view.blocks)).toContain(
      `"action_id":"${ACTIONS.openUpdate}","text":{"type":"plain_text","text":"Mettre à jour","emoji":true},"value":"${etat08!.id}"`,
    );
    // « Mettre à jour » on each commitment, and the absence block's « Déclarer une absence ».
    expect(actionIds(view).filter((a) => a !== ACTIONS.openUpdate)).toEqual([ACTIONS.openAbsence]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it("for a coordinator: the create, schedule, decisions (last meeting) and edit controls", async () => {
    const view = await openHome(COORDINATOR);
    const text = blocksText(view);
    expect(text).toContain("Vous n'êtes pilote d'aucun engagement.");
    expect(text).toContain("Relevé de décisions — GLTD du 20/11/2026");
    expect(actionIds(view)).toEqual(
      expect.arrayContaining([
        ACTIONS.openCreateCommitment,
        ACTIONS.openScheduleMeeting,
        ACTIONS.openDecisions,
        ACTIONS.openEditCommitment,
      ]),
    );
  });

  it("for a stranger: nothing of their own, no coordinator control, the contract's progress still readable", async () => {
    const view = await openHome(STRANGER);
    const text = blocksText(view);
    expect(text).toContain("Vous n'êtes pilote d'aucun engagement.");
    expect(text).toContain("Avancement du contrat par partie");
    expect(actionIds(view)).not.toContain(ACTIONS.openCreateCommitment);
    expect(actionIds(view)).not.toContain(ACTIONS.openUpdate);
  });

  it("in English for a user whose Slack locale is English", async () => {
    const text = blocksText(await openHome(ENGLISH));
    expect(text).toContain("*My commitments* (1)");
    expect(text).toContain("Monday 7 December 2026 at 2:30 pm");
  });

  it("ignores the Messages tab", async () => {
    const before = t.slack.callsTo("views.publish").length;
    expect((await sendEvent(t, appHomeOpened(OWNER, "messages"))).status).toBe(200);
    await t.settled();
    expect(t.slack.callsTo("views.publish").length).toBe(before);
  });
});

describe("with members-only reading", () => {
  let m: TestApp;
  beforeAll(async () => {
    m = await startTestApp({ env: { CSI_READ_ACCESS: "members" } });
  });
  afterAll(() => m.stop());
  it("a stranger sees only that the follow-up is for committee members", async () => {
    const res = await sendEvent(m, appHomeOpened(STRANGER));
    expect(res.status).toBe(200);
    const call = await m.slack.waitFor((c) => c.method === "views.publish");
    const text = blocksText(call.params.view as Record<string, unknown>);
    expect(text).toContain("réservé aux membres du comité");
    expect(text).not.toContain("Avancement du contrat");
  });
});
