import { randomUUID } from "node:crypto";
import type { KnownBlock, View } from "@slack/types";
import { slackSignatureHeaders } from "./slack-signature.js";
import type { FakeSlack, RecordedCall } from "./slack-stand-in.js";

/** Something Vigie did in answer, as the local console shows it. */
export type Shown =
  | {
      kind: "reply";
      blocks: KnownBlock[];
      text: string;
      responseId: string;
      replaceOriginal: boolean;
      /** response_type "in_channel": everyone in the channel sees it. */
      shared: boolean;
    }
  | { kind: "message"; channel: string; blocks: KnownBlock[]; text: string; ts: string }
  | { kind: "modal"; view: View; viewId: string }
  | { kind: "home"; view: View }
  /** A file Vigie uploaded (an export): where it went, its name, the message with it, its content. */
  | { kind: "file"; channel: string; filename: string; comment: string; content: string; bytes: Buffer }
  | { kind: "http-error"; status: number; body: string };

interface SubmitResult {
  errors?: Record<string, string>;
  /** response_action "update" or "push": the modal shows this view next. */
  next?: View;
  shown: Shown[];
}

/** The workspace and app local mode plays: the stand-in says Vigie is installed there. */
export const LOCAL_TEAM = { id: "T0LOCAL", domain: "chambery-local" };
export const LOCAL_APP_ID = "A0LOCAL";
/** The channel commands are typed in. */
export const COMMAND_CHANNEL = { id: "C0COPIL", name: "copil-csi" };

/**
 * Plays Slack's part in a local session: sends the requests Slack would send (signed), and turns what
 * Vigie sends back to the stand-in into things to show.
 */
export class LocalSession {
  constructor(
    private readonly appUrl: string,
    private readonly signingSecret: string,
    private readonly slack: FakeSlack,
    /** The app's own signal that no request is being handled any more. */
    private readonly requestsSettled: (timeoutMs: number) => Promise<boolean>,
  ) {}

