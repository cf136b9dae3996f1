// Reading a request's body in the Slack stand-in: form fields (objects sent as JSON strings), JSON, or the first
// part of a multipart upload, byte for byte.
import type { IncomingMessage } from "node:http";

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The first part of a multipart/form-data body (a file upload sends one), byte for byte (a PDF, a PNG). */
export function firstMultipartPart(raw: Buffer, contentType: string | undefined): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? "");
  const mark = boundary ? `--${boundary[1] ?? boundary[2]}` : null;
  if (!mark) return raw;
  const start = raw.indexOf(mark);
  const bodyStart = raw.indexOf("\r\n\r\n", start);
  const end = raw.indexOf(`\r\n${mark}`, bodyStart);
  return start < 0 || bodyStart < 0 || end < 0 ? raw : raw.subarray(bodyStart + 4, end);
}

export function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client sends objects (blocks, view) as JSON strings inside form fields.
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
