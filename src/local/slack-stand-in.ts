// A stand-in for Slack on 127.0.0.1: the Web API and response URLs. The test suite drives the app
// against it, and local mode (`npm run local`) runs the app against it without a workspace.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { firstMultipartPart, parseParams, readBody } from "./http-body.js";
import {
  conversationOf,
  defaults,
  type FakeAnswer,
  nextId,
  type RecordedCall,
  type Responder,
  type StoredMessage,
  tsAt,
} from "./slack-stand-in-answers.js";

export type { FakeAnswer, RecordedCall };

/** A workspace's consent in the OAuth flow: what oauth.v2.access answers for its code. */
interface OAuthGrant {
  teamId: string;
  /** Who clicked « Autoriser ». */
  userId: string;
  /** Token rotation on: the bot token expires after this many seconds and comes with a refresh token. */
  expiresIn?: number;
}

/** The workspace and app the stand-in says Vigie is installed in (auth.test, bots.info). */
interface StandInIdentity {
  teamId: string;
  appId: string;
}

/**
 * A stand-in for Slack's Web API on 127.0.0.1: records every call, answers like Slack, and can be scripted
 * to fail (errors, HTTP 5xx, 429 with Retry-After) or to rate-limit per channel.
 */
export class FakeSlack {
  constructor(readonly identity: StandInIdentity = { teamId: "T0TEST", appId: "A0VIGIE" }) {}
  readonly calls: RecordedCall[] = [];
  private server?: Server;
  private responders = new Map<string, Responder>();
  private waiters: { match: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  private lastPostPerChannel = new Map<string, number>();
  /** Files a user attached to a modal's file input (addFile), served at /files/<id> to the bot's token. */
  private files = new Map<string, { name: string; filetype: string; bytes: Uint8Array }>();
  /** E-mail address → user id, for users.lookupByEmail. */
  readonly emails = new Map<string, string>();
  /** OAuth codes (what Slack puts in the redirect) and the consent each stands for. */
  readonly oauthGrants = new Map<string, OAuthGrant>();
  /** Tokens and refresh tokens given by oauth.v2.access → their grant. */
  private issued = new Map<string, OAuthGrant>();

  /** The workspace of a token oauth.v2.access gave; undefined for any other (the configured bot token). */
  teamOfToken(token: string | null): string | undefined {
    return token ? this.issued.get(token)?.teamId : undefined;
  }

  /** oauth.v2.access: a code exchanged once for a bot token, or (token rotation) a refresh token for a new one. */
  oauthAccess(p: Record<string, unknown>): FakeAnswer {
    const refreshing = p.grant_type === "refresh_token";
    const grant = refreshing ? this.issued.get(String(p.refresh_token)) : this.oauthGrants.get(String(p.code));
    if (!grant) return slackError(refreshing ? "invalid_refresh_token" : "invalid_code");
    if (refreshing) this.issued.delete(String(p.refresh_token));
    else this.oauthGrants.delete(String(p.code));
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
        app_id: this.identity.appId,
        team: { id: grant.teamId, name: grant.teamId },
        enterprise: null,
        is_enterprise_install: false,
        authed_user: { id: grant.userId },
        ...rotation,
      },
    };
  }
  /** When set, chat.postMessage more often than this per channel gets a 429. */
  perChannelIntervalMs = 0;
  url = "";
  /** The clock of the ts the stand-in gives to posts (tests running Vigie on a fixed clock set it too). */
  clock: () => number = Date.now;
  /** Every message of each conversation, oldest first: what conversations.history pages through. */
  private conversations = new Map<string, StoredMessage[]>();

  /** Adds a message to a conversation as if someone (a person, another app) had posted it. */
  addMessage(channel: string, message: Omit<StoredMessage, "ts"> & { ts?: string }): StoredMessage {
    const stored: StoredMessage = { ...message, ts: message.ts ?? tsAt(this.clock()) };
    const list = this.conversations.get(conversationOf(channel)) ?? [];
    list.push(stored);
    // Kept in ts order whatever the order of arrival (a test may add older messages after newer ones).
    list.sort((a, b) => Number(a.ts) - Number(b.ts));
    this.conversations.set(conversationOf(channel), list);
    return stored;
  }

  /** The messages of a conversation, oldest first. */
  messagesIn(channel: string): readonly StoredMessage[] {
    return this.conversations.get(conversationOf(channel)) ?? [];
  }

  /**
   * conversations.history as Slack pages it: newest first, `oldest`/`latest` bounds (exclusive unless
   * `inclusive`), `limit` (default 100, at most 999), `has_more` and `response_metadata.next_cursor`.
   * Metadata is returned only with `include_all_metadata`.
   */
  historyPage(p: Record<string, unknown>): FakeAnswer {
    const all = this.conversations.get(String(p.channel ?? "")) ?? [];
    const inclusive = p.inclusive === true || p.inclusive === "true" || p.inclusive === "1";
    const oldest = p.oldest === undefined ? Number.NEGATIVE_INFINITY : Number(p.oldest);
    const latest = p.latest === undefined ? Number.POSITIVE_INFINITY : Number(p.latest);
    const inRange = all
      .filter((m) => {
        const t = Number(m.ts);
        return inclusive ? t >= oldest && t <= latest : t > oldest && t < latest;
      })
      .reverse();
    const limit = Math.min(999, Math.max(1, Number(p.limit ?? 100) || 100));
    const offset =
      typeof p.cursor === "string" && p.cursor ? Number(Buffer.from(p.cursor, "base64").toString().slice(7)) : 0;
    const page = inRange.slice(offset, offset + limit);
    const hasMore = offset + limit < inRange.length;
    const withMetadata = p.include_all_metadata === true || p.include_all_metadata === "true";
    return {
      body: {
        messages: page.map(({ metadata, ...m }) => ({
          type: "message",
          ...m,
          ...(withMetadata && metadata ? { metadata } : {}),
        })),
        has_more: hasMore,
        response_metadata: { next_cursor: hasMore ? Buffer.from(`offset:${offset + limit}`).toString("base64") : "" },
      },
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Base URL for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url that records what the app posts to it. */
  responseUrl(id: string): string {
    return `${this.url}/response/${encodeURIComponent(id)}`;
  }

  /** Scripts a method's answer; `once` applies it to the next call only. */
  on(method: string, responder: Responder, options: { once?: boolean } = {}): void {
    if (!options.once) {
      this.responders.set(method, responder);
      return;
    }
    const previous = this.responders.get(method);
    this.responders.set(method, (params, call) => {
      if (previous) this.responders.set(method, previous);
      else this.responders.delete(method);
      return responder(params, call);
    });
  }

  /** A file as a modal's file_input gives it: what view_submission carries in `files`. */
  /** An attached file's name, type and bytes (files.info, the download). */
  fileById(id: string): { name: string; filetype: string; bytes: Uint8Array } | undefined {
    return this.files.get(id);
  }

  addFile(name: string, content: Uint8Array | string): { id: string; name: string; filetype: string } {
    const id = `F${nextId()}`;
    const filetype = name.split(".").pop()?.toLowerCase() ?? "text";
    const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
    this.files.set(id, { name, filetype, bytes });
    return { id, name, filetype };
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === "response_url" && c.responseId === id);
  }

  /** Resolves with the first recorded call (past or future) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (c: RecordedCall) => boolean, timeoutMs = 10_000): Promise<RecordedCall> {
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fake Slack: no matching call within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  waitForResponse(id: string, timeoutMs?: number): Promise<RecordedCall> {
    return this.waitFor((c) => c.method === "response_url" && c.responseId === id, timeoutMs);
  }

  reset(): void {
    this.calls.length = 0;
    this.responders.clear();
    this.lastPostPerChannel.clear();
    this.perChannelIntervalMs = 0;
    this.conversations.clear();
    this.files.clear();
    this.emails.clear();
    this.oauthGrants.clear();
    this.issued.clear();
    this.clock = Date.now;
  }

  /** A post Slack accepted joins its conversation (with its metadata), as conversations.history will show it. */
  private keepPost(params: Record<string, unknown>, body: Record<string, unknown>) {
    const metadata = params.metadata as StoredMessage["metadata"] | undefined;
    this.addMessage(String(params.channel), {
      ...(typeof body.ts === "string" ? { ts: body.ts } : {}),
      ...(typeof params.text === "string" ? { text: params.text } : {}),
      bot_id: "B0VIGIE",
      ...(metadata && typeof metadata === "object" ? { metadata } : {}),
    });
  }

  private record(call: RecordedCall) {
    this.calls.push(call);
    for (const w of [...this.waiters]) {
      if (w.match(call)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const raw = body.toString("utf8");
    const params = parseParams(raw, req.headers["content-type"]);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : typeof params.token === "string" ? params.token : null;

    const responseMatch = /^\/response\/(.+)$/.exec(path);
    if (responseMatch) {
      this.record({
        method: "response_url",
        params,
        token,
        at: Date.now(),
        responseId: decodeURIComponent(responseMatch[1] ?? ""),
      });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    // Step 2 of a file upload: the bytes go to the URL that files.getUploadURLExternal gave.
    const uploadMatch = /^\/upload\/(.+)$/.exec(path);
    if (uploadMatch) {
      const bytes = firstMultipartPart(body, req.headers["content-type"]);
      this.record({
        method: "file_upload",
        // `content` as text (a CSV), `bytes` as sent (a PDF, a PNG).
        params: { file_id: decodeURIComponent(uploadMatch[1] ?? ""), content: bytes.toString("utf8"), bytes },
        token,
        at: Date.now(),
      });
      res.writeHead(200, { "content-type": "text/plain" }).end("OK");
      return;
    }
    const download = /^\/files\/(.+)$/.exec(path);
    if (download) {
      const file = this.files.get(decodeURIComponent(download[1] ?? ""));
      this.record({ method: "file_download", params: { file: download[1] }, token, at: Date.now() });
      if (!file || !token) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.from(file.bytes));
      return;
    }
    const method = path.replace(/^\/api\//, "");
    const call: RecordedCall = { method, params, token, at: Date.now() };
    if (this.perChannelIntervalMs > 0 && method === "chat.postMessage") {
      const channel = String(params.channel);
      const last = this.lastPostPerChannel.get(channel) ?? 0;
      const wait = last + this.perChannelIntervalMs - Date.now();
      if (wait > 0) {
        res.writeHead(429, { "retry-after": String(Math.ceil(wait / 1000)), "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
        return;
      }
      this.lastPostPerChannel.set(channel, Date.now());
    }
    const own = defaults[method];
    const responder: Responder =
      this.responders.get(method) ?? (own ? (p, c) => own(p, c, this.url, this) : () => ({ body: {} }));
    const answer = await responder(params, call);
    if (method === "chat.postMessage" && "body" in answer && answer.body.ok !== false)
      this.keepPost(params, answer.body);
    this.record(call);
    if ("body" in answer) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, ...answer.body }));
    } else if (answer.status === 429 && "retryAfter" in answer) {
      res.writeHead(429, { "retry-after": String(answer.retryAfter), "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
    } else {
      res.writeHead(answer.status, { "content-type": "text/plain" });
      res.end("text" in answer ? (answer.text ?? "") : "");
    }
  }
}

/** A scripted Slack API error, as Slack sends it (HTTP 200, ok: false). */
export const slackError = (error: string): FakeAnswer => ({ body: { ok: false, error } });
