import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { answerCsiCommand } from "../../commands/answer.js";
import { replyPrivately } from "../../reply-privately.js";
import { userLocaleOf } from "../../user-locale.js";

/** `/csi …`: ack at once (Slack allows 3 s), then answer through the response_url. */
export function csiCommand(deps: AppDeps) {
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const reply = await answerCsiCommand({
      deps,
      client,
      userId: command.user_id,
      teamId: command.team_id,
      enterpriseId: command.enterprise_id ?? null,
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      text: command.text,
      resolveUserLocale: () => userLocaleOf(deps, client, command.user_id),
    });
    if (!reply) return;
    await replyPrivately(
      {
        userId: command.user_id,
        responseUrl: command.response_url,
        respond,
        client,
        channelId: command.channel_id,
        log: deps.log,
      },
      reply,
    );
  };
}
