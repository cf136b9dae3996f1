import type { App, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { CALLBACKS } from "../../ids.js";
import { progressUpdateSubmission } from "./progress-update-submission.js";

/** Modal submissions (view_submission), one listener per file. */
export function registerViews(app: App, deps: AppDeps): void {
  void app;
  void deps;
  app.view<ViewSubmitAction>(CALLBACKS.progressUpdate, progressUpdateSubmission(deps));
}
