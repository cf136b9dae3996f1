import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackSignatureHeaders } from "../support/slack-signature.js";
import { blocksText, startTestApp, TEST_SIGNING_SECRET, type TestApp } from "../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const commandBody = (responseId: string) =>
  new URLSearchParams({
    command: "/csi",
    text: "aide",
    user_id: "U0MEMBER1",
    channel_id: "C0COPIL",
    team_id: "T0TEST",
    response_url: t.slack.responseUrl(responseId),
    trigger_id: "1.trigger",
  }).toString();

describe("requests that Slack did not sign are refused and change nothing", () => {
  const cases: [string, (body: string) => { body: string; headers: Record<string, string> }][] = [
    ["unsigned", (body) => ({ body, headers: {} })],
    ["signed with another secret", (body) => ({ body, headers: slackSignatureHeaders("0".repeat(32), body) })],
    [
      "tampered after signing",
      (body) => ({ body: body.replace("aide", "etat"), headers: slackSignatureHeaders(TEST_SIGNING_SECRET, body) }),
    ],
    [
      "signed more than five minutes ago",
      (body) => ({
        body,
        headers: slackSignatureHeaders(TEST_SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - 6 * 60),
      }),
    ],
  ];

  it.each(cases)("%s → 401", async (_name, make) => {
    const auditBefore = await t.vigie.deps.store.audit.count();
    const callsBefore = t.slack.calls.length;
    const { body, headers } = make(commandBody(`refused-${_name}`));
    const res = await t.post(body, headers);
    expect(res.status).toBe(401);
    // Let a wrongly accepted request finish before checking that nothing happened.
    await t.settled();
    expect(t.slack.calls.length).toBe(callsBefore);
    expect(t.slack.responsesTo(`refused-${_name}`)).toHaveLength(0);
    expect(await t.vigie.deps.store.audit.count()).toBe(auditBefore);
  });
});

describe("a correctly signed /csi aide", () => {
  it("is acknowledged and answered through the response_url", async () => {
    const { status, responseId } = await t.command("aide");
    expect(status).toBe(200);
    const reply = await t.slack.waitForResponse(responseId);
    expect(reply.params.response_type).toBe("ephemeral");
    const text = blocksText(reply.params);
    expect(text).toContain("Vigie — suivi du Contrat de Sécurité Intégrée");
    expect(text).toContain("/csi voir REF");
  });

  it("answers in English to /csi help", async () => {
    const reply = await t.commandReply("help");
    expect(blocksText(reply.params)).toContain("Integrated Security Contract tracker");
  });

  it("answers anything unknown with help instead of an error", async () => {
    const reply = await t.commandReply("n'importe quoi <script>");
    const text = blocksText(reply.params);
    expect(text).toContain("Je ne connais pas la commande");
    expect(text).toContain("/csi etat");
  });
});
