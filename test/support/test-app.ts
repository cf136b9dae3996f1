import { randomUUID } from "node:crypto";
import { type RunningVigie, startVigie } from "../../src/app/start-vigie.js";
import { type Config, loadConfig } from "../../src/config.js";
import { createLogger, type Logger } from "../../src/logger.js";
import type { Database } from "../../src/store/database.js";
import { FakeSlack, type RecordedCall } from "./fake-slack.js";
import { slackSignatureHeaders } from "./slack-signature.js";
import { createTestDatabase, type DatabaseState } from "./test-database.js";

export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99aabbcc85a5";
export const TEST_BOT_TOKEN = "xoxb-1111-2222-testtoken";
export const COORDINATOR = "U0COORD01";

export interface TestAppOptions {
  database?: DatabaseState;
  env?: Record<string, string>;
  /** Fixed clock for listeners (defaults to 2026-11-23 10:00 Paris). */
  now?: () => Date;
  /** Collect log lines instead of printing them. */
  logLines?: string[];
}

export interface TestApp {
  baseUrl: string;
  slack: FakeSlack;
  vigie: RunningVigie;
  db: Database;
  config: Config;
  log: Logger;
  simulateDatabaseOutage(): Promise<void>;
  /** Posts raw bytes to /slack/events with the given headers; returns status and body. */
  post(body: string, headers: Record<string, string>, contentType?: string): Promise<{ status: number; body: string }>;
  /** Sends `/csi <text>` signed as Slack does; resolves once acked, with the response_url id to wait on. */
  command(
    text: string,
    options?: { userId?: string; channelId?: string; teamId?: string },
  ): Promise<{ status: number; ackBody: string; responseId: string }>;
  /** `/csi <text>` and the reply Vigie posts to the response_url. */
  commandReply(text: string, options?: { userId?: string; channelId?: string; teamId?: string }): Promise<RecordedCall>;
  /** Sends an interactivity payload (block_actions, view_submission…) signed; returns the HTTP answer. */
  interact(payload: Record<string, unknown>): Promise<{ status: number; body: string }>;
  /** Resolves once Vigie has finished every request it received, the work after ack() included. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_NOW = new Date("2026-11-23T09:00:00Z");

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const slack = await new FakeSlack().start();
  const { db, url, drop, simulateOutage } = await createTestDatabase(options.database ?? "seeded");
  const config = loadConfig({
    NODE_ENV: "test",
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    CSI_COORDINATORS: COORDINATOR,
    LOG_LEVEL: "error",
    ...(url ? { DATABASE_URL: url } : {}),
    ...options.env,
  });
  const lines = options.logLines;
  const log = createLogger({
    level: lines ? "debug" : config.logLevel,
    json: false,
    secrets: [config.slack.signingSecret, config.slack.botToken],
    write: lines ? (l) => lines.push(l) : undefined,
  });
  const vigie = await startVigie(config, { database: db, log, now: options.now ?? (() => DEFAULT_NOW) });
  const baseUrl = `http://127.0.0.1:${vigie.port}`;

  const post = async (
    body: string,
    headers: Record<string, string>,
    contentType = "application/x-www-form-urlencoded",
  ) => {
    const res = await fetch(`${baseUrl}/slack/events`, {
      method: "POST",
      headers: { "content-type": contentType, ...headers },
      body,
    });
    return { status: res.status, body: await res.text() };
  };
  const signedPost = (body: string) => post(body, slackSignatureHeaders(TEST_SIGNING_SECRET, body));

  const command: TestApp["command"] = async (text, o = {}) => {
    const responseId = randomUUID();
    const body = new URLSearchParams({
      token: "legacy-verification-token",
      team_id: o.teamId ?? "T0TEST",
      team_domain: "chambery",
      channel_id: o.channelId ?? "C0COPIL",
      channel_name: "copil-csi",
      user_id: o.userId ?? "U0MEMBER1",
      user_name: "camille",
      command: "/csi",
      text,
      api_app_id: "A0VIGIE",
      is_enterprise_install: "false",
      response_url: slack.responseUrl(responseId),
      trigger_id: `${Date.now()}.trigger`,
    }).toString();
    const res = await signedPost(body);
    return { status: res.status, ackBody: res.body, responseId };
  };

  return {
    baseUrl,
    slack,
    vigie,
    db,
    config,
    log,
    simulateDatabaseOutage: simulateOutage,
    post,
    command,
    async commandReply(text, o) {
      const { status, responseId } = await command(text, o);
      if (status !== 200) throw new Error(`/csi ${text} was answered with HTTP ${status}`);
      return slack.waitForResponse(responseId);
    },
    interact: (payload) => signedPost(new URLSearchParams({ payload: JSON.stringify(payload) }).toString()),
    async settled() {
      await new Promise((r) => setImmediate(r)); // an event's listeners start just after Bolt acks it
      if (!(await vigie.requestsSettled(30_000))) throw new Error("Vigie was still handling requests after 30 s");
    },
    async stop() {
      await vigie.stop();
      await slack.stop();
      await drop();
    },
  };
}

/** All the text of a Block Kit message, flattened, for content assertions. */
export function blocksText(message: object): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "text" && typeof x === "string") out.push(x);
        else walk(x);
      }
    }
  };
  walk("blocks" in message && message.blocks != null ? message.blocks : message);
  return out.join("\n");
}

export type ShownButton = { action_id: string; value?: string };

/** The buttons of a message: those of its actions blocks and the sections' accessories, in order. */
export function buttonsOf(message: Record<string, unknown>): ShownButton[] {
  return (message.blocks as { type: string; elements?: ShownButton[]; accessory?: ShownButton }[]).flatMap((b) => [
    ...(b.type === "actions" ? (b.elements ?? []) : []),
    ...(b.accessory ? [b.accessory] : []),
  ]);
}

type AsyncMethod = (...args: never[]) => Promise<unknown>;

/** Makes one async method of a repository take `ms` longer, as a slow database would; returns the undo. */
export function slowDown<T extends Record<K, AsyncMethod>, K extends keyof T>(
  target: T,
  method: K,
  ms: number,
): () => void {
  const original = target[method];
  target[method] = (async (...args: Parameters<T[K]>) => {
    await new Promise((r) => setTimeout(r, ms));
    return original.apply(target, args);
  }) as T[K];
  return () => {
    target[method] = original;
  };
}

/** Makes the contract lookup that every answer starts with take `ms` longer; returns the undo. */
export const slowDownContractLookup = (t: TestApp, ms: number): (() => void) => {
  // A command finds its contract among them all (contract-of.ts); a button or a job, the default one.
  const restore = [
    slowDown(t.vigie.deps.store.contracts, "findDefault", ms),
    slowDown(t.vigie.deps.store.contracts, "list", ms),
  ];
  return () => {
    for (const r of restore) r();
  };
};

/**
 * One progress submission refused by the form's own rules (no status), so that the first request a test
 * measures is not the one that loads every module and opens every connection: on a loaded machine that
 * first one can pass Slack's 3 seconds.
 */
export async function warmUp(t: TestApp): Promise<void> {
  const c = await t.db.prisma.commitment.findFirstOrThrow({ where: { ref: "ETAT-01" } });
  await t.interact({
    type: "view_submission",
    team: { id: "T0TEST" },
    user: { id: COORDINATOR },
    api_app_id: "A0VIGIE",
    view: {
      id: "V0WARMUP",
      callback_id: "csi_progress_update",
      private_metadata: JSON.stringify({ c: c.id, s: null, l: "fr" }),
      state: { values: { comment: { value: { type: "plain_text_input", value: "Bilan" } } } },
    },
  });
  await t.settled();
}
