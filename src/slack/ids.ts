// Every action_id, block_id and callback_id in one place: builders, listeners and tests import these.
// Keep one section per feature; values are stable (Slack echoes them back in payloads).

export const COMMAND = "/csi";

/** Buttons and menus (action_id). */
export const ACTIONS = {
  // App Home: show another of the person's contracts
  homeContract: "csi_home_contract",
  // /csi answers
  share: "csi_share",
  pagePrev: "csi_page_prev",
  pageNext: "csi_page_next",
  showCommitment: "csi_show_commitment",
  follow: "csi_follow",
  unfollow: "csi_unfollow",
  showHistory: "csi_show_history",
  // progress updates and reminders
  openUpdate: "csi_open_update",
  editLastUpdate: "csi_edit_last_update",
  snoozeDay: "csi_snooze_day",
  snoozeWeek: "csi_snooze_week",
  stillOnTrack: "csi_still_on_track",
  // Confirmer / Refuser a request (« Réalisé », new due date); value = request id (older messages: commitment id).
  confirmDone: "csi_confirm_done",
  rejectDone: "csi_reject_done",
  /** « Proposer une nouvelle date » (overdue reminder, sheet); value = commitment id. */
  proposeDueDate: "csi_propose_due_date",
  // milestones (sheet): « Franchi » (value = milestone id) and « Dater un jalon » (value = commitment id)
  tickMilestone: "csi_tick_milestone",
  openMilestoneDate: "csi_open_milestone_date",
  // coordinators
  openCreateCommitment: "csi_open_create_commitment",
  openEditCommitment: "csi_open_edit_commitment",
  openScheduleMeeting: "csi_open_schedule_meeting",
  openDecisions: "csi_open_decisions",
  // digest
  digestDetails: "csi_digest_details",
  // Away mode (App Home)
  openAbsence: "csi_open_absence",
  endAbsence: "csi_end_absence",
} as const;

/** Input blocks of modals (block_id); the action_id inside an input block is `value`. */
export const BLOCKS = {
  status: "status",
  progress: "progress",
  indicatorPrefix: "indicator_", // + indicator id
  comment: "comment",
  nextStep: "next_step",
  nextStepOn: "next_step_on",
  blockers: "blockers",
  evidenceUrl: "evidence_url",
  evidence: "evidence",
  proposedDueOn: "proposed_due_on",
  dueReason: "due_reason",
  refusalReason: "refusal_reason",
  milestone: "milestone",
  milestoneDueOn: "milestone_due_on",
  // commitment
  ref: "ref",
  party: "party",
  title: "title",
  description: "description",
  leadService: "lead_service",
  owners: "owners",
  dueOn: "due_on",
  indicators: "indicators",
  // meeting
  meetingKind: "meeting_kind",
  meetingDate: "meeting_date",
  meetingTime: "meeting_time",
  place: "place",
  channel: "channel",
  attendees: "attendees",
  agenda: "agenda",
  decisions: "decisions",
  // import
  importLines: "import_lines",
  importFile: "import_file",
  // contract
  contractRef: "contract_ref",
  parties: "parties",
  signedOn: "signed_on",
  endsOn: "ends_on",
  timezone: "timezone",
  digestChannel: "digest_channel",
  // contract settings
  digestWeekday: "digest_weekday",
  digestTime: "digest_time",
  reminderHour: "reminder_hour",
  quietHours: "quiet_hours",
  /** Renewal: one checkboxes block per 10 commitments, `carry_0`, `carry_1`… */
  carry: "carry_",
  // Away mode
  absenceStart: "absence_start",
  absenceEnd: "absence_end",
  standIn: "stand_in",
} as const;

/** The action_id of the single element inside each input block. */
export const INPUT_ACTION = "value";

/** Modals (callback_id). */
export const CALLBACKS = {
  progressUpdate: "csi_progress_update",
  createCommitment: "csi_create_commitment",
  editCommitment: "csi_edit_commitment",
  scheduleMeeting: "csi_schedule_meeting",
  meetingDecisions: "csi_meeting_decisions",
  importCommitments: "csi_import_commitments",
  confirmImport: "csi_import_confirm",
  refuseRequest: "csi_refuse_request",
  proposeDueDate: "csi_propose_due_date",
  createContract: "csi_create_contract",
  renewContract: "csi_renew_contract",
  contractSettings: "csi_contract_settings",
  milestoneDate: "csi_milestone_date",
  declareAbsence: "csi_declare_absence",
} as const;
