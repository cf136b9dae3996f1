import type { App, BlockAction, BlockButtonAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { ACTIONS } from "../../ids.js";
import { confirmDone } from "./confirm-done.js";
import { digestDetails } from "./digest-details.js";
import { editLastUpdate } from "./edit-last-update.js";
import { followCommitment } from "./follow.js";
import { openCreateCommitment } from "./open-create-commitment.js";
import { openDecisions } from "./open-decisions.js";
import { openEditCommitment } from "./open-edit-commitment.js";
import { openMilestoneDate } from "./open-milestone-date.js";
import { openProposeDueDate } from "./open-propose-due-date.js";
import { openScheduleMeeting } from "./open-schedule-meeting.js";
import { openUpdate } from "./open-update.js";
import { turnPage } from "./page-nav.js";
import { rejectDone } from "./reject-done.js";
import { shareAnswer } from "./share-answer.js";
import { showCommitmentButton } from "./show-commitment.js";
import { showHistoryButton } from "./show-history.js";
import { snoozeReminder } from "./snooze.js";
import { stillOnTrack } from "./still-on-track.js";
import { tickMilestoneButton } from "./tick-milestone.js";
import { unfollowCommitment } from "./unfollow.js";

/** Buttons and menus (block_actions), one listener per file. */
export function registerActions(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(ACTIONS.openUpdate, openUpdate(deps));
  app.action<BlockButtonAction>(ACTIONS.editLastUpdate, editLastUpdate(deps));
  app.action<BlockButtonAction>(ACTIONS.confirmDone, confirmDone(deps));
  app.action<BlockButtonAction>(ACTIONS.rejectDone, rejectDone(deps));
  app.action<BlockButtonAction>(ACTIONS.proposeDueDate, openProposeDueDate(deps));
  app.action<BlockButtonAction>(ACTIONS.tickMilestone, tickMilestoneButton(deps));
  app.action<BlockButtonAction>(ACTIONS.openMilestoneDate, openMilestoneDate(deps));
  app.action<BlockButtonAction>(ACTIONS.snoozeDay, snoozeReminder(deps, "day"));
  app.action<BlockButtonAction>(ACTIONS.snoozeWeek, snoozeReminder(deps, "week"));
  app.action<BlockButtonAction>(ACTIONS.stillOnTrack, stillOnTrack(deps));
  app.action<BlockButtonAction>(new RegExp(`^${ACTIONS.digestDetails}_`), digestDetails(deps));
  app.action<BlockButtonAction>(ACTIONS.share, shareAnswer(deps));
  app.action<BlockButtonAction>(ACTIONS.pagePrev, turnPage(deps));
  app.action<BlockButtonAction>(ACTIONS.pageNext, turnPage(deps));
  app.action<BlockButtonAction>(ACTIONS.showCommitment, showCommitmentButton(deps));
  app.action<BlockButtonAction>(ACTIONS.showHistory, showHistoryButton(deps));
  app.action<BlockButtonAction>(ACTIONS.follow, followCommitment(deps));
  app.action<BlockButtonAction>(ACTIONS.unfollow, unfollowCommitment(deps));
  app.action<BlockButtonAction>(ACTIONS.openCreateCommitment, openCreateCommitment(deps));
  app.action<BlockAction>(ACTIONS.openEditCommitment, openEditCommitment(deps));
  app.action<BlockButtonAction>(ACTIONS.openScheduleMeeting, openScheduleMeeting(deps));
  app.action<BlockButtonAction>(ACTIONS.openDecisions, openDecisions(deps));
}
