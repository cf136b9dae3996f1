// An image for a Block Kit message: uploaded to Slack without sharing it anywhere (files.uploadV2 with no
// channel), then shown by an image block's `slack_file` — so it is never posted as a file of its own.
import type { WebClient } from "@slack/web-api";

export interface ImageUpload {
  png: Buffer;
  filename: string;
  title: string;
}

/** Resolves with the uploaded file's id; rejects with Slack's error (missing_scope, …). */
export async function uploadImage(client: WebClient, image: ImageUpload): Promise<string> {
  const res = await client.filesUploadV2({ file: image.png, filename: image.filename, title: image.title });
  const id = res.files?.flatMap((f) => f.files ?? []).find((f) => f.id)?.id;
  if (!id) throw new Error("files.uploadV2 returned no file id");
  return id;
}