  private async post(body: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`${this.appUrl}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded",
        ...slackSignatureHeaders(this.signingSecret, body),
      },
      body,
    });
    return { status: res.status, body: await res.text() };
  }

  /**
   * What the app sent in answer to a request: everything its listeners did, the work after ack() included.
   * Waiting on the app itself, not on a quiet time, so a slow database never cuts an answer in two
   * (a modal opened with a loading view and then filled in by views.update).
   */
  private async sentSince(since: number): Promise<RecordedCall[]> {
    await new Promise((r) => setImmediate(r)); // an event's listeners start just after Bolt acks it
    await this.requestsSettled(SETTLE_TIMEOUT_MS);
    return this.slack.calls.slice(since);
  }

  /** Step 3 of an upload names the files; their names and bytes came in steps 1 and 2. */
  private uploadedFiles(p: Record<string, unknown>): Shown[] {
    const files = Array.isArray(p.files) ? (p.files as { id?: unknown }[]) : [];
    const asked = this.slack.calls.findLast((c) => c.method === "files.getUploadURLExternal");
    return files.map((f) => {
      const id = String(f.id ?? "");
      const bytes = this.slack.calls.find((c) => c.method === "file_upload" && c.params.file_id === id);
      return {
        kind: "file" as const,
        channel: String(p.channel_id ?? ""),
        filename: String(asked?.params.filename ?? `${id}.txt`),
        comment: typeof p.initial_comment === "string" ? p.initial_comment : "",
        content: typeof bytes?.params.content === "string" ? bytes.params.content : "",
        bytes: Buffer.isBuffer(bytes?.params.bytes) ? bytes.params.bytes : Buffer.alloc(0),
      };
    });
  }

  private toShown(calls: RecordedCall[]): Shown[] {
    const shown: Shown[] = [];
    for (const c of calls) {
      const p = c.params;
      const blocks = (Array.isArray(p.blocks) ? p.blocks : []) as KnownBlock[];
      const text = typeof p.text === "string" ? p.text : "";
      if (c.method === "response_url") {
        shown.push({
          kind: "reply",
          blocks,
          text,
          responseId: c.responseId ?? "",
          replaceOriginal: p.replace_original === true,
          shared: p.response_type === "in_channel",
        });
      } else if (c.method === "chat.postMessage" || c.method === "chat.postEphemeral") {
        shown.push({
          kind: "message",
          channel: String(p.channel ?? p.user ?? ""),
          blocks,
          text,
          ts: String(c.params.ts ?? ""),
        });
      } else if (c.method === "views.open" || c.method === "views.update" || c.method === "views.push") {
        const view = p.view as View | undefined;
        if (!view) continue;
        // A modal opened with a loading view and then updated is one modal: the update replaces it.
        const open = shown.findIndex((x) => x.kind === "modal");
        const item: Shown = { kind: "modal", view, viewId: String(p.view_id ?? `V${randomUUID().slice(0, 8)}`) };
        if (open >= 0 && c.method === "views.update") shown[open] = item;
        else shown.push(item);
      } else if (c.method === "views.publish") {
        const view = p.view as View | undefined;
        if (view) shown.push({ kind: "home", view });
      } else if (c.method === "files.completeUploadExternal" && p.channel_id) {
        // An upload shared nowhere is an image that a message shows (a chart): the message says it.
        shown.push(...this.uploadedFiles(p));
      }
    }
    return shown;
  }

  /** `/csi <text>` as `userId` typed it. */
  async command(userId: string, text: string, channel = COMMAND_CHANNEL): Promise<Shown[]> {
    const since = this.slack.calls.length;
    const responseId = randomUUID();
    const body = new URLSearchParams({
      team_id: LOCAL_TEAM.id,
      team_domain: LOCAL_TEAM.domain,
      channel_id: channel.id,
      channel_name: channel.name,
      user_id: userId,
      user_name: userId.toLowerCase(),
      command: "/csi",
      text,
      api_app_id: LOCAL_APP_ID,
      response_url: this.slack.responseUrl(responseId),
      trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}`,
    }).toString();
    const res = await this.post(body);
    if (res.status !== 200) return [{ kind: "http-error", status: res.status, body: res.body }];
    return this.toShown(await this.sentSince(since));
  }

  /** A button pressed in a message (with its response_url) or in the Home tab / a modal. */
  async press(
    userId: string,
    button: { actionId: string; blockId?: string; value?: string },
    where: { message?: { blocks: KnownBlock[]; channel: string }; view?: View },
  ): Promise<Shown[]> {
    const since = this.slack.calls.length;
    const responseId = randomUUID();
    const payload = {
      type: "block_actions",
      team: LOCAL_TEAM,
      user: { id: userId, username: userId.toLowerCase(), team_id: LOCAL_TEAM.id },
      api_app_id: LOCAL_APP_ID,
      trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}`,
      container: where.view
        ? { type: "view", view_id: "VHOME" }
        : { type: "message", channel_id: where.message?.channel ?? COMMAND_CHANNEL.id, is_ephemeral: true },
      ...(where.message
        ? {
            channel: { id: where.message.channel },
            message: { ts: `${Date.now() / 1000}`, blocks: where.message.blocks },
            response_url: this.slack.responseUrl(responseId),
          }
        : {}),
      ...(where.view ? { view: { id: "VHOME", ...where.view } } : {}),
      actions: [
        {
          type: "button",
          action_id: button.actionId,
          block_id: button.blockId ?? "",
          value: button.value,
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    };
    const res = await this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    if (res.status !== 200) return [{ kind: "http-error", status: res.status, body: res.body }];
    return this.toShown(await this.sentSince(since));
  }

  /** Submits a modal with the given state values, exactly as Slack does. */
  /** A file from disk attached to a modal's file input: handed to the stand-in, as Slack holds an upload. */
  attachFile(name: string, bytes: Uint8Array): { id: string; name: string; filetype: string } {
    return this.slack.addFile(name, bytes);
  }

  async submit(
    userId: string,
    view: View,
    viewId: string,
    values: Record<string, Record<string, Record<string, unknown>>>,
  ): Promise<SubmitResult> {
    const since = this.slack.calls.length;
    const v = view as unknown as Record<string, unknown>;
    const payload = {
      type: "view_submission",
      team: LOCAL_TEAM,
      user: { id: userId, username: userId.toLowerCase(), team_id: LOCAL_TEAM.id },
      api_app_id: LOCAL_APP_ID,
      trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}`,
      view: {
        ...v,
        id: viewId,
        team_id: LOCAL_TEAM.id,
        state: { values },
        hash: `${Date.now()}.hash`,
        callback_id: v.callback_id,
        private_metadata: v.private_metadata ?? "",
      },
      response_urls: [],
    };
    const res = await this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    if (res.status !== 200) return { shown: [{ kind: "http-error", status: res.status, body: res.body }] };
    const answer = res.body
      ? (JSON.parse(res.body) as { response_action?: string; errors?: Record<string, string>; view?: View })
      : {};
    if (answer.response_action === "errors") return { errors: answer.errors ?? {}, shown: [] };
    const shown = this.toShown(await this.sentSince(since));
    if (answer.response_action === "update" || answer.response_action === "push") return { next: answer.view, shown };
    return { shown };
  }

  /** Opens the Home tab: Slack sends app_home_opened, Vigie publishes the view. */
  async openHome(userId: string): Promise<Shown[]> {
    const since = this.slack.calls.length;
    const body = JSON.stringify({
      token: "local",
      team_id: LOCAL_TEAM.id,
      api_app_id: LOCAL_APP_ID,
      type: "event_callback",
      event_id: `Ev${randomUUID().slice(0, 10)}`,
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: "app_home_opened",
        user: userId,
        channel: `D${userId}`,
        tab: "home",
        event_ts: `${Date.now() / 1000}`,
      },
    });
    const res = await this.post(body);
    if (res.status !== 200) return [{ kind: "http-error", status: res.status, body: res.body }];
    return this.toShown(await this.sentSince(since));
  }

  /** What the app sent since `since` (scheduler ticks). */
  shownSince(since: number): Shown[] {
    return this.toShown(this.slack.calls.slice(since));
  }
}

/** Longer than any answer Vigie gives; past it, the console shows what has come and goes on. */
const SETTLE_TIMEOUT_MS = 60_000;
