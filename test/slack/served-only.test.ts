// Requests signed for the app but naming another workspace (or another app) are refused before any
// listener runs: a silent 200, nothing read, stored or sent, one log line without the request's content.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/slack/ids.js";
import { createServedCheck, originOf } from "../../src/slack/served-only.js";
import { appHomeOpened } from "../support/coordinator-payloads.js";
import { buttonPayload, commitmentByRef, progressMetadata, submissionPayload } from "../support/progress-fixtures.js";
import { slackSignatureHeaders } from "../support/slack-signature.js";
import { COORDINATOR, startTestApp, TEST_SIGNING_SECRET, type TestApp } from "../support/test-app.js";

type Json = Record<string, unknown>;
const OUTSIDER = "U0OUTSIDE";
const SECRET_WORDS = "Bilan confidentiel du quartier";

let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ logLines });
});
afterAll(() => t.stop());

function commandBody(text: string, over: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T0TEST",
    team_domain: "ailleurs",
    channel_id: "C0EVIL",
    channel_name: "general",
    user_id: OUTSIDER,
    user_name: "intrus",
    command: "/csi",
    text,
    api_app_id: "A0VIGIE",
    is_enterprise_install: "false",
    response_url: t.slack.responseUrl(randomUUID()),
    trigger_id: `${Date.now()}.trigger`,
    ...over,
  }).toString();
}
const sendCommand = (text: string, over: Record<string, string> = {}) => {
  const body = commandBody(text, over);
  return t.post(body, slackSignatureHeaders(TEST_SIGNING_SECRET, body));
};
const sendEvent = (event: Json, over: Json = {}) => {
  const body = JSON.stringify({
    token: "legacy-verification-token",
    team_id: "T0TEST",
    api_app_id: "A0VIGIE",
    type: "event_callback",
    event_id: `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
    ...over,
  });
  return t.post(body, slackSignatureHeaders(TEST_SIGNING_SECRET, body), "application/json");
};
const foreignTeam = (p: Json): Json => ({
  ...p,
  team: { id: "T0EVIL", domain: "ailleurs" },
  ...(p.view ? { view: { ...(p.view as Json), team_id: "T0EVIL", app_installed_team_id: "T0EVIL" } } : {}),
});

/** Everything Vigie did after `since`: Web API calls and response_url posts. */
const callsSince = (since: number) => t.slack.calls.slice(since).map((c) => c.method);
const refusals = () => logLines.filter((l) => l.includes("request.not_served"));

describe("only the installed workspace and app are served", () => {
  it("learnt the installation from auth.test and bots.info through SLACK_API_URL at start", () => {
    const methods = t.slack.calls.map((c) => c.method);
    expect(methods).toContain("auth.test");
    expect(methods).toContain("bots.info");
  });

  it("a command from another team: a silent 200, no answer, no log of its text", async () => {
    const before = t.slack.calls.length;
    const logged = refusals().length;
    const res = await sendCommand(`voir ETAT-08 ${SECRET_WORDS}`, { team_id: "T0EVIL" });
    expect(res).toEqual({ status: 200, body: "" });
    await t.settled();
    expect(callsSince(before)).toEqual([]);
    const lines = refusals().slice(logged);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("T0EVIL");
    expect(lines[0]).not.toContain("ETAT-08");
    expect(lines[0]).not.toContain(SECRET_WORDS);
    expect(lines[0]).not.toContain(OUTSIDER);
  });

  it("/csi role from another team promotes no one", async () => {
    const res = await sendCommand(`role <@${OUTSIDER}> coordinateur`, { team_id: "T0EVIL", user_id: COORDINATOR });
    expect(res).toEqual({ status: 200, body: "" });
    await t.settled();
    expect(await t.db.prisma.roleAssignment.findFirst({ where: { userId: OUTSIDER } })).toBeNull();
  });

  it("a command for another app of the same team, or another Grid organisation, is refused too", async () => {
    const before = t.slack.calls.length;
    expect(await sendCommand("voir ETAT-08", { api_app_id: "A0EVIL" })).toEqual({ status: 200, body: "" });
    expect(await sendCommand("voir ETAT-08", { enterprise_id: "E0EVIL" })).toEqual({ status: 200, body: "" });
    await t.settled();
    expect(callsSince(before)).toEqual([]);
  });

  it("the same command from the installed team is answered (the refusal is about the team, nothing else)", async () => {
    expect((await sendCommand("voir ETAT-08", { response_url: t.slack.responseUrl("served") })).status).toBe(200);
    await t.slack.waitForResponse("served");
  });

  it("a button from another team opens nothing", async () => {
    const etat08 = await commitmentByRef(t, "ETAT-08");
    const before = t.slack.calls.length;
    const click = foreignTeam(buttonPayload({ actionId: ACTIONS.openUpdate, value: etat08.id, userId: COORDINATOR }));
    expect(await t.interact(click)).toEqual({ status: 200, body: "" });
    await t.settled();
    expect(callsSince(before)).toEqual([]);
  });

  it("a progress submission from another team (or carrying another app's view) stores nothing", async () => {
    const etat08 = await commitmentByRef(t, "ETAT-08");
    const rows = await t.db.prisma.progressUpdate.count({ where: { commitmentId: etat08.id } });
    const form = { status: "ON_TRACK", progress: "55", comment: SECRET_WORDS };
    const submission = submissionPayload({ userId: COORDINATOR, privateMetadata: progressMetadata(etat08.id), form });
    expect(await t.interact(foreignTeam(submission))).toEqual({ status: 200, body: "" });
    const otherApp = { ...submission, view: { ...(submission.view as Json), app_id: "A0EVIL" } };
    expect(await t.interact(otherApp)).toEqual({ status: 200, body: "" });
    await t.settled();
    expect(await t.db.prisma.progressUpdate.count({ where: { commitmentId: etat08.id } })).toBe(rows);
    expect(logLines.join("\n")).not.toContain(SECRET_WORDS);
  });

  it("an App Home event from another team publishes nothing", async () => {
    const before = t.slack.calls.length;
    expect((await sendEvent(appHomeOpened(COORDINATOR), { team_id: "T0EVIL" })).status).toBe(200);
    expect((await sendEvent(appHomeOpened(COORDINATOR), { api_app_id: "A0EVIL" })).status).toBe(200);
    await t.settled();
    expect(callsSince(before)).toEqual([]);
    expect((await sendEvent(appHomeOpened(COORDINATOR))).status).toBe(200);
    await t.slack.waitFor((c) => c.method === "views.publish" && c.params.user_id === COORDINATOR);
  });
});

describe("configured ids and an unreachable Slack", () => {
  it("SLACK_TEAM_ID and SLACK_APP_ID replace auth.test: the configured workspace only", async () => {
    const lines: string[] = [];
    const c = await startTestApp({
      env: { SLACK_TEAM_ID: "T0CONF", SLACK_APP_ID: "A0CONF" },
      logLines: lines,
    });
    try {
      expect(c.slack.calls.map((x) => x.method)).not.toContain("auth.test");
      const body = (team: string, app: string) =>
        new URLSearchParams({
          team_id: team,
          api_app_id: app,
          user_id: "U0MEMBER1",
          command: "/csi",
          text: "aide",
          channel_id: "C0COPIL",
          response_url: c.slack.responseUrl("conf"),
          trigger_id: "1.trigger",
        }).toString();
      const refused = body("T0TEST", "A0VIGIE");
      expect(await c.post(refused, slackSignatureHeaders(TEST_SIGNING_SECRET, refused))).toEqual({
        status: 200,
        body: "",
      });
      await c.settled();
      expect(lines.some((l) => l.includes("request.not_served"))).toBe(true);
      const served = body("T0CONF", "A0CONF");
      expect((await c.post(served, slackSignatureHeaders(TEST_SIGNING_SECRET, served))).status).toBe(200);
      await c.slack.waitForResponse("conf");
    } finally {
      await c.stop();
    }
  });

  it("when Slack cannot tell who Vigie is, nothing is served, and the next request asks again", async () => {
    let attempts = 0;
    const log = { debug() {}, info() {}, warn() {}, error() {} };
    const check = createServedCheck(async () => {
      attempts++;
      if (attempts === 1) throw new Error("connect ECONNREFUSED");
      return [{ teamId: "T0TEST", enterpriseId: null, appId: "A0VIGIE", enterpriseInstall: false }];
    }, log);
    const origin = originOf({ team_id: "T0TEST", api_app_id: "A0VIGIE" });
    expect(await check.isServed(origin)).toBe(false);
    expect(await check.isServed(origin)).toBe(true);
    expect(await check.isServed(origin)).toBe(true);
    expect(attempts).toBe(2);
  });
});
