// What the Slack stand-in (slack-stand-in.ts) records and answers: the recorded call, a scripted answer, and its
// own answer to each Web API method it knows, like Slack's.
import type { FakeSlack } from "./slack-stand-in.js";

/** One call the app made to the fake Web API (or to a response_url). */
export interface RecordedCall {
  method: string; // "chat.postMessage", or "response_url" for posts to a response URL
  params: Record<string, unknown>;
  token: string | null;
  at: number;
  /** For response_url posts: the id in /response/<id>. */
  responseId?: string;
}

/** What a scripted method answers: a body (`ok` added when missing), or an HTTP error / 429. */
export type FakeAnswer =
  | { body: Record<string, unknown> }
  | { status: 429; retryAfter: number }
  | { status: number; text?: string };

export type Responder = (params: Record<string, unknown>, call: RecordedCall) => FakeAnswer | Promise<FakeAnswer>;

let counter = 0;
/** A number never given before in this process (ids of views, files, tokens). */
export const nextId = (): number => ++counter;
/** A message ts at `nowMs` (Slack: seconds.sequence), unique in this process. */
export const tsAt = (nowMs: number) => `${Math.floor(nowMs / 1000)}.${String(++counter).padStart(6, "0")}`;
const nextTs = () => tsAt(Date.now());

/** A message as conversations.history returns it. */
export interface StoredMessage {
  ts: string;
  text?: string;
  user?: string;
  bot_id?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** The conversation a post lands in: a direct message to a user (U…/W…) is the DM `D<user>` (as conversations.open answers). */
export const conversationOf = (channel: string): string =>
  /^[UW]/.test(channel) ? `D${channel.replace(/[^A-Z0-9]/g, "")}` : channel;

/** The stand-in's own answers; `url` is its address (an upload URL points back at it). */
export const defaults: Record<
  string,
  (params: Record<string, unknown>, call: RecordedCall, url: string, stand: FakeSlack) => FakeAnswer
> = {
  "auth.test": (_p, call, _url, stand) => ({
    body: {
      url: "https://vigie-test.slack.com/",
      team: "Test",
      user: "vigie",
      team_id: stand.teamOfToken(call.token) ?? stand.identity.teamId,
      user_id: "U0VIGIE",
      bot_id: "B0VIGIE",
      is_enterprise_install: false,
    },
  }),
  "bots.info": (p, _call, _url, stand) => ({
    body: { bot: { id: p.bot, app_id: stand.identity.appId, user_id: "U0VIGIE", name: "vigie", deleted: false } },
  }),
  "oauth.v2.access": (p, _call, _url, stand) => stand.oauthAccess(p),
  "chat.postMessage": (p, _call, _url, stand) => ({
    body: { channel: p.channel, ts: tsAt(stand.clock()), message: { text: p.text } },
  }),
  "conversations.history": (p, _call, _url, stand) => stand.historyPage(p),
  "chat.postEphemeral": () => ({ body: { message_ts: nextTs() } }),
  "chat.update": (p) => ({ body: { channel: p.channel, ts: p.ts } }),
  "conversations.open": (p) => ({ body: { channel: { id: conversationOf(String(p.users ?? "UX")) } } }),
  "views.open": (p) => ({ body: { view: { id: `V${++counter}`, ...(typeof p.view === "object" ? p.view : {}) } } }),
  "views.update": (p) => ({ body: { view: { id: p.view_id ?? `V${++counter}` } } }),
  "views.push": () => ({ body: { view: { id: `V${++counter}` } } }),
  "views.publish": (p) => ({ body: { view: { id: `V${++counter}`, user: p.user_id } } }),
  // Step 1 of a file upload: where to send the bytes (step 2, /upload/… below).
  "files.getUploadURLExternal": (_p, _call, url) => {
    const fileId = `F${++counter}`;
    return { body: { upload_url: `${url}/upload/${fileId}`, file_id: fileId } };
  },
  "files.completeUploadExternal": (p) => ({ body: { files: Array.isArray(p.files) ? p.files : [] } }),
  // A file a test attached to a modal (addFile); its download URL points back at the stand-in.
  "files.info": (p, _call, url, stand) => {
    const id = String(p.file);
    const file = stand.fileById(id);
    if (!file) return { body: { ok: false, error: "file_not_found" } };
    const download = `${url}/files/${id}`;
    const f = { id, name: file.name, filetype: file.filetype, size: file.bytes.byteLength };
    return { body: { file: { ...f, url_private: download, url_private_download: download } } };
  },
  "users.lookupByEmail": (p, _call, _url, stand) => {
    const id = stand.emails.get(String(p.email).toLowerCase());
    return id ? { body: { user: { id, name: id.toLowerCase() } } } : { body: { ok: false, error: "users_not_found" } };
  },
  "users.info": (p) => ({
    body: {
      user: {
        id: p.user,
        name: String(p.user).toLowerCase(),
        locale: "fr-FR",
        tz: "Europe/Paris",
        real_name: `Utilisateur ${String(p.user)}`,
      },
    },
  }),
};

/** A scripted Slack API error, as Slack sends it (HTTP 200, ok: false). */
export const slackError = (error: string): FakeAnswer => ({ body: { ok: false, error } });
