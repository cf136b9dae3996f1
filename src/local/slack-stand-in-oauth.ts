import { type FakeAnswer, nextId, slackError } from "./slack-stand-in-answers.js";

/** A workspace's consent in the OAuth flow: what oauth.v2.access answers for its code. */
export interface OAuthGrant {
  teamId: string;
  /** Who clicked « Autoriser ». */
  userId: string;
  /** Token rotation on: the bot token expires after this many seconds and comes with a refresh token. */
  expiresIn?: number;
}

/** The stand-in's side of Slack's OAuth: codes a test grants, the tokens they are exchanged for, their rotation. */
export class StandInOAuth {
  /** OAuth codes (what Slack puts in the redirect) and the consent each stands for. */
  readonly grants = new Map<string, OAuthGrant>();
  /** Tokens and refresh tokens given by oauth.v2.access → their grant. */
  private issued = new Map<string, OAuthGrant>();

  /** The workspace of a token oauth.v2.access gave; undefined for any other (the configured bot token). */
  teamOfToken(token: string | null): string | undefined {
    return token ? this.issued.get(token)?.teamId : undefined;
  }

  /** oauth.v2.access: a code exchanged once for a bot token, or (token rotation) a refresh token for a new one. */
  access(p: Record<string, unknown>, appId: string): FakeAnswer {
    const refreshing = p.grant_type === "refresh_token";
    const grant = refreshing ? this.issued.get(String(p.refresh_token)) : this.grants.get(String(p.code));
    if (!grant) return slackError(refreshing ? "invalid_refresh_token" : "invalid_code");
    if (refreshing) this.issued.delete(String(p.refresh_token));
    else this.grants.delete(String(p.code));
    const token = `xoxb-${grant.teamId}-${nextId()}`;
    this.issued.set(token, grant);
    const rotation: Record<string, unknown> = {};
    if (grant.expiresIn !== undefined) {
      const refresh = `xoxe-1-${grant.teamId}-${nextId()}`;
      this.issued.set(refresh, grant);
      Object.assign(rotation, { refresh_token: refresh, expires_in: grant.expiresIn });
    }
    return {
      body: {
        access_token: token,
        token_type: "bot",
        scope: "commands,chat:write",
        bot_user_id: "U0VIGIE",
        app_id: appId,
        team: { id: grant.teamId, name: grant.teamId },
        enterprise: null,
        is_enterprise_install: false,
        authed_user: { id: grant.userId },
        ...rotation,
      },
    };
  }

  clear(): void {
    this.grants.clear();
    this.issued.clear();
  }
}
