import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "./support/fake-slack.js";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "./support/test-database.js";

const root = path.resolve(import.meta.dirname, "..");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

beforeAll(() => {
  // `npm start` runs the compiled app (its prestart builds dist/); so does this test.
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: root, stdio: "ignore" });
});

/** Runs `npm start`'s command as a real process, with only the environment given. */
function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ["dist/src/main.js"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<Run>((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
  const output = () => stdout;
  return { child, exited, output };
}

/** Waits for a line of the process's log, then sends SIGTERM and waits for it to end. */
async function terminateAfter(p: ReturnType<typeof startProcess>, line: RegExp): Promise<Run & { events: string[] }> {
  await waitForLine(p.output, line);
  p.child.kill("SIGTERM");
  const run = await p.exited;
  return { ...run, events: eventsOf(run.stdout) };
}

/** The events of a production log: one JSON object per line. */
const eventsOf = (stdout: string): string[] =>
  stdout
    .trim()
    .split("\n")
    .map((l) => (JSON.parse(l) as { event: string }).event);

async function waitForLine(output: () => string, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = output().match(pattern);
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`no line matching ${pattern} in:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("npm start", () => {
  it("stops with one clear message per bad variable, without a stack trace", async () => {
    const run = await startProcess({ SLACK_BOT_TOKEN: "not-a-token", PORT: "abc" }).exited;
    expect(run.code).toBe(78);
    expect(run.stderr).toContain("Configuration invalide — Vigie ne peut pas démarrer");
    expect(run.stderr).toContain("• SLACK_BOT_TOKEN doit être le jeton du bot, commençant par xoxb-");
    expect(run.stderr).toContain("• PORT doit être un nombre");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  describe("with valid settings", () => {
    let slack: FakeSlack;
    let dataDir: string;
    let db: TestDatabase | undefined;
    const env: Record<string, string> = {};
    const secret = "fedcba9876543210fedcba9876543210";

    beforeAll(async () => {
      slack = await new FakeSlack().start();
      dataDir = await mkdtemp(path.join(tmpdir(), "vigie-main-"));
      Object.assign(env, {
        SLACK_SIGNING_SECRET: secret,
        SLACK_BOT_TOKEN: "xoxb-42-42-mainprocess",
        SLACK_API_URL: slack.apiUrl,
        PORT: "0",
        DATA_DIR: dataDir,
        NODE_ENV: "production",
      });
      if (testDatabaseKind() === "postgres") {
        db = await createTestDatabase("empty");
        await db.db.close();
        env.DATABASE_URL = db.url ?? "";
      }
    });
    afterAll(async () => {
      await slack.stop();
      await rm(dataDir, { recursive: true, force: true });
      await db?.drop();
    });

    it("creates, migrates and seeds the database, answers /healthz, and stops cleanly on SIGTERM", async () => {
      const p = startProcess(env);
      const [, port] = await waitForLine(p.output, /"event":"app\.ready".*"port":(\d+)/);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      p.child.kill("SIGTERM");
      const run = await p.exited;
      expect(run.code).toBe(0);
      expect(eventsOf(run.stdout)).toEqual(
        expect.arrayContaining([
          "database.ready",
          "contract.seeded",
          "app.ready",
          "signal",
          "app.stopping",
          "app.stopped",
        ]),
      );
      expect(run.stdout + run.stderr).not.toContain(secret);
      expect(run.stdout + run.stderr).not.toContain("xoxb-42");
    }, 120_000); // creating a new embedded database (initdb) takes seconds, more on a loaded machine

    it("stops cleanly on a SIGTERM that arrives while it is still starting", async () => {
      const run = await terminateAfter(startProcess(env), /"event":"database\.ready"/);
      expect(run.code).toBe(0);
      expect(run.events.slice(-3)).toEqual(["signal", "app.stopping", "app.stopped"]);
    }, 60_000);

    it("restarts on the same database without seeding again", async () => {
      const run = await terminateAfter(startProcess(env), /"event":"app\.ready"/);
      expect(run.code).toBe(0);
      expect(run.events.slice(-3)).toEqual(["signal", "app.stopping", "app.stopped"]);
      expect(run.stdout).toContain('"migrationsApplied":0');
      expect(run.stdout).not.toContain("contract.seeded");
    }, 60_000);
  });
});
