// Only the installed workspace and app are served. At start Vigie learns its own ids (configuration, or
// auth.test and bots.info through the configured Web API); every request naming another team, Grid
// organisation or app is refused before any listener runs: acknowledged with nothing (a silent 200),
// logged with its kind and ids, never its content.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type Installation, isServed, type RequestOrigin } from "../domain/tenancy.js";
import type { Logger } from "../logger.js";

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const id = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** team_id / enterprise_id / api_app_id, wherever this kind of payload carries them. */
export function originOf(body: unknown): RequestOrigin {
  const b = record(body);
  const view = record(b.view);
  const teamId = id(b.team_id) ?? id(record(b.team).id);
  const enterpriseId = id(b.enterprise_id) ?? id(record(b.enterprise).id);
  let appId = id(b.api_app_id);
  // A view names its app too: one from another app, relayed under ours, is not ours.
  if (id(view.app_id) !== null && id(view.app_id) !== appId) appId = null;
  return { teamId, enterpriseId, appId };
}

/** What a log line may say about a refused request: its kind and ids, cut and cleaned, nothing typed. */
function describe(body: unknown, origin: RequestOrigin): Record<string, string | null> {
  const b = record(body);
  const clean = (v: string | null) => (v === null ? null : v.replace(/[^A-Za-z0-9]/g, "").slice(0, 32));
  const kind = typeof b.command === "string" ? "command" : typeof b.type === "string" ? b.type : "unknown";
  return {
    kind: clean(kind),
    teamId: clean(origin.teamId),
    enterpriseId: clean(origin.enterpriseId),
    appId: clean(origin.appId),
  };
}

/** The ids set in the configuration; whatever is missing is asked of Slack. */
interface ConfiguredIds {
  teamId?: string;
  enterpriseId?: string;
  appId?: string;
}

/** Vigie's own installation: the configured ids, completed by auth.test (team, Grid) and bots.info (app). */
export async function learnInstallation(
  client: WebClient,
  token: string,
  configured: ConfiguredIds,
): Promise<Installation> {
  const needTeam = !configured.teamId && !configured.enterpriseId;
  const auth = needTeam || !configured.appId ? await client.auth.test({ token }) : null;
  let appId = configured.appId ?? null;
  if (!appId) {
    const botId = id(auth?.bot_id);
    const bot = botId ? await client.bots.info({ token, bot: botId }) : null;
    appId = id(bot?.bot?.app_id);
  }
  if (!needTeam)
    return {
      teamId: configured.teamId ?? null,
      enterpriseId: configured.enterpriseId ?? null,
      appId,
      enterpriseInstall: !configured.teamId,
    };
  return {
    teamId: id(auth?.team_id),
    enterpriseId: id(auth?.enterprise_id),
    appId,
    enterpriseInstall: auth?.is_enterprise_install === true,
  };
}

export interface ServedCheck {
  /** « Is this team / app served? » — the one question every request goes through. */
  isServed(origin: RequestOrigin): Promise<boolean>;
  /** Learns the installation now (at start), so that the first request does not wait on Slack. */
  warmUp(): Promise<readonly Installation[]>;
  /** Forgets the installations learnt: the next request reads them again (one installed or removed). */
  forget(): void;
  middleware: Middleware<AnyMiddlewareArgs>;
}

/**
 * The installations are learnt once and kept; if Slack cannot be reached, requests are refused (nothing
 * is served without knowing whom to serve) and the next request tries again.
 */
export function createServedCheck(load: () => Promise<readonly Installation[]>, log: Logger): ServedCheck {
  let known: Promise<readonly Installation[]> | null = null;
  const installations = (): Promise<readonly Installation[]> => {
    known ??= load().then(
      (list) => {
        log.info("slack.installation", {
          installations: list.map((i) => ({ teamId: i.teamId, enterpriseId: i.enterpriseId, appId: i.appId })),
        });
        return list;
      },
      (error: unknown) => {
        known = null;
        log.error("slack.installation_unknown", { error: error instanceof Error ? error.message : String(error) });
        return [];
      },
    );
    return known;
  };
  const check: ServedCheck = {
    isServed: async (origin) => isServed(await installations(), origin),
    warmUp: installations,
    forget: () => {
      known = null;
    },
    middleware: async (args) => {
      const origin = originOf(args.body);
      if (await check.isServed(origin)) {
        await args.next();
        return;
      }
      log.warn("request.not_served", describe(args.body, origin));
      // Events are already acknowledged by Bolt; the others get an empty 200 (a modal just closes).
      if ("ack" in args && typeof args.ack === "function") await (args.ack as () => Promise<void>)();
    },
  };
  return check;
}
