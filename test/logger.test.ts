import { describe, expect, it } from "vitest";
import { createLogger, toBoltLogger } from "../src/logger.js";

const secret = "0123456789abcdef0123456789abcdef";

function capture(json: boolean) {
  const lines: string[] = [];
  const log = createLogger({ level: "info", json, secrets: [secret], write: (l) => lines.push(l) });
  return { log, lines };
}

describe("logger", () => {
  it("writes one JSON object per event in production form", () => {
    const { log, lines } = capture(true);
    log.info("app.ready", { port: 3000 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: "info", event: "app.ready", port: 3000 });
  });

  it("writes a readable single line otherwise", () => {
    const { log, lines } = capture(false);
    log.warn("slack.retry", { method: "chat.postMessage", attempt: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN {2}slack\.retry method=chat\.postMessage attempt=2$/);
  });

  it("never prints a token or the signing secret, wherever they hide", () => {
    const { log, lines } = capture(true);
    log.error("oops", {
      token: "xoxb-1234-5678-abcdef",
      nested: { url: `https://x/?s=${secret}` },
      app: "xapp-1-A1-2-3",
    });
    log.info("boom", { error: new Error("invalid_auth for xoxp-9-9-9") });
    const all = lines.join("\n");
    expect(all).not.toMatch(/xox[bp]-/);
    expect(all).not.toContain("xapp-");
    expect(all).not.toContain(secret);
    expect(all).toContain("[redacted]");
  });

  it("drops events below the level", () => {
    const { log, lines } = capture(false);
    log.debug("noise");
    expect(lines).toHaveLength(0);
  });

  it("routes Bolt's messages through the same redaction", () => {
    const { log, lines } = capture(false);
    toBoltLogger(log, "info").error("An API error occurred:", "token xoxb-1-2-3");
    expect(lines[0]).toContain("bolt message=An API error occurred: token [redacted]");
  });
});
