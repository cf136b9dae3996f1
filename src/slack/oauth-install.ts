// « Add to Slack » for any workspace (OAuth mode): @slack/oauth's InstallProvider serves the install path and
// the redirect (state signed with SLACK_STATE_SECRET and checked against the browser's cookie), exchanges the
// code with oauth.v2.access, and keeps the installation through the Prisma-backed store; its authorize()
// gives each request, and each scheduled send, the token of its workspace, refreshed first when it expires.
import type { IncomingMessage, ServerResponse } from "node:http";
import { InstallProvider } from "@slack/oauth";
import type { AppDeps } from "../app/deps.js";
import type { OAuthConfig } from "../config.js";
import { toBoltLogger } from "../logger.js";
import { prismaInstallationStore } from "./installation-store.js";

/** The bot scopes Vigie asks for when installed (manifest.yml says beside each which feature needs it). */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "im:write",
  "users:read",
  "files:write",
  "files:read",
  "users:read.email",
  "im:history",
  "channels:history",
  "groups:history",
] as const;

const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

const page = (title: string, text: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family:sans-serif;max-width:40em;margin:3em auto"><h1>${title}</h1><p>${text}</p></body></html>`;

function answer(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(html);
}

interface OAuthInstall {
  installer: InstallProvider;
  routes: { path: string; method: string[]; handler: (req: IncomingMessage, res: ServerResponse) => void }[];
}

export function createOAuthInstall(deps: AppDeps, oauth: OAuthConfig, changed: () => void): OAuthInstall {
  const { config, log } = deps;
  const installer = new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: prismaInstallationStore(deps.store.installations, deps.now, changed),
    installUrlOptions: { scopes: [...BOT_SCOPES] },
    logger: toBoltLogger(log, config.logLevel),
    clientOptions: config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {},
  });
  const fail = (error: unknown, res: ServerResponse) => {
    log.warn("slack.install_failed", { error: error instanceof Error ? error.message : String(error) });
    answer(
      res,
      400,
      page(
        "Installation interrompue",
        "Vigie n'a pas été installé : le lien a expiré ou l'autorisation a été refusée. Recommencez depuis la page d'installation.",
      ),
    );
  };
  return {
    installer,
    routes: [
      {
        path: INSTALL_PATH,
        method: ["GET"],
        handler: (req, res) => void installer.handleInstallPath(req, res).catch((e: unknown) => fail(e, res)),
      },
      {
        path: REDIRECT_PATH,
        method: ["GET"],
        handler: (req, res) =>
          void installer.handleCallback(req, res, {
            success: (installation, _o, _req, r) => {
              log.info("slack.installed", {
                teamId: installation.team?.id ?? null,
                enterpriseId: installation.enterprise?.id ?? null,
              });
              answer(
                r,
                200,
                page(
                  "Vigie est installé",
                  "Vigie suit désormais les contrats de votre espace de travail. Un coordonnateur crée le premier avec « /csi contrat nouveau ».",
                ),
              );
            },
            failure: (error, _o, _req, r) => fail(error, r),
          }),
      },
    ],
  };
}
