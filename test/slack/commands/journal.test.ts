// `/csi journal` over signed HTTP: what was done through Slack (a role, a meeting's decisions, a progress
// update, a refusal) read back in plain French, newest first, filtered and paginated; coordinators only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import { formMetadata, submitView, viewSubmission } from "../../support/coordinator-payloads.js";
import { insertMeeting } from "../../support/fixtures.js";
import {
  buttonPayload,
  commitmentByRef,
  pendingRequestOf,
  progressMetadata,
  refusalPayload,
  submissionPayload,
  withOwners,
} from "../../support/progress-fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp, warmUp } from "../../support/test-app.js";

const OWNER = "U0OWNER01";
const MEMBER = "U0MEMBER7";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // The first request loads every module: on a loaded machine it can pass Slack's 3 seconds.
  await warmUp(t);
  await t.commandReply(`role <@${MEMBER}|julien> membre`, { userId: COORDINATOR });
  const meetingId = await insertMeeting(t.db.prisma, { kind: "GLTD", startsAt: new Date("2026-11-20T09:00:00Z") });
  await submitView(
    t,
    viewSubmission({
      userId: COORDINATOR,
      callbackId: CALLBACKS.meetingDecisions,
      privateMetadata: formMetadata({ id: meetingId }),
      fields: { [BLOCKS.decisions]: { text: "Renforcer les patrouilles → jalon ETAT-08 : patrouilles de soirée" } },
    }),
  );
  const c = await withOwners(t, "ETAT-02", OWNER);
  await t.interact(
    submissionPayload({
      userId: OWNER,
      privateMetadata: progressMetadata(c.id),
      form: { status: "DONE", progress: "100", evidence: "Convention signée" },
    }),
  );
  await t.settled();
  const request = await pendingRequestOf(t, c.id);
  await t.interact(refusalPayload(COORDINATOR, request!.id, "Le bilan <!channel> manque."));
  await t.settled();
});
afterAll(() => t.stop());

const say = async (text: string, userId = COORDINATOR) => blocksText((await t.commandReply(text, { userId })).params);

describe("/csi journal", () => {
  it("tells every recorded change in plain French, newest first, dates in words", async () => {
    const text = await say("journal");
    expect(text).toContain("Journal des modifications");
    const refused = text.indexOf("Demande de clôture refusée par");
    const asked = text.indexOf(`<@${OWNER}> a déclaré l'avancement de *ETAT-02*`);
    const milestone = text.indexOf("*ETAT-08* · :round_pushpin:");
    const role = text.indexOf(`<@${COORDINATOR}> a nommé <@${MEMBER}> membre du comité`);
    const seed = text.indexOf("Contrat CSI-CHAMBERY chargé");
    expect([refused, asked, milestone, role, seed].every((i) => i >= 0)).toBe(true);
    expect(refused).toBeLessThan(asked);
    expect(asked).toBeLessThan(milestone);
    expect(milestone).toBeLessThan(role);
    expect(role).toBeLessThan(seed);
    expect(text).toContain(", demande de clôture");
    expect(text).toContain("a enregistré 1 décision de réunion");
    expect(text).toContain("lundi 23 novembre 2026 à 10 h");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The reason typed by a person is escaped: no live @channel.
    expect(text).toContain("Le bilan &lt;!channel&gt; manque.");
  });

  it("narrows to one commitment, to roles, to meetings", async () => {
    const etat02 = await say("journal etat-2");
    expect(etat02).toContain("Engagement ETAT-02");
    expect(etat02).toContain("Demande de clôture refusée");
    expect(etat02).not.toContain("ETAT-08");
    const roles = await say("journal role");
    expect(roles).toContain(`a nommé <@${MEMBER}> membre du comité`);
    expect(roles).not.toContain("ETAT-02");
    const meetings = await say("journal reunions");
    expect(meetings).toContain("a enregistré 1 décision de réunion");
    expect(meetings).toContain("patrouilles de soirée");
    expect(meetings).not.toContain("ETAT-02");
    expect(await say("journal imports")).toContain("Rien n'a encore été enregistré ici.");
    expect(await say("export etat")).toContain("Export envoyé");
    const exports = await say("journal imports");
    expect(exports).toContain("Imports et exports");
    expect(exports).toMatch(
      new RegExp(`<@${COORDINATOR}> a exporté \\d+ engagements en tableur \\(CSV\\) \\(filtre : ETAT\\)`),
    );
    expect(await say("journal ETAT-80")).toContain("Je ne trouve pas d'engagement « ETAT-80 »");
    expect(await say("journal hier")).toContain("Je n'ai pas compris « hier »");
  });

  it("pages twenty at a time: « Suivants ▶ » and « page N » give the same next page", async () => {
    const c = await commitmentByRef(t, "ETAT-03");
    const followers = Array.from({ length: 25 }, (_, i) => `U0FOLLOW${String(i).padStart(2, "0")}`);
    for (const userId of followers) await t.vigie.deps.store.followers.follow(c.id, userId);
    const first = await t.commandReply("journal ETAT-03", { userId: COORDINATOR });
    const firstText = blocksText(first.params);
    expect(firstText).toContain("n° 1 à 20 sur 25");
    expect(firstText).toContain(`<@U0FOLLOW24> suit *ETAT-03*`);
    expect(firstText).not.toContain(`<@U0FOLLOW04> suit`);
    const value = (first.params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === ACTIONS.pageNext)?.value;
    expect(value).toBeDefined();
    await t.interact(
      buttonPayload({ actionId: ACTIONS.pageNext, value, userId: COORDINATOR, responseUrl: t.slack.responseUrl("p2") }),
    );
    const second = blocksText((await t.slack.waitForResponse("p2")).params);
    expect(second).toContain("n° 21 à 25 sur 25");
    expect(second).toContain(`<@U0FOLLOW00> suit *ETAT-03*`);
    expect(await say("journal ETAT-03 page 2")).toContain("n° 21 à 25 sur 25");
    expect(JSON.stringify(first.params)).not.toContain(ACTIONS.share);
  });

  it("is for coordinators: a member is refused, and so is a forged « Suivants » click", async () => {
    expect(await say("journal", MEMBER)).toContain("réservé");
    await t.interact(
      buttonPayload({
        actionId: ACTIONS.pageNext,
        value: JSON.stringify({ t: "journal", p: 1, l: "fr" }),
        userId: MEMBER,
        responseUrl: t.slack.responseUrl("forged"),
      }),
    );
    const forged = blocksText((await t.slack.waitForResponse("forged")).params);
    expect(forged).not.toContain("Journal des modifications");
    expect(forged).toContain("réservé");
  });
});
