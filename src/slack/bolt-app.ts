import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, type LogLevel, type Receiver, SocketModeReceiver } from "@slack/bolt";
import type { AppDeps } from "../app/deps.js";
import { toBoltLogger } from "../logger.js";
import { createInFlight } from "./in-flight.js";
import { registerErrorHandler } from "./listeners/errors.js";
import { registerListeners } from "./listeners/index.js";
import { payloadHygiene } from "./payload-hygiene.js";
import { createServedCheck, learnInstallation } from "./served-only.js";

interface SlackApp {
  app: App;
  /** Starts receiving; in HTTP mode returns the port actually bound (PORT=0 picks a free one). */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
  /** Resolves true once no request is being handled (work after ack() included), false after `timeoutMs`. */
  requestsSettled(timeoutMs: number): Promise<boolean>;
}

function healthRoute(deps: AppDeps) {
  return {
    path: "/healthz",
    method: ["GET"],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      void deps.db.ping().then((ok) => {
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: ok ? "ok" : "degraded", database: { kind: deps.db.kind, ok } }));
      });
    },
  };
}

/** How long a stop waits for answers already under way (Slack's own retries give up after ~30 s). */
const STOP_GRACE_MS = 15_000;

export function createSlackApp(deps: AppDeps): SlackApp {
  const { config, log } = deps;
  const logger = toBoltLogger(log, config.logLevel);
  const logLevel = config.logLevel as LogLevel;
  const socket = config.slack.mode === "socket";
  const receiver: Receiver = socket
    ? new SocketModeReceiver({
        appToken: config.slack.appToken ?? "",
        logger,
        logLevel,
        customRoutes: [healthRoute(deps)],
        installerOptions: { port: config.port },
      })
    : new HTTPReceiver({
        signingSecret: config.slack.signingSecret,
        logger,
        logLevel,
        customRoutes: [healthRoute(deps)],
        endpoints: "/slack/events",
      });
  const app = new App({
    // The one bot token, handed to every request without Bolt's own auth.test (which Bolt 5 repeats on
    // each request when token verification is deferred): Vigie learns who it is once, at start, below.
    authorize: async () => ({ botToken: config.slack.botToken }),
    receiver,
    logger,
    logLevel,
    extendedErrorHandler: true,
    clientOptions: config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {},
  });
  registerErrorHandler(app, log);
  const inFlight = createInFlight();
  app.use(inFlight.middleware);
  // Before any listener: a request for another workspace or app gets a silent 200 and nothing else.
  const served = createServedCheck(
    async () => [await learnInstallation(app.client, config.slack.botToken, config.slack.installed)],
    log,
  );
  app.use(served.middleware);
  app.use(payloadHygiene(log));
  registerListeners(app, deps);

  return {
    app,
    async start() {
      await served.warmUp();
      if (socket) {
        await app.start(config.port);
        return { port: config.port };
      }
      const server = (await app.start(config.port)) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop(); // no new requests
      if (!(await inFlight.drained(STOP_GRACE_MS)))
        log.warn("slack.stop_abandoned_work", { pending: inFlight.count(), graceMs: STOP_GRACE_MS });
    },
    requestsSettled: (timeoutMs) => inFlight.drained(timeoutMs),
  };
}
