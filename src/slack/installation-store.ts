// Bolt's installation store (@slack/oauth's InstallationStore) over the Installation table: what the OAuth
// redirect stores, what each request's authorize() and each job's token lookup fetch, and what a token
// refresh replaces. The repository seals the installation (tokens included) before writing it.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import { type InstallationsRepo, installationKeys } from "../store/installations-repo.js";

type AnyInstallation = Installation<"v1" | "v2", boolean>;

/** The installation that serves a query: an org-wide one by its organisation, else the workspace's own, else its organisation's. */
const keysFor = (query: InstallationQuery<boolean>): string[] =>
  installationKeys({
    teamId: query.teamId ?? null,
    enterpriseId: query.enterpriseId ?? null,
    enterpriseInstall: query.isEnterpriseInstall === true,
  });

export function prismaInstallationStore(
  repo: InstallationsRepo,
  now: () => Date,
  /** Called after an installation is stored or removed (the list of served workspaces changed). */
  changed: () => void,
): InstallationStore {
  return {
    async storeInstallation(installation) {
      const enterpriseInstall = installation.isEnterpriseInstall === true;
      await repo.save(
        {
          teamId: installation.team?.id ?? null,
          enterpriseId: installation.enterprise?.id ?? null,
          enterpriseInstall,
          appId: installation.appId ?? null,
          botUserId: installation.bot?.userId ?? null,
          installedBy: installation.user.id ?? null,
          tokenExpiresAt: installation.bot?.expiresAt ? new Date(installation.bot.expiresAt * 1000) : null,
        },
        JSON.stringify(installation),
        now(),
      );
      changed();
    },
    async fetchInstallation(query) {
      for (const key of keysFor(query)) {
        const found = await repo.find(key);
        if (found) return JSON.parse(found.secret) as AnyInstallation;
      }
      throw new Error("No installation of Vigie for this workspace");
    },
    async deleteInstallation(query) {
      for (const key of keysFor(query).slice(0, 1)) await repo.revoke(key, "deleteInstallation", now());
      changed();
    },
  };
}
