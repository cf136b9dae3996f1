// The floor: a bare Bolt app (same @slack/bolt, same HTTPReceiver) that acks and answers a fixed text.
// Run as a child process by bench/run.ts, exactly like Vigie, so both are measured the same way.
// Env: SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL, PORT.
import type { IncomingMessage, ServerResponse } from "node:http";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { CALLBACKS, COMMAND } from "../src/slack/ids.js";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const receiver = new HTTPReceiver({
  signingSecret: env("SLACK_SIGNING_SECRET"),
  endpoints: "/slack/events",
  logLevel: LogLevel.ERROR,
  customRoutes: [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      },
    },
  ],
});
const app = new App({
  token: env("SLACK_BOT_TOKEN"),
  receiver,
  logLevel: LogLevel.ERROR,
  tokenVerificationEnabled: false,
  clientOptions: { slackApiUrl: env("SLACK_API_URL") },
});

app.command(COMMAND, async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: "ephemeral", text: "Vigie : réponse fixe (plancher de mesure)." });
});

// A modal submission: ack, then one message to the submitter, as the real listener confirms an update.
app.view(CALLBACKS.progressUpdate, async ({ ack, body, client }) => {
  await ack();
  await client.chat.postMessage({ channel: body.user.id, text: "Mise à jour enregistrée (plancher de mesure)." });
});

await app.start(Number(env("PORT")));
const stop = () =>
  void app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
