import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { recordAudit } from "./audit-repo.js";
import { type Clock, KEEP_READS_MS, keptReads } from "./kept-reads.js";
import type { TokenCipher } from "./token-cipher.js";

/** Which workspace or organisation an installation is: the ids requests and jobs are matched on. */
interface InstallationIds {
  teamId: string | null;
  enterpriseId: string | null;
  enterpriseInstall: boolean;
}

interface StoredInstallation extends InstallationIds {
  appId: string | null;
  botUserId: string | null;
  tokenExpiresAt: Date | null;
  installedAt: Date;
  revokedAt: Date | null;
}

/** `T:<team>` or, for an organisation-wide install, `E:<enterprise>`: one row per installation. */
export function installationKey(ids: InstallationIds): string | null {
  if (ids.enterpriseInstall) return ids.enterpriseId ? `E:${ids.enterpriseId}` : null;
  return ids.teamId ? `T:${ids.teamId}` : null;
}

/**
 * The installations that may serve a request or a job, in order (Bolt's InstallationQuery): an org-wide install is
 * matched on its Enterprise Grid organisation (`isEnterpriseInstall`, `enterpriseId`), never on a team id; a
 * workspace's own install on its team id, else its organisation's org-wide one.
 */
export function installationKeys(ids: {
  teamId: string | null;
  enterpriseId: string | null;
  enterpriseInstall: boolean;
}): string[] {
  const keys = [installationKey(ids), ids.enterpriseId ? `E:${ids.enterpriseId}` : null];
  return [...new Set(keys.filter((k): k is string => k !== null))];
}

const meta = {
  teamId: true,
  enterpriseId: true,
  enterpriseInstall: true,
  appId: true,
  botUserId: true,
  tokenExpiresAt: true,
  installedAt: true,
  revokedAt: true,
} as const;

/**
 * Bolt (InstallProvider.authorize) refreshes a token that expires within 2 hours: an installation whose token
 * expires within that (plus the keeping time) is always read afresh, so that its refresh, or another process's,
 * is never missed.
 */
const REFRESH_WINDOW_MS = 2 * 3_600_000;

type Found = { installation: StoredInstallation; secret: string } | null;

/**
 * The installations of OAuth mode. What Slack gave for one (its tokens) is an opaque text to this repository,
 * sealed before it is written and opened when read: no token is ever stored in clear. Without a cipher (the
 * single-token mode) installations can be listed but not written or opened.
 */
export function createInstallationsRepo(
  prisma: PrismaClient,
  cipher: TokenCipher | null,
  options: { keepForMs?: number; clock?: Clock; wallClock?: () => number } = {},
) {
  const need = (): TokenCipher => {
    if (!cipher) throw new Error("VIGIE_TOKEN_KEY is not set: installations cannot be written or read");
    return cipher;
  };
  const keepForMs = options.keepForMs ?? KEEP_READS_MS;
  const wallClock = options.wallClock ?? Date.now;
  // Every request's authorize() reads its workspace's installation: kept a few seconds, forgotten on every write here.
  const kept = keptReads<Found>(keepForMs, options.clock ?? (() => performance.now()));
  const farFromRefresh = (found: Found) =>
    found !== null &&
    (found.installation.tokenExpiresAt === null ||
      found.installation.tokenExpiresAt.getTime() - wallClock() > REFRESH_WINDOW_MS + keepForMs);
  return {
    /** Stores (or replaces, on a re-install or a token refresh) an installation; a revoked one comes back. */
    async save(
      ids: InstallationIds & {
        appId: string | null;
        botUserId: string | null;
        installedBy: string | null;
        tokenExpiresAt: Date | null;
      },
      secret: string,
      now: Date,
    ): Promise<void> {
      const key = installationKey(ids);
      if (!key) throw new Error("An installation names its workspace (or its organisation for an org-wide install)");
      const sealed = need().seal(secret);
      const data = {
        teamId: ids.enterpriseInstall ? null : ids.teamId,
        enterpriseId: ids.enterpriseId,
        enterpriseInstall: ids.enterpriseInstall,
        appId: ids.appId,
        botUserId: ids.botUserId,
        tokenExpiresAt: ids.tokenExpiresAt,
        sealed,
        revokedAt: null,
      };
      try {
        await prisma.installation.upsert({
          where: { key },
          create: { key, ...data, installedBy: ids.installedBy, installedAt: now },
          update: { ...data, ...(ids.installedBy ? { installedBy: ids.installedBy } : {}) },
        });
      } finally {
        kept.forget();
      }
    },
    /**
     * The installation's ids and its opened secret, unless it is unknown or revoked. Kept a few seconds (not an
     * absence, nor a token close to its refresh); the caller gets its own copy of the ids.
     */
    async find(key: string): Promise<Found> {
      const found = await kept.get(
        key,
        async () => {
          const row = await prisma.installation.findUnique({ where: { key } });
          if (!row || row.revokedAt) return null;
          const { sealed, ...rest } = row;
          return { installation: { ...rest }, secret: need().open(sealed) };
        },
        farFromRefresh,
      );
      return found && { installation: { ...found.installation }, secret: found.secret };
    },
    /** Installations still in force (not uninstalled, tokens not revoked). */
    async listActive(): Promise<StoredInstallation[]> {
      return prisma.installation.findMany({
        where: { revokedAt: null },
        select: meta,
        orderBy: { installedAt: "asc" },
      });
    },
    /**
     * app_uninstalled / tokens_revoked: no longer served nor sent to, its tokens forgotten; the row, its
     * contracts and their history stay until a coordinator or the operator deletes them. Audited.
     */
    async revoke(key: string, why: string, now: Date): Promise<boolean> {
      const sealed = need().seal("{}");
      const revoked = prisma.$transaction(async (tx) => {
        const { count } = await tx.installation.updateMany({
          where: { key, revokedAt: null },
          data: { revokedAt: now, sealed },
        });
        if (count > 0)
          await recordAudit(tx, {
            actorId: "slack",
            action: "installation.revoke",
            entity: "installation",
            entityId: key,
            details: { why },
            at: now,
          });
        return count > 0;
      });
      // Forgotten whether it succeeded or not: the next request reads what the database says.
      return revoked.finally(() => kept.forget());
    },
    /**
     * Who installed Vigie for this workspace (they may start its first contract): its own installation's installer,
     * else, in an Enterprise Grid organisation, the installer of the org-wide installation; null if not installed.
     */
    async installerOf(ids: { teamId: string | null; enterpriseId: string | null }): Promise<string | null> {
      for (const key of installationKeys({ ...ids, enterpriseInstall: false })) {
        const row = await prisma.installation.findUnique({ where: { key } });
        if (row && !row.revokedAt) return row.installedBy;
      }
      return null;
    },
  };
}
export type InstallationsRepo = ReturnType<typeof createInstallationsRepo>;
