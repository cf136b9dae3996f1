// OAuth mode over real HTTP: « Add to Slack » through Bolt's install path and redirect against the fake Slack's
// oauth.v2.access, the installation stored sealed, its workspace served with its own token (refreshed when
// it expires), an unknown workspace refused, and app_uninstalled stopping it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenCipher } from "../../src/store/token-cipher.js";
import { install as installOf, sendTeamEvent, startOAuthTestApp, TEST_TOKEN_KEY } from "../support/oauth-workspaces.js";
import type { TestApp } from "../support/test-app.js";

const TOKEN_KEY = TEST_TOKEN_KEY;
const NANTES = "T0NANTES";
const INSTALLER = "U0NANTES1";

let t: TestApp;
beforeAll(async () => {
  t = await startOAuthTestApp();
});
afterAll(() => t.stop());

const install = (code: string) => installOf(t, code);
const sendEvent = (teamId: string, event: Record<string, unknown>) => sendTeamEvent(t, teamId, event);

describe("installing Vigie in another workspace (OAuth mode)", () => {
  it("a redirect without the browser's state cookie installs nothing", async () => {
    t.slack.oauthGrants.set("code-forged", { teamId: "T0FORGED", userId: "U0X" });
    const res = await fetch(`${t.baseUrl}/slack/oauth_redirect?code=code-forged&state=whatever`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Installation interrompue");
    expect(t.slack.callsTo("oauth.v2.access")).toHaveLength(0);
    expect(await t.db.prisma.installation.count()).toBe(0);
  });

  it("the install callback stores the installation, its token sealed", async () => {
    t.slack.oauthGrants.set("code-nantes", { teamId: NANTES, userId: INSTALLER });
    const res = await install("code-nantes");
    expect(res.status).toBe(200);
    expect(res.body).toContain("Vigie est installé");
    const [exchange] = t.slack.callsTo("oauth.v2.access");
    expect(exchange?.params).toMatchObject({ code: "code-nantes", client_id: "1111.2222" });

    const row = await t.db.prisma.installation.findUniqueOrThrow({ where: { key: `T:${NANTES}` } });
    expect(row).toMatchObject({ teamId: NANTES, appId: "A0VIGIE", installedBy: INSTALLER, revokedAt: null });
    expect(row.sealed).not.toContain("xoxb-");
    const opened = JSON.parse(createTokenCipher(Buffer.from(TOKEN_KEY, "base64")).open(row.sealed));
    expect(opened.bot.token).toMatch(new RegExp(`^xoxb-${NANTES}-`));
    // Another key cannot open it (GCM's tag).
    expect(() => createTokenCipher(Buffer.alloc(32, 8)).open(row.sealed)).toThrow();
  });

  it("a signed command from that workspace is served with that workspace's token", async () => {
    const before = t.slack.calls.length;
    // Its installer may start the workspace's first contract: the form opens, called with Nantes's token.
    const { status } = await t.command("contrat nouveau", { teamId: NANTES, userId: INSTALLER });
    expect(status).toBe(200);
    const open = await t.slack.waitFor((c) => c.method === "views.open" && t.slack.calls.indexOf(c) >= before);
    expect(open.token).toMatch(new RegExp(`^xoxb-${NANTES}-`));
    // Chambéry's contract (recorded before OAuth mode, without a workspace) is not Nantes's.
    const reply = await t.commandReply("contrat", { teamId: NANTES, userId: INSTALLER });
    expect(JSON.stringify(reply.params)).not.toContain("Chambéry");
  });

  it("a signed command from a workspace that never installed Vigie gets a silent 200 and nothing else", async () => {
    const before = t.slack.calls.length;
    const { status, ackBody, responseId } = await t.command("etat", { teamId: "T0UNKNOWN", userId: "U0SOMEONE" });
    expect({ status, ackBody }).toEqual({ status: 200, ackBody: "" });
    await t.settled();
    expect(t.slack.calls.slice(before)).toEqual([]);
    expect(t.slack.responsesTo(responseId)).toEqual([]);
  });

  it("token rotation: an expiring token is refreshed through oauth.v2.access before it is used", async () => {
    t.slack.oauthGrants.set("code-dijon", { teamId: "T0DIJON", userId: "U0DIJON1", expiresIn: 60 });
    expect((await install("code-dijon")).status).toBe(200);
    const first = await t.db.prisma.installation.findUniqueOrThrow({ where: { key: "T:T0DIJON" } });
    expect(first.tokenExpiresAt).not.toBeNull();
    const before = t.slack.calls.length;
    await t.command("contrat nouveau", { teamId: "T0DIJON", userId: "U0DIJON1" });
    const open = await t.slack.waitFor((c) => c.method === "views.open" && t.slack.calls.indexOf(c) >= before);
    const refresh = t.slack.calls.slice(before).find((c) => c.method === "oauth.v2.access");
    expect(refresh?.params).toMatchObject({ grant_type: "refresh_token" });
    const after = await t.db.prisma.installation.findUniqueOrThrow({ where: { key: "T:T0DIJON" } });
    const opened = JSON.parse(createTokenCipher(Buffer.from(TOKEN_KEY, "base64")).open(after.sealed));
    expect(open.token).toBe(opened.bot.token);
    expect(after.sealed).not.toBe(first.sealed);
  });

  it("app_uninstalled revokes the installation (audited, data kept): its workspace is no longer served", async () => {
    expect((await sendEvent(NANTES, { type: "app_uninstalled", event_ts: "1.1" })).status).toBe(200);
    await t.settled();
    const row = await t.db.prisma.installation.findUniqueOrThrow({ where: { key: `T:${NANTES}` } });
    expect(row.revokedAt).not.toBeNull();
    expect(row.sealed).not.toContain("xoxb-");
    expect(
      await t.db.prisma.auditEntry.count({ where: { action: "installation.revoke", entityId: `T:${NANTES}` } }),
    ).toBe(1);
    const before = t.slack.calls.length;
    const { responseId } = await t.command("contrat", { teamId: NANTES, userId: INSTALLER });
    await t.settled();
    expect(t.slack.calls.slice(before)).toEqual([]);
    expect(t.slack.responsesTo(responseId)).toEqual([]);
  });
});
