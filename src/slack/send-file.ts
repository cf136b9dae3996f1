// A file for one person, in their direct conversation with Vigie (never in a channel: an export or a report is
// the requester's to share). Slack's three-step upload: getUploadURLExternal, the bytes, completeUploadExternal.
import type { WebClient } from "@slack/web-api";

export interface FileForUser {
  userId: string;
  filename: string;
  title: string;
  /** Text (a CSV, sent as UTF-8) or bytes (a PDF). */
  content: string | Buffer;
  /** The message that comes with the file (none when the file follows a message of its own). */
  comment?: string;
}

/** Resolves with the direct conversation's id; rejects with Slack's error (missing_scope, …). */
export async function sendFileToUser(client: WebClient, file: FileForUser): Promise<string> {
  const opened = await client.conversations.open({ users: file.userId });
  const channelId = opened.channel?.id;
  if (!channelId) throw new Error("conversations.open returned no channel");
  await client.filesUploadV2({
    channel_id: channelId,
    file: typeof file.content === "string" ? Buffer.from(file.content, "utf8") : file.content,
    filename: file.filename,
    title: file.title,
    ...(file.comment ? { initial_comment: file.comment } : {}),
  });
  return channelId;
}
