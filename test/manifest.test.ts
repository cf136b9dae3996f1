import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SUBCOMMANDS } from "../src/slack/commands/parse.js";
import { COMMAND } from "../src/slack/ids.js";
import { BOT_SCOPES, REDIRECT_PATH } from "../src/slack/oauth-install.js";

interface Manifest {
  display_information: { name: string; description: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; description: string; usage_hint: string; should_escape: boolean }[];
  };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

describe("manifest.yml", async () => {
  const text = await readFile(path.resolve(import.meta.dirname, "../manifest.yml"), "utf8");
  const manifest = parse(text) as Manifest;

  it("declares the /csi command with a usage hint, escaping mentions for /csi role", () => {
    expect(manifest.features.slash_commands).toHaveLength(1);
    const [csi] = manifest.features.slash_commands;
    expect(csi?.command).toBe(COMMAND);
    expect(csi?.usage_hint).toContain("voir REF");
    expect(csi?.should_escape).toBe(true);
    expect(csi?.description.length).toBeLessThanOrEqual(100);
  });

  it("lists every sub-command in the usage hint, by its French name", () => {
    const hint = manifest.features.slash_commands[0]?.usage_hint ?? "";
    const words = new Set(hint.split(/[\s|[\]]+/));
    expect(Object.values(SUBCOMMANDS).filter((s) => !words.has(s.fr[0]))).toEqual([]);
    expect(hint.length).toBeLessThanOrEqual(1000);
  });

  it("says, in French, beside each scope which feature needs it", () => {
    const scopeLines = text.split("\n").filter((l) => /^\s+- [a-z.:]+(\s|$)/.test(l) && l.includes(":"));
    expect(scopeLines.length).toBeGreaterThanOrEqual(manifest.oauth_config.scopes.bot.length);
    for (const scope of manifest.oauth_config.scopes.bot) {
      const line = text.split("\n").find((l) => l.trim().startsWith(`- ${scope} #`));
      expect(line, scope).toMatch(/# (la |les |ouvrir |réponses |\/csi |conversations |canaux |publier )/);
    }
    expect(text).not.toMatch(/# (the|The|After|Two ways|Create) /);
  });

  it("sends commands, buttons, modals and events to /slack/events", () => {
    expect(manifest.features.slash_commands[0]?.url).toMatch(/^https:\/\/.+\/slack\/events$/);
    expect(manifest.settings.interactivity).toMatchObject({
      is_enabled: true,
      request_url: expect.stringMatching(/\/slack\/events$/),
    });
    expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    // app_uninstalled / tokens_revoked: OAuth mode stops serving a workspace that removed Vigie.
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      "app_home_opened",
      "app_uninstalled",
      "tokens_revoked",
    ]);
  });

  it("asks in OAuth mode for the scopes the manifest lists, and redirects to Bolt's OAuth redirect path", () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(manifest.oauth_config.redirect_urls).toEqual([expect.stringMatching(new RegExp(`${REDIRECT_PATH}$`))]);
  });

  it("enables the Home tab and the Messages tab (reminders come as direct messages)", () => {
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it("asks for exactly the bot scopes the features need", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      "channels:history",
      "chat:write",
      "commands",
      "files:read",
      "files:write",
      "groups:history",
      "im:history",
      "im:write",
      "users:read",
      "users:read.email",
    ]);
  });

  it("explains both HTTP and Socket Mode", () => {
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(text).toMatch(/#.*Socket Mode/);
    expect(text).toContain("SLACK_APP_TOKEN");
    expect(text).toContain("SLACK_SIGNING_SECRET");
  });
});
