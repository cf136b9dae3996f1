import type { KnownBlock } from "@slack/types";
import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
} from "@slack/web-api";
import type { Locale } from "../domain/types.js";
import type { Logger } from "../logger.js";
import { type FileForUser, sendFileToUser } from "./send-file.js";
import { type ImageUpload, uploadImage } from "./upload-image.js";
import { appLocaleOf } from "./user-locale.js";

/** A scheduled message: where, what, and the delivery keys it carries in its metadata (several when folded). */
interface OutgoingMessage {
  channel: string;
  text: string;
  blocks: KnownBlock[];
  keys: readonly string[];
}

type SendResult =
  | { ok: true; channel: string; ts: string }
  /** undeliverable: retrying will not help (user deactivated, bot not in channel…). */
  | { ok: false; undeliverable: boolean; reason: string };

/** What a retry learns before posting again: which of its keys are in Slack already (with their ts), or that it could not tell. */
type PostedCheck = { posted: Map<string, string>; channel: string } | { posted: "unknown"; reason: string };

export interface SlackSender {
  post(message: OutgoingMessage): Promise<SendResult>;
  /** Looks for messages carrying any of `keys` in their metadata, posted to `channel` since `since`. */
  findPosted(channel: string, keys: readonly string[], since: Date): Promise<PostedCheck>;
  /** The recipient's language: a person's Slack locale (French when Slack does not say), French for a channel. */
  localeOf(target: string): Promise<Locale>;
  /** Uploads an image shown by messages (a chart), shared nowhere; resolves with its file id. */
  uploadImage?(image: ImageUpload): Promise<string>;
  /** Sends a file (a meeting's .ics) to a person's direct conversation with Vigie; rejects with Slack's error. */
  shareFile?(file: FileForUser): Promise<void>;
  /** A person's name and e-mail address as Slack gives them (an invitation's ATTENDEE); undefined when unknown. */
  contactOf?(userId: string): Promise<{ name?: string; email?: string } | undefined>;
}

/** The delivery keys a message's metadata carries: `key` (one) and `keys` (space-separated, folded messages). */
function keysInMetadata(metadata: { event_type?: string; event_payload?: unknown } | undefined): string[] {
  if (metadata?.event_type !== DELIVERY_EVENT_TYPE) return [];
  const payload = (metadata.event_payload ?? {}) as { key?: unknown; keys?: unknown };
  const keys = typeof payload.keys === "string" ? payload.keys.split(" ").filter(Boolean) : [];
  return typeof payload.key === "string" && !keys.includes(payload.key) ? [payload.key, ...keys] : keys;
}

/** Slack errors that mean the recipient cannot be reached: recorded and reported, never retried. */
const UNDELIVERABLE_ERRORS: ReadonlySet<string> = new Set([
  "user_not_found",
  "users_not_found",
  "account_inactive",
  "user_disabled",
  "user_is_bot",
  "cannot_dm_bot",
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "restricted_action",
  "restricted_action_read_only_channel",
  "restricted_action_non_threadable_channel",
  "ekm_access_denied",
  "team_access_not_granted",
  "messages_tab_disabled",
]);

const DELIVERY_EVENT_TYPE = "vigie_delivery";

/** conversations.history page size (Slack advises at most 200) and how many pages a retry may read. */
const HISTORY_PAGE = 200;
const MAX_HISTORY_PAGES = 100;

interface SenderOptions {
  /** Minimum time between two posts to one channel (Slack: about one message per second per channel). */
  perChannelIntervalMs?: number;
  /** How many 429 answers one message may get before it is left for a later pass. */
  maxRateLimitRetries?: number;
  log?: Logger;
  /** Injected for tests; waits `ms` milliseconds. */
  sleep?: (ms: number) => Promise<void>;
  /** Monotonic milliseconds for pacing (not the domain clock). */
  monotonic?: () => number;
  /** A person's Slack locale (`en-US`…), from the app's users.info cache; undefined when Slack does not say. */
  slackLocaleOf?: (userId: string) => Promise<string | undefined>;
  /** A person's name and e-mail address, from the same cache. */
  slackContactOf?: (userId: string) => Promise<{ name?: string; email?: string } | undefined>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A Web API client that lets the sender handle 429 and retries itself, so the pacing stays in one place. */
export function createSenderClient(token: string, apiUrl?: string): WebClient {
  return new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
}

export function classifySlackError(error: unknown): {
  rateLimitedFor?: number;
  undeliverable: boolean;
  reason: string;
} {
  if (error instanceof WebAPIRateLimitedError)
    return { rateLimitedFor: error.retryAfter, undeliverable: false, reason: "ratelimited" };
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    if (code === "ratelimited") return { rateLimitedFor: 1, undeliverable: false, reason: code };
    return { undeliverable: UNDELIVERABLE_ERRORS.has(code), reason: code };
  }
  if (error instanceof WebAPIHTTPError) return { undeliverable: false, reason: `http_${error.statusCode}` };
  if (error instanceof WebAPIRequestError)
    return { undeliverable: false, reason: `request_error: ${error.original.message}` };
  return { undeliverable: false, reason: error instanceof Error ? error.message : String(error) };
}

