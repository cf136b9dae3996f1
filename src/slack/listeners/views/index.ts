import type { App, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { CALLBACKS } from "../../ids.js";
import { confirmImportSubmission } from "./confirm-import-submission.js";
import { contractSettingsSubmission } from "./contract-settings-submission.js";
import { createCommitmentSubmission } from "./create-commitment-submission.js";
import { createContractSubmission } from "./create-contract-submission.js";
import { declareAbsenceSubmission } from "./declare-absence-submission.js";
import { editCommitmentSubmission } from "./edit-commitment-submission.js";
import { importCommitmentsSubmission } from "./import-commitments-submission.js";
import { meetingDecisionsSubmission } from "./meeting-decisions-submission.js";
import { milestoneDateSubmission } from "./milestone-date-submission.js";
import { progressUpdateSubmission } from "./progress-update-submission.js";
import { proposeDueDateSubmission } from "./propose-due-date-submission.js";
import { refuseRequestSubmission } from "./refuse-request-submission.js";
import { renewContractSubmission } from "./renew-contract-submission.js";
import { scheduleMeetingSubmission } from "./schedule-meeting-submission.js";

/** Modal submissions (view_submission), one listener per file. */
export function registerViews(app: App, deps: AppDeps): void {
  app.view<ViewSubmitAction>(CALLBACKS.progressUpdate, progressUpdateSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.createCommitment, createCommitmentSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.editCommitment, editCommitmentSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.scheduleMeeting, scheduleMeetingSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.meetingDecisions, meetingDecisionsSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.importCommitments, importCommitmentsSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.confirmImport, confirmImportSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.refuseRequest, refuseRequestSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.proposeDueDate, proposeDueDateSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.createContract, createContractSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.renewContract, renewContractSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.contractSettings, contractSettingsSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.milestoneDate, milestoneDateSubmission(deps));
  app.view<ViewSubmitAction>(CALLBACKS.declareAbsence, declareAbsenceSubmission(deps));
}
