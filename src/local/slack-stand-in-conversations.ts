import { conversationOf, type FakeAnswer, type StoredMessage, tsAt } from "./slack-stand-in-answers.js";

/** Every message of each conversation, oldest first, and conversations.history paging through them. */
export class StandInConversations {
  private byChannel = new Map<string, StoredMessage[]>();

  /** Adds a message (its ts given, or taken at `now`), kept in ts order whatever the order of arrival. */
  add(channel: string, message: Omit<StoredMessage, "ts"> & { ts?: string }, now: number): StoredMessage {
    const stored: StoredMessage = { ...message, ts: message.ts ?? tsAt(now) };
    const list = this.byChannel.get(conversationOf(channel)) ?? [];
    list.push(stored);
    // A test may add older messages after newer ones.
    list.sort((a, b) => Number(a.ts) - Number(b.ts));
    this.byChannel.set(conversationOf(channel), list);
    return stored;
  }

  /** The messages of a conversation, oldest first. */
  messagesIn(channel: string): readonly StoredMessage[] {
    return this.byChannel.get(conversationOf(channel)) ?? [];
  }

  /** A post Slack accepted joins its conversation (with its metadata), as conversations.history will show it. */
  keepPost(params: Record<string, unknown>, body: Record<string, unknown>, now: number): void {
    const metadata = params.metadata as StoredMessage["metadata"] | undefined;
    this.add(
      String(params.channel),
      {
        ...(typeof body.ts === "string" ? { ts: body.ts } : {}),
        ...(typeof params.text === "string" ? { text: params.text } : {}),
        bot_id: "B0VIGIE",
        ...(metadata && typeof metadata === "object" ? { metadata } : {}),
      },
      now,
    );
  }

  /**
   * conversations.history as Slack pages it: newest first, `oldest`/`latest` bounds (exclusive unless
   * `inclusive`), `limit` (default 100, at most 999), `has_more` and `response_metadata.next_cursor`.
   * Metadata is returned only with `include_all_metadata`.
   */
  historyPage(p: Record<string, unknown>): FakeAnswer {
    const all = this.byChannel.get(String(p.channel ?? "")) ?? [];
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

  clear(): void {
    this.byChannel.clear();
  }
}
