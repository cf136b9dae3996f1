// The one prologue of every button listener: Bolt's arguments, the ack first (Slack wants it within 3 seconds),
// who clicked, the button's value, where to answer them privately, and their language, asked of Slack only when
// the handler needs it. A listener file is then only what that button does.
import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockButtonAction,
  RespondFn,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../../../app/deps.js";
import type { Locale } from "../../../domain/types.js";
import { localeFor } from "../../locale-for.js";
import type { ReplyTarget } from "../../reply-privately.js";

export interface ButtonClick {
  userId: string;
  /** The button's value, "" when it has none. */
  value: string;
  body: BlockButtonAction;
  action: BlockButtonAction["actions"][number];
  client: WebClient;
  /**
   * The clicker, answered through reply-privately.ts (ephemeral in the channel, or by DM from the App Home or when
   * the payload has no response_url): Bolt's `respond` is not given, it does not exist without a response_url.
   */
  target: ReplyTarget;
  /** The clicker's Slack language (users.info, cached): asked on the first call, the same promise after. */
  locale: () => Promise<Locale>;
}

export function buttonListener(
  deps: AppDeps,
  handle: (click: ButtonClick) => Promise<unknown>,
): (args: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => Promise<void> {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const userId = body.user.id;
    let asked: Promise<Locale> | undefined;
    await handle({
      userId,
      value: action.value ?? "",
      body,
      action,
      client,
      target: clickerOf(deps, body, respond, client),
      locale: () => {
        asked ??= localeFor(deps, client, userId);
        return asked;
      },
    });
  };
}

/** Whoever clicked, to be answered through reply-privately.ts (`respond` is undefined without a response_url). */
export const clickerOf = (
  deps: AppDeps,
  body: BlockAction,
  respond: RespondFn | undefined,
  client: WebClient,
): ReplyTarget => ({
  userId: body.user.id,
  responseUrl: body.response_url,
  respond,
  client,
  channelId: body.channel?.id,
  log: deps.log,
});
