// A stand-in for Slack on 127.0.0.1: the Web API and response URLs. The test suite drives the app
// against it, and local mode (`npm run local`) runs the app against it without a workspace.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { firstMultipartPart, parseParams, readBody } from "./http-body.js";
import {
  defaults,
  type FakeAnswer,
  nextId,
  type RecordedCall,
  type Responder,
  type StoredMessage,
} from "./slack-stand-in-answers.js";
import { StandInConversations } from "./slack-stand-in-conversations.js";
import { StandInOAuth } from "./slack-stand-in-oauth.js";

export { slackError } from "./slack-stand-in-answers.js";
export type { FakeAnswer, RecordedCall };

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
  private readonly oauth = new StandInOAuth();
  /** OAuth codes (what Slack puts in the redirect) and the consent each stands for. */
  readonly oauthGrants = this.oauth.grants;

  /** The workspace of a token oauth.v2.access gave; undefined for any other (the configured bot token). */
  teamOfToken(token: string | null): string | undefined {
    return this.oauth.teamOfToken(token);
  }

  /** oauth.v2.access: a code exchanged once for a bot token, or (token rotation) a refresh token for a new one. */
  oauthAccess(p: Record<string, unknown>): FakeAnswer {
    return this.oauth.access(p, this.identity.appId);
  }
  /** When set, chat.postMessage more often than this per channel gets a 429. */
  perChannelIntervalMs = 0;
  url = "";
  /** The clock of the ts the stand-in gives to posts (tests running Vigie on a fixed clock set it too). */
  clock: () => number = Date.now;
  private readonly conversations = new StandInConversations();

  /** Adds a message to a conversation as if someone (a person, another app) had posted it. */
  addMessage(channel: string, message: Omit<StoredMessage, "ts"> & { ts?: string }): StoredMessage {
    return this.conversations.add(channel, message, this.clock());
  }

  /** The messages of a conversation, oldest first. */
  messagesIn(channel: string): readonly StoredMessage[] {
    return this.conversations.messagesIn(channel);
  }

  /** conversations.history as Slack pages it (see StandInConversations.historyPage). */
  historyPage(p: Record<string, unknown>): FakeAnswer {
    return this.conversations.historyPage(p);
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
    this.oauth.clear();
    this.clock = Date.now;
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
      this.conversations.keepPost(params, answer.body, this.clock());
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
