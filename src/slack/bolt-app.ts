import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, type LogLevel, type Receiver, SocketModeReceiver } from "@slack/bolt";
import type { AppDeps } from "../app/deps.js";
import { toBoltLogger } from "../logger.js";
import { createInFlight } from "./in-flight.js";
import { registerErrorHandler } from "./listeners/errors.js";
import { registerListeners } from "./listeners/index.js";
import { createOAuthInstall } from "./oauth-install.js";
import { payloadHygiene } from "./payload-hygiene.js";
import { createServedCheck, learnInstallation, type ServedCheck } from "./served-only.js";
import { withWorkspaceOf } from "./workspace-scope.js";

interface SlackApp {
  app: App;
  /** Starts receiving; in HTTP mode returns the port actually bound (PORT=0 picks a free one). */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
  /** OAuth mode: a workspace's bot token for scheduled sends, refreshed first when it expires. */
  tokenOf?: (ids: {
    teamId: string | null;
    enterpriseId: string | null;
    enterpriseInstall: boolean;
  }) => Promise<string>;
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
  // OAuth mode: any workspace may install Vigie; each request is authorized with its own workspace's token.
  let served: ServedCheck | undefined;
  const oauth = config.slack.oauth ? createOAuthInstall(deps, config.slack.oauth, () => served?.forget()) : undefined;
  const routes = [healthRoute(deps), ...(oauth?.routes ?? [])];
  const receiver: Receiver = socket
    ? new SocketModeReceiver({
        appToken: config.slack.appToken ?? "",
        logger,
        logLevel,
        customRoutes: routes,
        installerOptions: { port: config.port },
      })
    : new HTTPReceiver({
        signingSecret: config.slack.signingSecret,
        logger,
        logLevel,
        customRoutes: routes,
        endpoints: "/slack/events",
      });
  const app = new App({
    // The one bot token, handed to every request without Bolt's own auth.test (which Bolt 5 repeats on
    // each request when token verification is deferred): Vigie learns who it is once, at start, below.
    // In OAuth mode, the installation store's token for the request's workspace (refreshed when it expires).
    authorize: oauth
      ? (source) => oauth.installer.authorize(source)
      : async () => ({ botToken: config.slack.botToken }),
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
  served = createServedCheck(
    oauth
      ? async () =>
          (await deps.store.installations.listActive()).map((i) => ({
            teamId: i.teamId,
            enterpriseId: i.enterpriseId,
            appId: i.appId,
            enterpriseInstall: i.enterpriseInstall,
          }))
      : async () => [await learnInstallation(app.client, config.slack.botToken, config.slack.installed)],
    log,
  );
  app.use(served.middleware);
  // What a listener reads by id (a commitment, a meeting, a request) is found only in this workspace's contracts.
  app.use(withWorkspaceOf(deps));
  app.use(payloadHygiene(log));
  registerListeners(app, deps, { installationsChanged: () => served?.forget() });

  return {
    app,
    async start() {
      await served?.warmUp();
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
    ...(oauth
      ? {
          tokenOf: async (ids: { teamId: string | null; enterpriseId: string | null; enterpriseInstall: boolean }) => {
            const auth = await oauth.installer.authorize({
              teamId: ids.teamId ?? undefined,
              enterpriseId: ids.enterpriseId ?? undefined,
              isEnterpriseInstall: ids.enterpriseInstall,
            });
            if (!auth.botToken) throw new Error("The installation has no bot token");
            return auth.botToken;
          },
        }
      : {}),
  };
}
