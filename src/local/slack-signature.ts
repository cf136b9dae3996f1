import { createHmac } from "node:crypto";

/** Headers exactly as Slack signs a request: `v0=` HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function slackSignatureHeaders(
  signingSecret: string,
  rawBody: string,
  timestamp = Math.floor(Date.now() / 1000),
) {
  const signature = `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
  return {
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signature,
  };
}
