// OAuth mode in tests: a test app that any workspace may install, and the browser's part of « Add to Slack ».
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { slackSignatureHeaders } from "./slack-signature.js";
import { startTestApp, TEST_SIGNING_SECRET, type TestApp, type TestAppOptions } from "./test-app.js";

export const TEST_TOKEN_KEY = Buffer.alloc(32, 7).toString("base64");

export const OAUTH_ENV = {
  SLACK_BOT_TOKEN: "",
  SLACK_CLIENT_ID: "1111.2222",
  SLACK_CLIENT_SECRET: "0123456789abcdef0123456789abcdef",
  SLACK_STATE_SECRET: "un-secret-d-etat-assez-long",
  VIGIE_TOKEN_KEY: TEST_TOKEN_KEY,
};

export const startOAuthTestApp = (options: TestAppOptions = {}): Promise<TestApp> =>
  startTestApp({ ...options, env: { ...OAUTH_ENV, ...options.env } });

/** Walks « Add to Slack »: the install page (state cookie), then Slack's redirect with `code`. */
export async function install(t: TestApp, code: string): Promise<{ status: number; body: string }> {
  const start = await fetch(`${t.baseUrl}/slack/install`, { redirect: "manual" });
  const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const state = cookie.split("=")[1] ?? "";
  expect(state).not.toBe("");
  const res = await fetch(`${t.baseUrl}/slack/oauth_redirect?code=${code}&state=${state}`, {
    headers: { cookie },
    redirect: "manual",
  });
  return { status: res.status, body: await res.text() };
}

/** Installs Vigie in `teamId` (consent given by `userId`). */
export async function installWorkspace(t: TestApp, teamId: string, userId: string): Promise<void> {
  const code = `code-${teamId}-${randomUUID()}`;
  t.slack.oauthGrants.set(code, { teamId, userId });
  expect((await install(t, code)).status).toBe(200);
}

/** Signs and posts an Events API callback from `teamId`. */
export function sendTeamEvent(t: TestApp, teamId: string, event: Record<string, unknown>) {
  const body = JSON.stringify({
    token: "legacy-verification-token",
    team_id: teamId,
    api_app_id: "A0VIGIE",
    type: "event_callback",
    event_id: `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, is_enterprise_install: false, is_bot: true, user_id: "U0VIGIE" }],
    event,
  });
  return t.post(body, slackSignatureHeaders(TEST_SIGNING_SECRET, body), "application/json");
}
