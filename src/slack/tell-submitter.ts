import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app/deps.js";
import type { Reply } from "./views/reply.js";

/**
 * What a submitted form did, by direct message to whoever submitted it. The form is already answered, so a
 * failed message is only logged under `event`.
 */
export async function tellSubmitter(
  deps: AppDeps,
  client: WebClient,
  userId: string,
  message: Pick<Reply, "text"> & Partial<Pick<Reply, "blocks">>,
  event: string,
): Promise<void> {
  await client.chat
    .postMessage({ channel: userId, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) })
    .catch((error: unknown) => deps.log.warn(event, { error }));
}