/**
 * Posts scheduled messages: one channel's posts at least `perChannelIntervalMs` apart (posts to
 * different channels go in parallel), a 429 waits its Retry-After on that channel and tries again.
 */
export function createSlackSender(client: WebClient, options: SenderOptions = {}): SlackSender {
  const interval = options.perChannelIntervalMs ?? 1000;
  const maxRetries = options.maxRateLimitRetries ?? 5;
  const sleep = options.sleep ?? realSleep;
  const clock = options.monotonic ?? (() => performance.now());
  const nextSlot = new Map<string, number>();

  /** Reserves the channel's next free slot and waits for it. */
  const takeSlot = async (channel: string) => {
    const now = clock();
    const slot = Math.max(now, nextSlot.get(channel) ?? 0);
    nextSlot.set(channel, slot + interval);
    if (slot > now) await sleep(slot - now);
  };

  return {
    async post(message) {
      for (let attempt = 0; ; attempt += 1) {
        await takeSlot(message.channel);
        try {
          const res = await client.chat.postMessage({
            channel: message.channel,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            metadata: {
              event_type: DELIVERY_EVENT_TYPE,
              event_payload: { key: message.keys[0] ?? "", keys: message.keys.join(" ") },
            },
          });
          return { ok: true, channel: res.channel ?? message.channel, ts: res.ts ?? "" };
        } catch (error) {
          const c = classifySlackError(error);
          if (c.rateLimitedFor === undefined) return { ok: false, undeliverable: c.undeliverable, reason: c.reason };
          if (attempt >= maxRetries) return { ok: false, undeliverable: false, reason: "ratelimited" };
          const waitMs = Math.max(1, c.rateLimitedFor) * 1000;
          options.log?.warn("slack.rate_limited", { channel: message.channel, retryAfterS: c.rateLimitedFor });
          // Nothing else goes to this channel before the wait is over.
          nextSlot.set(message.channel, Math.max(nextSlot.get(message.channel) ?? 0, clock() + waitMs));
        }
      }
    },

    uploadImage: (image) => uploadImage(client, image),

    async shareFile(file) {
      await takeSlot(file.userId);
      await sendFileToUser(client, file);
    },

    async contactOf(userId) {
      return options.slackContactOf?.(userId).catch(() => undefined);
    },

    async localeOf(target) {
      if (!/^[UW]/.test(target) || !options.slackLocaleOf) return "fr";
      return appLocaleOf(await options.slackLocaleOf(target).catch(() => undefined));
    },

    async findPosted(channel, keys, since) {
      try {
        let conversation = channel;
        if (/^[UW]/.test(channel)) {
          const opened = await client.conversations.open({ users: channel });
          conversation = opened.channel?.id ?? channel;
        }
        // Every page since the delivery fell due (a post comes after its claim, a claim after its due
        // instant), however many messages were posted since: the newest 200 alone missed it in a busy channel.
        let cursor: string | undefined;
        const wanted = new Set(keys);
        const posted = new Map<string, string>();
        for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
          const history = await client.conversations.history({
            channel: conversation,
            oldest: String(Math.floor(since.getTime() / 1000) - 60),
            include_all_metadata: true,
            limit: HISTORY_PAGE,
            ...(cursor ? { cursor } : {}),
          });
          for (const m of history.messages ?? []) {
            if (!m.ts) continue;
            for (const k of keysInMetadata(m.metadata)) if (wanted.has(k) && !posted.has(k)) posted.set(k, m.ts);
          }
          cursor = history.response_metadata?.next_cursor || undefined;
          if (posted.size === wanted.size || !history.has_more || !cursor) return { posted, channel: conversation };
        }
        return { posted: "unknown", reason: `more than ${MAX_HISTORY_PAGES * HISTORY_PAGE} messages since the claim` };
      } catch (error) {
        return { posted: "unknown", reason: classifySlackError(error).reason };
      }
    },
  };
}
