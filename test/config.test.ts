import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const valid = {
  SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
  SLACK_BOT_TOKEN: "xoxb-123-456-abc",
};

function problemsOf(env: Record<string, string>, options?: { requireSlack?: boolean }): string[] {
  try {
    loadConfig(env, options);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const c = loadConfig(valid);
    expect(c.slack.mode).toBe("http");
    expect(c.port).toBe(3000);
    expect(c.database.url).toBeUndefined();
    expect(c.database.dataDir).toMatch(/\/data$/);
    expect(c.schedule.timezone).toBe("Europe/Paris");
    expect(c.coordinators).toEqual([]);
    expect(c.readAccess).toBe("workspace");
  });

  it("selects Socket Mode when SLACK_APP_TOKEN is set, without requiring the signing secret", () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: valid.SLACK_BOT_TOKEN, SLACK_APP_TOKEN: "xapp-1-A0-123-abc" });
    expect(c.slack.mode).toBe("socket");
  });

  it("reads every setting", () => {
    const c = loadConfig({
      ...valid,
      SLACK_API_URL: "http://127.0.0.1:9999/api",
      PORT: "8080",
      DATABASE_URL: "postgres://vigie:secret@db:5432/vigie",
      DATA_DIR: "/var/lib/vigie",
      CSI_TIMEZONE: "Europe/Brussels",
      CSI_COORDINATORS: "U012ABCDEF, U034GHIJKL",
      CSI_READ_ACCESS: "members",
    });
    expect(c.slack.apiUrl).toBe("http://127.0.0.1:9999/api/");
    expect(c.port).toBe(8080);
    expect(c.database).toEqual({ url: "postgres://vigie:secret@db:5432/vigie", dataDir: "/var/lib/vigie" });
    expect(c.schedule.timezone).toBe("Europe/Brussels");
    expect(c.coordinators).toEqual(["U012ABCDEF", "U034GHIJKL"]);
    expect(c.readAccess).toBe("members");
  });

  it("lists every missing credential with how to fix it", () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^SLACK_BOT_TOKEN manque.*OAuth & Permissions/);
    expect(problems[1]).toMatch(/^SLACK_SIGNING_SECRET manque.*Basic Information/);
  });

  it.each([
    ["SLACK_SIGNING_SECRET", "not-hex", /SLACK_SIGNING_SECRET .*32 caractères hexadécimaux/],
    ["SLACK_BOT_TOKEN", "xoxp-user-token", /SLACK_BOT_TOKEN .*xoxb-/],
    ["SLACK_APP_TOKEN", "abc", /SLACK_APP_TOKEN .*xapp-/],
    ["SLACK_API_URL", "ftp://x", /SLACK_API_URL .*http/],
    ["PORT", "http", /PORT doit être un nombre/],
    ["PORT", "70000", /PORT doit être entre 0 et 65535/],
    ["DATABASE_URL", "mysql://x", /DATABASE_URL .*postgres:\/\//],
    ["CSI_TIMEZONE", "Paris", /CSI_TIMEZONE .*IANA/],
    ["CSI_COORDINATORS", "camille,@jean", /CSI_COORDINATORS .*identifiants Slack/],
    ["CSI_DIGEST_CHANNEL", "#copil", /CSI_DIGEST_CHANNEL .*identifiant/],
    ["CSI_READ_ACCESS", "all", /CSI_READ_ACCESS .*workspace/],
  ])("%s=%s is refused with a clear message", (name, value, message) => {
    const problems = problemsOf({ ...valid, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("reports several bad variables at once, one line each", () => {
    const err = (() => {
      try {
        loadConfig({ ...valid, PORT: "x", CSI_TIMEZONE: "Mars/Olympus" });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as ConfigError).message;
    expect(message).toContain("Configuration invalide");
    expect(message).toContain("• PORT");
    expect(message).toContain("• CSI_TIMEZONE");
    expect(message).not.toMatch(/at .*\.ts:\d+/); // no stack trace in what the operator reads
  });

  it("reads SMTP_URL and SMTP_FROM together, with what to correct in French; e-mail is off without them", () => {
    expect(loadConfig(valid).mail).toEqual({ smtp: null, emlDir: null, organizerEmail: null });
    const c = loadConfig({
      ...valid,
      SMTP_URL: "smtp://vigie:secret@smtp.ville.example:587",
      SMTP_FROM: "Vigie — CSI <vigie@ville.example>",
      MAIL_DIR: "data/courriels",
    });
    expect(c.mail.smtp).toEqual({
      url: "smtp://vigie:secret@smtp.ville.example:587",
      from: "Vigie — CSI <vigie@ville.example>",
    });
    expect(c.mail.emlDir).toMatch(/\/data\/courriels$/);
    expect(problemsOf({ ...valid, SMTP_URL: "smtp.ville.example" })).toEqual([
      "SMTP_URL doit être l'adresse du serveur d'envoi, par ex. smtp://utilisateur:motdepasse@smtp.example.fr:587",
      "SMTP_FROM doit être l'expéditeur des courriels, par ex. « Vigie <vigie@ville.example> »",
    ]);
    expect(problemsOf({ ...valid, SMTP_URL: " ", SMTP_FROM: "" })).toEqual([]);
  });

  it("reads CSI_ORGANIZER_EMAIL, the organizer of the invitations sent in Slack, and refuses a malformed one", () => {
    expect(loadConfig({ ...valid, CSI_ORGANIZER_EMAIL: "coordination.csi@ville.example" }).mail.organizerEmail).toBe(
      "coordination.csi@ville.example",
    );
    expect(problemsOf({ ...valid, CSI_ORGANIZER_EMAIL: "coordination" })).toEqual([
      "CSI_ORGANIZER_EMAIL doit être l'adresse de l'organisateur des réunions, par ex. coordination.csi@ville.example",
    ]);
  });

  it("treats blank variables as unset", () => {
    expect(loadConfig({ ...valid, DATABASE_URL: "  ", PORT: "" }).port).toBe(3000);
  });

  it("needs no Slack credentials for database-only commands", () => {
    expect(problemsOf({}, { requireSlack: false })).toEqual([]);
    expect(loadConfig({}, { requireSlack: false }).slack.mode).toBe("none");
  });
});

describe("loadConfig: installation in several workspaces (OAuth mode)", () => {
  const oauth = {
    SLACK_SIGNING_SECRET: valid.SLACK_SIGNING_SECRET,
    SLACK_CLIENT_ID: "1111.2222",
    SLACK_CLIENT_SECRET: "0123456789abcdef0123456789abcdef",
    SLACK_STATE_SECRET: "un-secret-d-etat-assez-long",
    VIGIE_TOKEN_KEY: Buffer.alloc(32, 1).toString("base64"),
  };

  it("needs no SLACK_BOT_TOKEN and reads the token key as 32 bytes (base64 or hexadecimal)", () => {
    const c = loadConfig(oauth);
    expect(c.slack.mode).toBe("http");
    expect(c.slack.oauth?.clientId).toBe("1111.2222");
    expect(c.slack.oauth?.tokenKey).toEqual(Buffer.alloc(32, 1));
    const hex = loadConfig({ ...oauth, VIGIE_TOKEN_KEY: "ab".repeat(32) });
    expect(hex.slack.oauth?.tokenKey).toEqual(Buffer.alloc(32, 0xab));
  });

  it("without the OAuth variables, the single-token mode of before, unchanged", () => {
    expect(loadConfig(valid).slack.oauth).toBeUndefined();
  });

  it("says in French what is missing or malformed", () => {
    const { VIGIE_TOKEN_KEY: _k, SLACK_STATE_SECRET: _s, ...partial } = oauth;
    const problems = problemsOf(partial);
    expect(problems.some((p) => p.startsWith("SLACK_STATE_SECRET manque"))).toBe(true);
    expect(problems.some((p) => p.startsWith("VIGIE_TOKEN_KEY manque"))).toBe(true);
    expect(problemsOf({ ...oauth, VIGIE_TOKEN_KEY: "trop-courte" })).toEqual([
      expect.stringMatching(/^VIGIE_TOKEN_KEY doit être une clé de 32 octets/),
    ]);
    expect(problemsOf({ ...oauth, SLACK_APP_TOKEN: "xapp-1-A0-123-abc" })).toEqual([
      expect.stringMatching(/^SLACK_APP_TOKEN : le Socket Mode/),
    ]);
  });
});
