// The one prologue of every modal submission (view_submission): Bolt's arguments, who submitted, the modal's
// metadata and typed values, and the answers every form gives the same way (an error beside a field, storage that
// failed, a direct message once the form is closed). A listener file is then only what that form does.
import type {
  AckFn,
  AllMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewOutput,
  ViewResponseAction,
  ViewSubmitAction,
} from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../../../app/deps.js";
import type { Locale } from "../../../domain/types.js";
import { failureErrors } from "../../submission-answers.js";
import { tellSubmitter } from "../../tell-submitter.js";
import { formReader, readMetadata } from "../../view-state.js";
import type { Reply } from "../../views/reply.js";

export interface ViewSubmission {
  userId: string;
  body: ViewSubmitAction;
  view: ViewOutput;
  client: WebClient;
  ack: AckFn<ViewResponseAction>;
  /** The metadata our modals write (`writeMetadata`); a modal with a schema of its own reads `view` itself. */
  meta: ReturnType<typeof readMetadata>;
  /** The typed values. */
  form: ReturnType<typeof formReader>;
  /** Answers the form with one message beside one field: what was typed stays in the modal. */
  errorOn(block: string, message: string): Promise<void>;
  /**
   * Runs the form's use case; when it throws (storage failed), logs `event` and says so beside `block`, keeping
   * everything typed, and gives undefined: the listener then stops.
   */
  attempt<T>(event: string, block: string, run: () => Promise<T>, locale?: Locale): Promise<T | undefined>;
  /** What the submitted form did, by direct message to the submitter; a failed message is logged under `event`. */
  tell(message: Pick<Reply, "text"> & Partial<Pick<Reply, "blocks">>, event: string): Promise<void>;
}

export function viewListener(
  deps: AppDeps,
  handle: (submission: ViewSubmission) => Promise<unknown>,
): (args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => Promise<void> {
  return async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const meta = readMetadata(view.private_metadata);
    await handle({
      userId,
      body,
      view,
      client,
      ack,
      meta,
      form: formReader(view),
      errorOn: (block, message) => ack({ response_action: "errors", errors: { [block]: message } }),
      attempt: async (event, block, run, locale = meta.locale) => {
        try {
          return await run();
        } catch (error) {
          deps.log.error(event, { viewId: view.id, error });
          await ack(failureErrors(block, locale));
          return undefined;
        }
      },
      tell: (message, event) => tellSubmitter(deps, client, userId, message, event),
    });
  };
}
