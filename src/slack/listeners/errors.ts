import { type App, type CodedError, ErrorCode } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { internalErrorText } from "../views/refusal-blocks.js";

/** The one error handler: logs the failure, and tells the user when Slack gave us a way to reach them. */
export function registerErrorHandler(app: App, log: Logger): void {
  // Bolt does not export ExtendedErrorHandlerArgs; this is the part of it we read.
  app.error(async ({ error, body }: { error: CodedError & { original?: Error }; body: unknown }) => {
    // OAuth mode: no installation in force for the request's workspace (never installed, or uninstalled) is
    // refused like any request not served: a silent 200, its kind logged, nothing sent back.
    if (error.code === ErrorCode.AuthorizationError) {
      log.warn("request.not_served", { reason: "no_installation" });
      return;
    }
    log.error("listener.failed", { error: error.original ?? error, code: error.code });
    const responseUrl = typeof body === "object" && body && "response_url" in body ? body.response_url : undefined;
    if (typeof responseUrl === "string" && responseUrl.startsWith("http")) {
      await fetch(responseUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text: internalErrorText }),
      }).catch((e: unknown) =>
        log.warn("listener.apology_failed", { error: e instanceof Error ? e.message : String(e) }),
      );
    }
  });
}
