// Every view builder of src/slack/views/, fed hostile text in every text field, must leave no live Slack
// markup: no `<!channel>`/`<!subteam^…>`, no mention or channel link that Vigie did not put there itself,
// no link whose label the author chose. The test enumerates the modules' exports, so a builder added
// later fails here until it is given a hostile call below (or is listed as not rendering text).
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CommitmentEvent } from "../../../src/domain/commitment-events.js";
import { overdueCommitments, type PartyProgress, progressByParty } from "../../../src/domain/dashboard.js";
import { computeDigest, type Digest } from "../../../src/domain/digest.js";
import type { Commitment, Contract, Meeting, Party, ProgressUpdate } from "../../../src/domain/types.js";
import { makeCommitment, makeMeeting, makeUpdate } from "../../support/fixtures.js";
import { HOSTILE, HOSTILE_URL, liveMarkup, mrkdwnTexts } from "../../support/hostile.js";

const VIEWS_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../../src/slack/views");

/** Ids Slack gave (users, channels): Vigie may mention these, never anything typed. */
const USERS = ["U0OWNER1", "U0OWNER2", "U0FOLLOW1", "U0COORD01", "U0A", "U0B"];
const CHANNELS = ["C0COPIL"];
const trusted = { users: USERS, channels: CHANNELS };

/** Keys whose values are not typed by a person: ids, codes, enums, dates, Slack ids. */
const STRUCTURAL = new Set([
  "id",
  "contractId",
  "commitmentId",
  "meetingId",
  "indicatorId",
  "milestoneId",
  "supersedesId",
  "authorId",
  "createdBy",
  "actorId",
  "requestedBy",
  "doneRequestedBy",
  "userId",
  "channelId",
  "threadTs",
  "status",
  "statusKept",
  "statusFrom",
  "statusTo",
  "kind",
  "outcome",
  "via",
  "field",
  "locale",
  "timezone",
  "today",
  "horizon",
  "isoWeek",
  "party",
  "code",
  "ref",
  "key",
  "dueOn",
  "startOn",
  "doneOn",
  "baselineOn",
  "measuredOn",
  "nextStepOn",
  "signedOn",
  "endsOn",
  "evidenceUrl",
  "dueOnBefore",
  "proposedDueOn",
  "statusBefore",
  "decision",
  "decidedBy",
]);
const ID_LISTS = new Set(["owners", "followers", "attendees"]);

/** The same data with every person-typed string replaced by hostile text (structure kept). */
function hostile<T>(v: T): T {
  const walk = (x: unknown, key: string | null): unknown => {
    if (typeof x === "string") return key !== null && STRUCTURAL.has(key) ? x : `${HOSTILE} ${x}`;
    if (x instanceof Date || x instanceof Map) return x;
    if (Array.isArray(x)) return key !== null && ID_LISTS.has(key) ? x : x.map((y) => walk(y, null));
    if (x && typeof x === "object")
      return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, k === "details" ? y : walk(y, k)]));
    return x;
  };
  return walk(v, null) as T;
}

const today = "2026-11-23";
const timezone = "Europe/Paris";
const parties: Party[] = hostile([
  { code: "ETAT", label: "État", signatory: "Préfet" },
  { code: "VILLE", label: "Ville", signatory: "Maire" },
]);
const contract: Contract = hostile({
  id: "contract",
  ref: "CSI-CHAMBERY",
  title: "Contrat",
  signedOn: "2024-04-15",
  endsOn: "2026-12-31",
  timezone,
  parties,
});

function commitment(i: number): Commitment {
  const base = makeCommitment(
    {
      ref: `ETAT-0${i}`,
      party: "ETAT",
      title: "Renforcer les patrouilles",
      description: "Description",
      status: i % 2 ? "LATE" : "ON_TRACK",
      progress: 40,
      dueOn: i % 2 ? "2026-10-01" : "2026-12-31",
      owners: ["U0OWNER1", "U0OWNER2"],
      followers: ["U0FOLLOW1"],
      leadService: "Police municipale",
    },
    i,
  );
  return hostile({
    ...base,
    strand: "Volet",
    partners: "Partenaires",
    territory: "Territoire",
    funding: "Financement",
    note: "Note",
    channelId: "C0COPIL",
    indicators: [
      {
        id: "i1",
        label: "Caméras",
        unit: "caméras",
        baseline: 1,
        baselineOn: "2025-01-01",
        target: 10,
        current: 4,
        measuredOn: "2026-06-01",
        source: "Source",
      },
    ],
    milestones: [{ id: "m1", title: "Jalon", dueOn: "2026-12-01", doneOn: null }],
  });
}
const c1 = commitment(1);
const c2 = commitment(2);
const update: ProgressUpdate = {
  ...hostile(makeUpdate(1, c1.id, "Avancement")),
  indicatorValues: [{ indicatorId: "i1", value: 4 }],
  evidenceUrl: HOSTILE_URL,
};
const correction: ProgressUpdate = { ...update, id: "u2", version: 2, supersedesId: update.id };
const meeting: Meeting = hostile({
  ...makeMeeting(1, "Réunion"),
  decisions: [
    {
      id: "d1",
      meetingId: "m",
      text: "Décision",
      outcome: "NOTE" as const,
      milestoneId: null,
      commitmentId: null,
      createdBy: "U0COORD01",
      createdAt: new Date("2026-11-01T10:00:00Z"),
    },
  ],
});
const digest: Digest = computeDigest({
  now: new Date("2026-11-23T07:30:00Z"),
  timezone,
  parties,
  commitments: [c1, c2, { ...c2, id: "c3", lastUpdateAt: new Date("2026-01-01T00:00:00Z"), status: "AT_RISK" }],
  weeks: [
    {
      commitmentId: c1.id,
      before: { status: "ON_TRACK", progress: 30 },
      after: { status: "LATE", progress: 40 },
      pendingAtEnd: false,
      updates: 1,
      events: hostile([
        {
          kind: "done_refused" as const,
          at: new Date("2026-11-20T10:00:00Z"),
          actorId: "U0COORD01",
          requestedBy: "U0OWNER1",
          reason: "Motif",
        },
        { kind: "milestone_done" as const, at: new Date("2026-11-20T10:00:00Z"), actorId: "U0COORD01", title: "Jalon" },
      ]),
    },
  ],
  pending: hostile([
    {
      commitmentId: c1.id,
      ref: "ETAT-01",
      title: "Titre",
      kind: "DUE_DATE" as const,
      requestedBy: "U0OWNER1",
      requestedAt: new Date("2026-11-20T10:00:00Z"),
      proposedDueOn: "2027-01-15",
    },
  ]),
  meetings: [meeting],
  undeliverable: hostile([{ key: "k", kind: "deadline", target: "U0OWNER1", reason: "raison" }]),
});
const events: CommitmentEvent[] = hostile([
  { at: new Date("2026-11-01T10:00:00Z"), actorId: "U0COORD01", kind: "created" as const, via: "form" as const },
  {
    at: new Date("2026-11-02T10:00:00Z"),
    actorId: "U0COORD01",
    kind: "edited" as const,
    changes: [
      { field: "title" as const, before: "Ancien titre", after: "Nouveau titre" },
      { field: "owners" as const, before: ["U0OWNER1"], after: ["U0OWNER2"] },
      { field: "indicators" as const, before: ["Caméras"], after: ["Caméras", "Médiateurs"] },
    ],
    keptIndicators: ["Caméras"],
  },
  {
    at: new Date("2026-11-03T10:00:00Z"),
    actorId: "U0COORD01",
    kind: "done_confirmed" as const,
    requestedBy: "U0OWNER1",
  },
  {
    at: new Date("2026-11-04T10:00:00Z"),
    actorId: "U0COORD01",
    kind: "done_rejected" as const,
    requestedBy: "U0OWNER1",
    statusKept: "LATE" as const,
    progressKept: 80,
    reason: "Motif",
  },
  {
    at: new Date("2026-11-05T10:00:00Z"),
    actorId: "U0COORD01",
    kind: "milestone_added" as const,
    title: "Jalon",
    fromMeeting: true,
    dueOn: null,
  },
  {
    at: new Date("2026-11-06T10:00:00Z"),
    actorId: "U0OWNER1",
    kind: "due_date_requested" as const,
    from: null,
    to: null,
    reason: "Motif",
  },
  {
    at: new Date("2026-11-07T10:00:00Z"),
    actorId: "U0COORD01",
    kind: "due_date_refused" as const,
    requestedBy: "U0OWNER1",
    reason: "Motif",
  },
  { at: new Date("2026-11-08T10:00:00Z"), actorId: "U0OWNER1", kind: "milestone_done" as const, title: "Jalon" },
  {
    at: new Date("2026-11-09T10:00:00Z"),
    actorId: "U0OWNER1",
    kind: "milestone_dated" as const,
    title: "Jalon",
    from: "Avant",
    to: "2027-03-15",
  },
]);
const pendingDone = hostile({
  id: "r1",
  commitmentId: "c",
  kind: "DONE" as const,
  requestedBy: "U0OWNER1",
  requestedAt: new Date("2026-11-20T10:00:00Z"),
  updateId: null,
  evidenceUrl: HOSTILE_URL,
  evidence: "Preuve",
  reason: null,
  proposedDueOn: null,
  statusBefore: "LATE" as const,
  progressBefore: 60,
  dueOnBefore: "2026-12-01",
  decision: "REFUSED" as const,
  decidedBy: "U0COORD01",
  decidedAt: new Date("2026-11-21T10:00:00Z"),
  refusalReason: "Motif",
});
const requestWithRef = { request: pendingDone, ref: "ETAT-01", title: `${HOSTILE} Titre`, contractId: "k" };
const dueRequest = {
  ...requestWithRef,
  request: { ...pendingDone, kind: "DUE_DATE" as const, proposedDueOn: "2027-01-15", reason: `${HOSTILE} Motif` },
};
const nav = { text: HOSTILE, locale: "fr" as const, page: 0, shared: false };
const sharedNav = { ...nav, shared: true };

/** Every kind of audit entry, with person-typed text in its details (the hostile walk leaves details alone). */
function journalEntries() {
  const at = new Date("2026-11-23T09:00:00Z");
  const kinds: [string, string, Record<string, unknown>][] = [
    [
      "progress.update",
      "commitment",
      { from: { status: "ON_TRACK", progress: 10 }, to: { status: HOSTILE, progress: 20 } },
    ],
    ["progress.correct", "commitment", { doneRequested: true }],
    ["commitment.follow", "commitment", { userId: HOSTILE }],
    ["commitment.unfollow", "commitment", { userId: "U0OWNER1" }],
    ["commitment.owners", "commitment", { added: [HOSTILE, "U0OWNER1"] }],
    ["commitment.due", "commitment", { to: HOSTILE }],
    ["commitment.import", "contract", { refs: [HOSTILE], modified: [HOSTILE] }],
    ["meeting.create", "meeting", { kind: HOSTILE, startsAt: HOSTILE }],
    ["meeting.decisions", "meeting", { count: 2, texts: [HOSTILE] }],
    ["meeting.reschedule", "meeting", { from: HOSTILE, to: "2026-12-07T13:30:00Z", placeFrom: HOSTILE, placeTo: null }],
    ["meeting.cancel", "meeting", { kind: "COPIL", startsAt: HOSTILE }],
    ["recipient.add", "mail_recipient", { name: HOSTILE, organisation: HOSTILE, address: HOSTILE }],
    ["recipient.remove", "mail_recipient", { name: HOSTILE }],
    [
      "recipient.edit",
      "mail_recipient",
      { name: HOSTILE, organisation: HOSTILE, changed: { name: { from: HOSTILE, to: HOSTILE }, [HOSTILE]: {} } },
    ],
    ["installation.revoke", "installation", { why: HOSTILE }],
    ["contract.export", "contract", { format: "csv", count: 3, party: HOSTILE, status: HOSTILE }],
    ["contract.export", "contract", { format: "pdf", count: 1 }],
    ["role.assign", "role", { from: HOSTILE, to: "MEMBER" }],
    ["role.assign", "role", { from: "MEMBER", to: null }],
    ["contract.seed", "contract", { ref: HOSTILE, commitments: 3 }],
    ["contract.create", "contract", { ref: HOSTILE, title: HOSTILE }],
    ["local.sample", "contract", {}],
    ["reminder.snooze", "delivery", { to: HOSTILE }],
    ["retention.redact", "update", { fields: [HOSTILE], retentionYears: 5 }],
    ["commitment.create", "commitment", { after: { title: HOSTILE }, meetingId: "m" }],
    ["commitment.edit", "commitment", { before: { title: HOSTILE, owners: [HOSTILE] }, after: { title: "x" } }],
    ["commitment.edit", "commitment", { before: {}, after: {} }],
    ["commitment.done_rejected", "commitment", { reason: HOSTILE, requestedBy: HOSTILE }],
    ["commitment.due_date_requested", "commitment", { reason: HOSTILE, dueOnFrom: HOSTILE, dueOnTo: "2027-01-01" }],
    ["milestone.create", "commitment", { title: HOSTILE, dueOn: HOSTILE }],
    ["milestone.done", "commitment", { title: HOSTILE }],
    [HOSTILE, HOSTILE, { title: HOSTILE }],
  ];
  return kinds.map(([action, entity, details], i) => ({
    id: String(i),
    at,
    actorId: i % 3 ? "U0COORD01" : HOSTILE,
    action,
    entity,
    entityId: i % 2 ? "U0OWNER2" : HOSTILE,
    details,
    ref: i % 4 ? HOSTILE : null,
  }));
}

type Call = () => unknown;
type Calls = Record<string, Call[]>;

/**
 * One or more hostile calls per builder. Parameters documented as already-formatted mrkdwn (a list's
 * title, a notice) are the caller's part: they get Vigie's own words here, and the end-to-end tests cover
 * the callers.
 */
async function calls(): Promise<Calls> {
  const admin = await import("../../../src/slack/views/admin-messages.js");
  const home = await import("../../../src/slack/views/app-home.js");
  const homeCoordinator = await import("../../../src/slack/views/app-home-coordinator.js");
  const homeLines = await import("../../../src/slack/views/app-home-lines.js");
  const blocks = await import("../../../src/slack/views/blocks.js");
  const eventText = await import("../../../src/slack/views/commitment-event-text.js");
  const cmodal = await import("../../../src/slack/views/commitment-modal.js");
  const sheet = await import("../../../src/slack/views/commitment-sheet.js");
  const sheetLines = await import("../../../src/slack/views/commitment-sheet-lines.js");
  const ctext = await import("../../../src/slack/views/commitment-text.js");
  const dmodal = await import("../../../src/slack/views/decisions-modal.js");
  const dig = await import("../../../src/slack/views/digest-blocks.js");
  const digLines = await import("../../../src/slack/views/digest-section-lines.js");
  const charts = await import("../../../src/slack/views/chart-blocks.js");
  const fmsg = await import("../../../src/slack/views/file-messages.js");
  const folded = await import("../../../src/slack/views/folded-reminder.js");
  const still = await import("../../../src/slack/views/still-on-track-answer.js");
  const pwords = await import("../../../src/slack/views/problem-words.js");
  const iwords = await import("../../../src/slack/views/import-problem-words.js");
  const dwt = await import("../../../src/slack/views/date-window-text.js");
  const stale = await import("../../../src/slack/views/stale-form.js");
  const lhead = await import("../../../src/slack/views/list-headings.js");
  const cwords = await import("../../../src/slack/views/confidentiality-words.js");
  const lwords = await import("../../../src/slack/views/line-problem-words.js");
  const hostileImport = [
    {
      line: 2,
      issues: [
        {
          place: { field: "party" as const },
          problem: { code: "party-unknown" as const, typed: HOSTILE, codes: ["ETAT"] },
        },
        {
          place: null,
          problem: { code: "owners-unknown" as const, problems: [{ unknown: HOSTILE }, { email: HOSTILE }] },
        },
      ],
    },
  ];
  const help = await import("../../../src/slack/views/help-blocks.js");
  const hist = await import("../../../src/slack/views/history-blocks.js");
  const imsg = await import("../../../src/slack/views/import-messages.js");
  const imodal = await import("../../../src/slack/views/import-modal.js");
  const iprev = await import("../../../src/slack/views/import-preview.js");
  const contracts = await import("../../../src/slack/views/contract-blocks.js");
  const cmodalNew = await import("../../../src/slack/views/contract-modal.js");
  const list = await import("../../../src/slack/views/list-blocks.js");
  const mmodal = await import("../../../src/slack/views/meeting-modal.js");
  const meet = await import("../../../src/slack/views/meetings-blocks.js");
  const parts = await import("../../../src/slack/views/modal-parts.js");
  const answers = await import("../../../src/slack/views/personal-answers.js");
  const readReplies = await import("../../../src/slack/views/read-replies.js");
  const pag = await import("../../../src/slack/views/pagination.js");
  const pmsg = await import("../../../src/slack/views/progress-messages.js");
  const who = await import("../../../src/slack/views/who-may-act.js");
  const pmodal = await import("../../../src/slack/views/progress-update-modal.js");
  const refusal = await import("../../../src/slack/views/refusal-blocks.js");
  const rem = await import("../../../src/slack/views/reminder-messages.js");
  const req = await import("../../../src/slack/views/request-messages.js");
  const reqModals = await import("../../../src/slack/views/request-modals.js");
  const reply = await import("../../../src/slack/views/reply.js");
  const status = await import("../../../src/slack/views/status-blocks.js");
  const journal = await import("../../../src/slack/views/journal-blocks.js");
  const jadmin = await import("../../../src/slack/views/journal-admin-sentences.js");
  const miles = await import("../../../src/slack/views/milestone-messages.js");
  const recip = await import("../../../src/slack/views/recipients-blocks.js");
  const mchange = await import("../../../src/slack/views/meeting-change-messages.js");
  const invite = await import("../../../src/slack/views/invitation-message.js");
  const recipient = {
    id: "r1",
    contractId: "k1",
    name: HOSTILE,
    address: `${HOSTILE}@x.fr`,
    organisation: HOSTILE,
    partyCode: null,
    receives: { digest: true, report: false, meetings: true },
    createdBy: "U0COORD01",
    createdAt: new Date("2026-11-20T10:00:00Z"),
  };
  const abs = await import("../../../src/slack/views/absence-messages.js");
  const renewal = await import("../../../src/slack/views/renewal-blocks.js");
  const settingsViews = await import("../../../src/slack/views/contract-settings-blocks.js");
  const settings = {
    digestWeekday: 2,
    digestTime: "07:30",
    reminderHour: "08:00",
    quietHours: "20:00-08:00",
    timezone: HOSTILE,
    channelId: HOSTILE,
    digestChannelId: "C0COPIL",
  };
  const absence = {
    id: "a1",
    userId: "U0OWNER1",
    startsOn: "2026-12-21",
    endsOn: "2027-01-04",
    standInId: "U0OWNER2",
    createdBy: "U0OWNER1",
    createdAt: new Date(0),
    endedAt: null,
  };

  const homeData = (isCoordinator: boolean) => ({
    locale: "fr" as const,
    timezone,
    today,
    userId: "U0OWNER1",
    isCoordinator,
    canReadContract: true,
    contractTitle: contract.title,
    mine: [c1, c2],
    parties: progressByParty(parties, [c1, c2], today),
    overdue: overdueCommitments([c1, c2], today),
    meetings: [meeting],
    lastMeeting: meeting,
    editable: [c1, c2],
  });
  return {
    meetingChangeUsage: [() => mchange.meetingChangeUsage("fr")],
    meetingChangeInvalid: [
      () => mchange.meetingChangeInvalid({ kind: "bad_date", typed: HOSTILE }, HOSTILE, "fr"),
      () => mchange.meetingChangeInvalid({ kind: "bad_time", typed: HOSTILE }, HOSTILE, "en"),
      () => mchange.meetingChangeInvalid({ kind: "nonexistent_time", typed: HOSTILE }, HOSTILE, "fr"),
    ],
    meetingNotFound: [() => mchange.meetingNotFound("2026-12-17", HOSTILE, "fr")],
    meetingAmbiguous: [() => mchange.meetingAmbiguous([meeting, meeting], timezone, HOSTILE, "fr")],
    meetingMoved: [() => mchange.meetingMoved(meeting, meeting, 2, timezone, "fr")],
    meetingCancelled: [() => mchange.meetingCancelled(meeting, 0, timezone, "en")],
    invitationMessage: [
      () => invite.invitationMessage({ meeting, change: "scheduled", timezone, locale: "fr" }),
      () => invite.invitationMessage({ meeting, change: "moved", timezone, locale: "en" }),
      () => invite.invitationMessage({ meeting, change: "cancelled", timezone, locale: "fr" }),
    ],
    recipientsUsageText: [() => recip.recipientsUsageText("fr"), () => recip.recipientsUsageText("en")],
    recipientsListReply: [
      () => recip.recipientsListReply([recipient, recipient], "fr", HOSTILE),
      () => recip.recipientsListReply([], "en", null),
    ],
    recipientAddedReply: [() => recip.recipientAddedReply(recipient, "fr", HOSTILE)],
    recipientRemovedReply: [() => recip.recipientRemovedReply(recipient, "en")],
    recipientEditedReply: [
      () => recip.recipientEditedReply({ ...recipient, partyCode: HOSTILE }, ["name", HOSTILE], "fr"),
      () => recip.recipientEditedReply(recipient, [], "en"),
    ],
    recipientInvalidReply: [
      () => recip.recipientInvalidReply({ kind: "bad_address", typed: HOSTILE }, HOSTILE, "fr"),
      () => recip.recipientInvalidReply({ kind: "unknown_kinds", words: [HOSTILE] }, `\`\`\`${HOSTILE}`, "en"),
      () => recip.recipientInvalidReply({ kind: "unknown_field", typed: HOSTILE }, HOSTILE, "fr"),
      () => recip.recipientInvalidReply({ kind: "unknown_party", typed: HOSTILE }, HOSTILE, "fr"),
    ],
    recipientGuardReply: [
      () => recip.recipientGuardReply([{ kind: "NAMED_PERSON", index: 0, excerpt: HOSTILE }], HOSTILE, "fr"),
    ],
    recipientDuplicateReply: [() => recip.recipientDuplicateReply(recipient, HOSTILE, "fr")],
    recipientNotFoundReply: [() => recip.recipientNotFoundReply(HOSTILE, "fr")],
    recipientsUsageReply: [() => recip.recipientsUsageReply("fr", HOSTILE), () => recip.recipientsUsageReply("en")],
    coordinatorsOnlyText: [() => admin.coordinatorsOnlyText("fr", USERS)],
    coordinatorsOnly: [() => admin.coordinatorsOnly("fr", USERS)],
    commitmentSaved: [
      () => admin.commitmentSaved("fr", c1, "create", [HOSTILE]),
      () => admin.commitmentSaved("en", c1, "edit", [HOSTILE]),
    ],
    ownerNotice: [() => admin.ownerNotice("fr", c1)],
    meetingScheduled: [() => admin.meetingScheduled("fr", meeting, timezone)],
    decisionsRecorded: [() => admin.decisionsRecorded("fr", 2, [c1], [c2])],
    roleWord: [() => admin.roleWord("COORDINATOR", "fr")],
    roleUsage: [() => admin.roleUsage("fr", "no_user"), () => admin.roleUsage("fr", "no_user", `@${HOSTILE}`)],
    roleGranted: [() => admin.roleGranted("fr", "U0OWNER1", "COORDINATOR")],
    roleAssigned: [() => admin.roleAssigned("fr", "U0OWNER1", "MEMBER", "READER")],
    roleUnchanged: [() => admin.roleUnchanged("fr", "U0OWNER1", "MEMBER")],
    lastCoordinator: [() => admin.lastCoordinator("fr")],
    appHomeView: [() => home.appHomeView(homeData(true)), () => home.appHomeView(homeData(false))],
    coordinatorActions: [() => homeCoordinator.coordinatorActions(homeData(true))],
    coordinatorQueues: [
      () =>
        homeCoordinator.coordinatorQueues({
          ...homeData(true),
          pendingRequests: [{ ...pendingDone, ref: HOSTILE, title: `${HOSTILE} Titre` }],
          ownerless: [c1],
          toComplete: [{ ...c2, missing: ["owners", "dueOn"] }],
        }),
    ],
    commitmentLine: [() => homeLines.commitmentLine(c1, today, "fr"), () => homeLines.commitmentLine(c2, today, "en")],
    partyLine: [() => homeLines.partyLine(homeData(true).parties[0] as PartyProgress, "fr")],
    meetingLine: [() => homeLines.meetingLine(meeting, homeData(true))],
    esc: [() => blocks.esc(HOSTILE)],
    plain: [() => blocks.plain(HOSTILE, 3000)],
    link: [() => blocks.link(HOSTILE_URL), () => blocks.link(HOSTILE)],
    mention: [() => blocks.mention("U0OWNER1"), () => blocks.mention(HOSTILE)],
    channelLink: [() => blocks.channelLink("C0COPIL"), () => blocks.channelLink(HOSTILE)],
    header: [() => blocks.header(HOSTILE)],
    section: [() => blocks.section(blocks.esc(HOSTILE))],
    fieldsSection: [() => blocks.fieldsSection([blocks.esc(HOSTILE)])],
    context: [() => blocks.context(blocks.esc(HOSTILE))],
    button: [() => blocks.button("a", HOSTILE, HOSTILE)],
    actions: [() => blocks.actions([blocks.button("a", HOSTILE, HOSTILE)])],
    divider: [() => blocks.divider()],
    colon: [() => blocks.colon("fr")],
    toCompleteText: [() => ctext.toCompleteText(["owners", "dueOn"], "fr")],
    milestoneActions: [() => miles.milestoneActions(c1, "fr")],
    milestoneTicked: [() => miles.milestoneTicked(c1, c1.milestones[0]!, 2, "fr")],
    milestoneAlready: [
      () => miles.milestoneAlready(c1, c1.milestones[0]!, "U0OWNER1", "fr"),
      () => miles.milestoneAlready(c1, c1.milestones[0]!, HOSTILE, "en"),
    ],
    milestoneRefusal: [() => miles.milestoneRefusal(c1, USERS, "fr")],
    milestoneMissing: [() => miles.milestoneMissing("fr")],
    milestoneDoneNotice: [() => miles.milestoneDoneNotice(c1, c1.milestones[0]!, "U0OWNER1", "fr")],
    milestoneDateModal: [() => miles.milestoneDateModal(c1, "fr")],
    milestoneDateErrors: [
      () => miles.milestoneDateErrors({ kind: "missing" }, "fr"),
      () => miles.milestoneDateErrors({ kind: "not_allowed" }, "fr"),
      () => miles.milestoneDateErrors({ kind: "invalid", why: "no_milestone" }, "fr"),
      () => miles.milestoneDateErrors({ kind: "invalid", why: "no_date" }, "en"),
      () =>
        miles.milestoneDateErrors(
          { kind: "invalid", why: "outside", window: { from: "2019-01-01", to: "2031-12-31" } },
          "fr",
        ),
    ],
    journalNotUnderstoodReply: [() => journal.journalNotUnderstoodReply([HOSTILE], "fr")],
    journalRefNotFoundReply: [() => journal.journalRefNotFoundReply(HOSTILE, [HOSTILE], "fr")],
    milestoneDated: [() => miles.milestoneDated(c1, c1.milestones[0]!, "fr")],
    journalLine: journalEntries().map((e) => () => journal.journalLine(e, timezone, "fr")),
    adminSentence: journalEntries().map((e) => () => jadmin.adminSentence(e, jadmin.who(HOSTILE), timezone, "en")),
    who: [() => jadmin.who(HOSTILE), () => jadmin.who("U0OWNER1")],
    dateWords: [() => jadmin.dateWords(HOSTILE, "fr")],
    refs: [() => jadmin.refs([HOSTILE, "ETAT-01"], "fr")],
    journalReply: [
      () =>
        journal.journalReply({
          entries: journalEntries(),
          total: 45,
          page: 1,
          pageSize: 20,
          filter: { kind: "commitment", ref: HOSTILE },
          timezone,
          nav,
        }),
    ],
    commitmentEventText: [
      ...events.map((e) => () => eventText.commitmentEventText(e, timezone, "fr")),
      ...events.map((e) => () => eventText.commitmentEventText(e, timezone, "en")),
    ],
    commitmentModal: [
      () =>
        cmodal.commitmentModal({
          mode: "edit",
          locale: "fr",
          parties,
          nextRefs: { ETAT: "ETAT-09" },
          values: {
            ref: HOSTILE,
            party: "ETAT",
            title: HOSTILE,
            description: HOSTILE,
            leadService: HOSTILE,
            owners: ["U0OWNER1"],
            dueOn: "2026-12-31",
            indicators: HOSTILE,
          },
          privateMetadata: "{}",
        }),
    ],
    indicatorLine: [() => sheetLines.indicatorLine(c1.indicators[0] as Commitment["indicators"][number], "fr")],
    updateText: [() => sheetLines.updateText(update, timezone, "fr", c1.indicators)],
    commitmentSheetReply: [
      () =>
        sheet.commitmentSheetReply({
          commitment: c1,
          parties,
          latestUpdates: [correction, update],
          today,
          timezone,
          viewerId: "U0FOLLOW1",
          canUpdate: true,
          canEdit: true,
          nav,
        }),
      () =>
        sheet.commitmentSheetReply({
          commitment: c2,
          parties,
          latestUpdates: [],
          today,
          timezone,
          viewerId: "U0OWNER1",
          canUpdate: true,
          nav: sharedNav,
        }),
    ],
    refNotFoundReply: [
      () => sheet.refNotFoundReply(HOSTILE, ["ETAT-01"], "fr"),
      () => sheet.refNotFoundReply(HOSTILE, [], "en", "history"),
    ],
    dueText: [() => ctext.dueText(c1, today, "fr")],
    statusText: [() => ctext.statusText(c1, "fr")],
    partyLabel: [() => ctext.partyLabel("ETAT", parties)],
    mentions: [() => ctext.mentions([...USERS, HOSTILE], "fr")],
    commitmentSummary: [() => ctext.commitmentSummary(c1, today, "fr", HOSTILE)],
    decisionsModal: [() => dmodal.decisionsModal({ locale: "fr", timezone, meeting, privateMetadata: "{}" })],
    sectionTitle: [() => digLines.sectionTitle("changes", "fr")],
    sectionLines: [
      ...(["changes", "overdue", "atRisk", "dueSoon", "meetingsSoon", "silent", "undeliverable"] as const).map(
        (s) => () => digLines.sectionLines(digest, s, timezone, "fr"),
      ),
    ],
    digestMessage: [
      () => dig.digestMessage(digest, { timezone, locale: "fr", contractTitle: contract.title, preview: true }),
    ],
    digestDetailsModal: [() => dig.digestDetailsModal(digest, "overdue", timezone, "fr")],
    isDigestSection: [() => dig.isDigestSection(HOSTILE)],
    helpReply: [() => help.helpReply("fr", { notice: "Vigie", suggestions: ["voir ETAT-01"] })],
    historyReply: [() => hist.historyReply({ commitment: c1, updates: [update, correction], events, timezone, nav })],
    commitmentsImported: [() => imsg.commitmentsImported("fr", [c1, c2], [HOSTILE])],
    importModal: [
      () => imodal.importModal({ locale: "fr", parties, nextRefs: { ETAT: "ETAT-09" }, privateMetadata: "{}" }),
    ],
    importCountsText: [() => iprev.importCountsText({ added: 1, modified: 2, unchanged: 3 }, "fr")],
    importPreviewModal: [
      () => {
        const input = {
          ref: "VILLE-07",
          party: "VILLE",
          title: HOSTILE,
          description: HOSTILE,
          leadService: HOSTILE,
          owners: ["U0OWNER1"],
          dueOn: today,
          indicators: [{ label: HOSTILE, unit: HOSTILE, baseline: 1, target: 2 }],
        };
        return iprev.importPreviewModal({
          locale: "fr",
          contractTitle: HOSTILE,
          rows: [
            { kind: "add", line: 2, input, currents: [null] },
            {
              kind: "modify",
              line: 3,
              id: c1.id,
              input: { ...input, ref: "ETAT-01" },
              currents: [3],
              changes: [
                { field: "title", before: HOSTILE, after: HOSTILE },
                { field: "dueOn", before: null, after: today },
                { field: "owners", added: ["U0OWNER1"], removed: ["U0OWNER2"] },
                {
                  field: "indicator",
                  label: HOSTILE,
                  change: "changed",
                  parts: [{ part: "unit", before: HOSTILE, after: HOSTILE }],
                },
              ],
            },
          ],
          counts: { added: 1, modified: 1, unchanged: 0 },
          ignoredColumns: [HOSTILE],
          privateMetadata: "{}",
        });
      },
    ],
    importNotAppliedModal: [() => iprev.importNotAppliedModal("fr", HOSTILE)],
    importFailedText: [() => iprev.importFailedText("en")],
    chooseContractReply: [() => contracts.chooseContractReply([{ ...contract, ref: HOSTILE }], "fr")],
    contractsReply: [
      () => contracts.contractsReply([{ contract: { ...contract, ref: HOSTILE }, role: "MEMBER" }], contract.id, "fr"),
    ],
    contractChosenReply: [() => contracts.contractChosenReply({ ...contract, ref: HOSTILE }, "fr")],
    createContractRefusedText: [() => contracts.createContractRefusedText("fr")],
    contractCreatedMessage: [() => contracts.contractCreatedMessage({ ...contract, ref: HOSTILE }, "fr")],
    contractModal: [() => cmodalNew.contractModal({ locale: "fr", privateMetadata: "{}" })],
    contractChannelInputs: [
      () => cmodalNew.contractChannelInputs("fr", { channelId: HOSTILE, digestChannelId: HOSTILE }),
    ],
    countText: [() => list.countText(2, "fr")],
    commitmentListReply: [
      () =>
        list.commitmentListReply({
          title: "Engagements",
          description: "Tous",
          commitments: [c1, c2],
          parties,
          today,
          nav,
          empty: "Aucun",
        }),
    ],
    meetingModal: [() => mmodal.meetingModal({ locale: "fr", timezone, initialDate: today, privateMetadata: "{}" })],
    meetingText: [() => meet.meetingText(meeting, today, timezone, nav)],
    meetingsReply: [() => meet.meetingsReply({ meetings: [meeting], today, timezone, nav })],
    textInput: [() => parts.textInput("b", HOSTILE, { initial: HOSTILE, hint: HOSTILE })],
    option: [() => parts.option(HOSTILE, "v")],
    staticSelect: [() => parts.staticSelect("b", HOSTILE, [parts.option(HOSTILE, "v")])],
    usersSelect: [() => parts.usersSelect("b", HOSTILE, { initial: ["U0OWNER1"] })],
    userSelect: [() => parts.userSelect("b", HOSTILE, { initial: "U0OWNER1" })],
    absenceSpan: [() => abs.absenceSpan(absence, "fr")],
    absenceFormErrors: [
      () => abs.absenceFormErrors({ kind: "date", typed: HOSTILE, why: "format" }, "fr"),
      () => abs.absenceFormErrors({ kind: "unknown_person", typed: HOSTILE }, "en"),
    ],
    absenceReply: [
      () => abs.absenceReply({ kind: "invalid", problem: { kind: "date", typed: HOSTILE, why: "calendar" } }, "fr"),
      () => abs.absenceReply({ kind: "invalid", problem: { kind: "unknown_person", typed: HOSTILE } }, "en"),
      () => abs.absenceReply({ kind: "declared", absence, replaced: absence, today }, "fr"),
      () => abs.absenceReply({ kind: "shown", absence, today, standingInFor: [absence] }, "en"),
      () => abs.absenceReply({ kind: "ended", absence, today }, "fr"),
    ],
    standInNotice: [() => abs.standInNotice(absence, "fr")],
    absenceHomeBlocks: [
      () => abs.absenceHomeBlocks(absence, today, "fr"),
      () => abs.absenceHomeBlocks(null, today, "en"),
    ],
    absenceModal: [() => abs.absenceModal(today, "en")],
    contractSettingsModal: [
      () => settingsViews.contractSettingsModal({ contract, current: settings, locale: "fr", privateMetadata: "{}" }),
    ],
    contractSettingsSaved: [
      () => settingsViews.contractSettingsSaved(contract, settings, "fr"),
      () => settingsViews.contractSettingsSaved(contract, { ...settings, channelId: null }, "en"),
    ],
    renewalModal: [
      () =>
        renewal.renewalModal({
          contract,
          defaults: { ref: HOSTILE, title: HOSTILE, signedOn: "2027-01-01", endsOn: "2032-04-10" },
          candidates: [c1, c2],
          locale: "fr",
          privateMetadata: "{}",
        }),
    ],
    contractClosedText: [
      () =>
        renewal.contractClosedText({ ref: HOSTILE, title: HOSTILE, successor: { ref: HOSTILE, title: HOSTILE } }, "fr"),
    ],
    contractClosedError: [() => renewal.contractClosedError({ ref: HOSTILE, title: HOSTILE, successor: null }, "en")],
    contractClosedReply: [() => renewal.contractClosedReply({ ref: HOSTILE, title: HOSTILE, successor: null }, "en")],
    renewalNotCoordinatorText: [() => renewal.renewalNotCoordinatorText("fr")],
    renewalRefusedText: [
      () => renewal.renewalRefusedText({ why: "not_coordinator" }, "en"),
      () =>
        renewal.renewalRefusedText(
          {
            why: "already_renewed",
            closed: { ref: HOSTILE, title: HOSTILE, successor: { ref: HOSTILE, title: HOSTILE } },
          },
          "fr",
        ),
    ],
    finalReportTitle: [() => renewal.finalReportTitle({ title: HOSTILE })],
    alreadyRenewedText: [
      () =>
        renewal.alreadyRenewedText({ ref: HOSTILE, title: HOSTILE, successor: { ref: HOSTILE, title: HOSTILE } }, "en"),
    ],
    contractRenewedMessage: [
      () =>
        renewal.contractRenewedMessage(
          { old: contract, next: { ...contract, ref: HOSTILE }, carried: [{ from: HOSTILE, to: HOSTILE }] },
          "fr",
        ),
    ],
    renewalNotMadeText: [() => renewal.renewalNotMadeText("CSI-X vient d'être pris.", "fr")],
    finalReportComment: [() => renewal.finalReportComment(contract, "fr")],
    finalReportFailedText: [() => renewal.finalReportFailedText({ ...contract, ref: HOSTILE }, "en")],
    carriedLinkBlocks: [
      () =>
        renewal.carriedLinkBlocks(
          { from: { contractRef: HOSTILE, ref: HOSTILE }, to: { contractRef: HOSTILE, ref: HOSTILE } },
          "fr",
        ),
    ],
    datePicker: [() => parts.datePicker("b", HOSTILE, { initial: today })],
    timePicker: [() => parts.timePicker("b", HOSTILE, { initial: "10:00", timezone })],
    channelSelect: [() => parts.channelSelect("b", HOSTILE, { initial: "C0COPIL" })],
    confidentialityNotice: [() => parts.confidentialityNotice("fr")],
    detailUnavailableText: [() => refusal.detailUnavailableText("en")],
    noContractReply: [() => readReplies.noContractReply("fr")],
    updateWhichReply: [
      () => readReplies.updateWhichReply(["ETAT-08", "VILLE-03"], "fr"),
      () => readReplies.updateWhichReply([], "en"),
    ],
    updateRefNotFoundReply: [
      () => readReplies.updateRefNotFoundReply(HOSTILE, ["ETAT-08"], "fr"),
      () => readReplies.updateRefNotFoundReply(HOSTILE, [], "en"),
    ],
    staleButtonReply: [() => readReplies.staleButtonReply("fr"), () => readReplies.staleButtonReply()],
    unknownCommandNotice: [() => readReplies.unknownCommandNotice("ouvrir", "fr")],
    reportPartyNotUnderstoodReply: [
      () =>
        readReplies.reportPartyNotUnderstoodReply({
          parties: [{ code: HOSTILE, label: HOSTILE }],
          typed: HOSTILE,
          locale: "fr",
        }),
    ],
    filterNotUnderstoodReply: [
      () =>
        readReplies.filterNotUnderstoodReply({
          partyLabels: [HOSTILE],
          unknown: [HOSTILE],
          example: { fr: "/csi liste ville", en: "/csi list city" },
          locale: "fr",
        }),
    ],
    followNote: [
      () => answers.followNote("fr", HOSTILE, true, true),
      () => answers.followNote("en", HOSTILE, false, false),
    ],
    snoozeAnswer: [
      () => answers.snoozeAnswer({ kind: "snoozed", until: new Date("2026-11-24T08:00:00Z") }, timezone, "fr"),
      () => answers.snoozeAnswer({ kind: "refused" }, timezone, "en"),
    ],
    numberInput: [
      () => parts.numberInput("b", HOSTILE, { decimal: true, min: -1, max: 1, initial: 0.5, hint: HOSTILE }),
    ],
    urlInput: [() => parts.urlInput("b", HOSTILE, { initial: "https://example.org/<!channel>", hint: HOSTILE })],
    messageModal: [() => parts.messageModal({ callbackId: "c", title: HOSTILE, text: blocks.esc(HOSTILE) }, "fr")],
    formModal: [
      () =>
        parts.formModal({ callbackId: "c", title: HOSTILE, submit: HOSTILE, privateMetadata: "{}", blocks: [] }, "fr"),
    ],
    ephemeralNav: [() => pag.ephemeralNav(HOSTILE, "fr")],
    encodeNavValue: [() => pag.encodeNavValue(HOSTILE, "fr")],
    decodeNavValue: [() => pag.decodeNavValue(pag.encodeNavValue(HOSTILE, "fr"))],
    paginate: [() => pag.paginate([HOSTILE], 0, 10)],
    shareButton: [() => pag.shareButton(nav)],
    sharedByContext: [() => pag.sharedByContext("U0OWNER1", HOSTILE, "fr")],
    footerBlocks: [() => pag.footerBlocks(nav, { page: 1, pages: 3 })],
    updateDetailBlocks: [() => pmsg.updateDetailBlocks(c1, update, "fr")],
    updateConfirmationMessage: [
      () => pmsg.updateConfirmationMessage({ commitment: c1, update, doneRequested: true, locale: "fr" }),
      () => pmsg.updateConfirmationMessage({ commitment: c1, update: correction, doneRequested: false, locale: "en" }),
    ],
    updateAnnouncement: [
      () => pmsg.updateAnnouncement(c1, update, "fr", "channel"),
      () => pmsg.updateAnnouncement(c1, correction, "fr", "follower"),
    ],
    progressRefusal: [() => pmsg.progressRefusal(c1, ["U0COORD01"], "fr")],
    commitmentGoneReply: [() => pmsg.commitmentGoneReply("en")],
    updateGoneReply: [() => pmsg.updateGoneReply("fr")],
    nothingToCorrectText: [() => pmsg.nothingToCorrectText("ETAT-08", "en")],
    noContractYetReply: [() => admin.noContractYetReply("fr")],
    meetingGoneReply: [() => admin.meetingGoneReply("en")],
    savingFailedText: [() => admin.savingFailedText("fr")],
    staleFormText: [() => stale.staleFormText("fr")],
    unreadableFieldText: [() => stale.unreadableFieldText("en")],
    staleFormView: [() => stale.staleFormView("fr")],
    whoMayAct: [() => who.whoMayAct(c1, ["U0COORD01"], "fr"), () => who.whoMayAct({ owners: [] }, [], "en")],
    // A ref is checked by domain/refs.ts before it is stored: these form errors are plain text.
    progressRefusalText: [
      () => pmsg.progressRefusalText("not_owner", "ETAT-01", "fr"),
      () => pmsg.progressRefusalText("gone", null, "en"),
    ],
    encodeProgressMetadata: [
      () => pmodal.encodeProgressMetadata({ commitmentId: c1.id, supersedesId: null, locale: "fr" }),
    ],
    decodeProgressMetadata: [() => pmodal.decodeProgressMetadata(HOSTILE)],
    indicatorBlockId: [() => pmodal.indicatorBlockId("i1")],
    blockIdOf: [() => pmodal.blockIdOf("comment")],
    progressBlockErrors: [() => pmodal.progressBlockErrors({ comment: { code: "text-too-long", max: 3000 } }, "fr")],
    readProgressForm: [() => pmodal.readProgressForm({})],
    progressLoadingModal: [() => pmodal.progressLoadingModal("ETAT-01", "fr")],
    progressNoticeModal: [() => pmodal.progressNoticeModal("Vigie", "fr")],
    progressUpdateModal: [
      () => pmodal.progressUpdateModal({ commitment: c1, locale: "fr", timezone, latest: update }),
      () => pmodal.progressUpdateModal({ commitment: c1, locale: "fr", timezone, correcting: update }),
    ],
    readRefusalReply: [() => refusal.readRefusalReply("fr", ["U0COORD01"])],
    coordinatorOnlyReply: [() => refusal.coordinatorOnlyReply("fr", ["U0COORD01"])],
    coordinatorReadReply: [() => refusal.coordinatorReadReply("fr", ["U0COORD01"])],
    refusalReply: [
      () => refusal.refusalReply("read-access", "fr", ["U0COORD01"]),
      () => refusal.refusalReply("coordinators-read", "fr", ["U0COORD01"]),
      () => refusal.refusalReply("changes-contract", "en", ["U0COORD01"]),
    ],
    updateButton: [() => rem.updateButton(c1.id, "fr")],
    snoozeButtons: [() => rem.snoozeButtons("k", "fr")],
    meetingReminderMessage: [
      () => rem.meetingReminderMessage({ meeting, daysBefore: 1, watch: [c1, c2], today, timezone, locale: "fr" }),
    ],
    foldedReminderMessage: [
      () =>
        folded.foldedReminderMessage({
          own: [
            { commitment: c1, reasons: [{ kind: "overdue", week: 2 }], keys: ["k"], snoozed: true },
            {
              commitment: c2,
              reasons: [
                { kind: "deadline", daysBefore: 7 },
                { kind: "checkin", meeting },
              ],
              keys: ["k1", "k2"],
              snoozed: false,
              onBehalfOf: "U0OWNER2",
            },
          ],
          copies: [{ commitment: c1, owners: ["U0OWNER1"], onBehalfOf: "U0OWNER1" }],
          today,
          timezone,
          locale: "fr",
        }),
    ],
    meetingLabel: [() => folded.meetingLabel(meeting, timezone, "en")],
    problemText: [
      () =>
        pwords.problemText(
          { code: "personal-data", findings: [{ kind: "NAMED_PERSON", excerpt: HOSTILE, index: 0 }] },
          "fr",
        ),
      () =>
        pwords.problemText(
          { code: "indicator-lines", lines: [{ line: 1, problem: { code: "unit-too-long", max: 40, unit: HOSTILE } }] },
          "en",
        ),
    ],
    importProblemMessages: [() => iwords.importProblemMessages(hostileImport, "fr")],
    importProblemsText: [() => iwords.importProblemsText(hostileImport, "en")],
    importRefusalText: [
      () => iwords.importRefusalText({ why: "too_many_emails", count: 101, max: 100 }, "fr"),
      () => iwords.importRefusalText({ why: "preview_gone" }, "en"),
      () => iwords.importRefusalText({ why: "changed_since", refs: [HOSTILE, HOSTILE] }, "fr"),
      () => iwords.importRefusalText({ why: "ref_taken", ref: HOSTILE }, "en"),
    ],
    importSourceMissingText: [() => iwords.importSourceMissingText("fr")],
    importFileProblemText: [
      () => iwords.importFileProblemText("too_big", "fr"),
      () => iwords.importFileProblemText("unreadable", "en"),
      () => iwords.importFileProblemText("not_found", "fr"),
    ],
    decisionLinesText: [
      () =>
        lwords.decisionLinesText(
          [
            { line: 1, problem: { code: "unknown-ref", typed: HOSTILE, suggestions: [HOSTILE] } },
            { line: 2, problem: { code: "unknown-party", typed: HOSTILE, parties: ["ETAT"] } },
          ],
          "fr",
        ),
    ],
    partyLinesText: [
      () => lwords.partyLinesText([{ line: 1, problem: { code: "code-malformed", typed: HOSTILE } }], "en"),
    ],
    indicatorLinesText: [
      () => lwords.indicatorLinesText([{ line: 1, problem: { code: "baseline-not-a-number", typed: HOSTILE } }], "fr"),
    ],
    problemTexts: [() => pwords.problemTexts({ ref: { code: "ref-taken", ref: HOSTILE, next: "ETAT-02" } }, "fr")],
    dateWindowText: [() => dwt.dateWindowText({ from: "2020-01-01", to: "2031-12-31" }, "fr")],
    chooseDateText: [() => dwt.chooseDateText("en")],
    listHeading: [
      () => lhead.listHeading({ list: "all", partyLabel: HOSTILE, status: "LATE" }, "fr"),
      () => lhead.listHeading({ list: "all", partyLabel: null, status: null }, "en"),
      () => lhead.listHeading({ list: "ownerless" }, "fr"),
      () => lhead.listHeading({ list: "toComplete" }, "en"),
      () => lhead.listHeading({ list: "mine" }, "fr"),
      () => lhead.listHeading({ list: "overdue" }, "en"),
      () => lhead.listHeading({ list: "due", days: 30, until: "2026-12-31" }, "fr"),
      () => lhead.listHeading({ list: "search", query: HOSTILE }, "fr"),
      () => lhead.listHeading({ list: "search", query: HOSTILE }, "en"),
    ],
    listEditWord: [() => lhead.listEditWord("ownerless", "fr"), () => lhead.listEditWord("toComplete", "en")],
    dueDaysNotUnderstoodReply: [() => lhead.dueDaysNotUnderstoodReply(HOSTILE, "fr")],
    searchWordsMissingReply: [() => lhead.searchWordsMissingReply("en")],
    confidentialityError: [
      () => cwords.confidentialityError([{ kind: "NAMED_PERSON", index: 0, excerpt: HOSTILE }], "fr"),
      () => cwords.confidentialityError([{ kind: "PHONE", index: 0, excerpt: HOSTILE }], "en"),
    ],
    stillOnTrackComment: [() => still.stillOnTrackComment("fr"), () => still.stillOnTrackComment("en")],
    stillOnTrackAnswer: [
      () =>
        still.stillOnTrackAnswer(
          {
            kind: "invalid",
            errors: {
              comment: { code: "personal-data", findings: [{ kind: "NAMED_PERSON", excerpt: HOSTILE, index: 0 }] },
            },
          },
          "fr",
        ),
      () =>
        still.stillOnTrackAnswer(
          { kind: "recorded", recorded: { commitment: c1, update, doneRequested: false, requests: [], locale: "fr" } },
          "en",
        ),
    ],
    textReply: [() => reply.textReply("Vigie")],
    requestDetails: [() => req.requestDetails(pendingDone, "fr"), () => req.requestDetails(dueRequest.request, "en")],
    pendingLabel: [() => req.pendingLabel("DONE", "fr"), () => req.pendingLabel("DUE_DATE", "en")],
    decisionButtons: [() => req.decisionButtons("r1", "fr")],
    requestToDecideMessage: [
      () => req.requestToDecideMessage(requestWithRef, "fr"),
      () => req.requestToDecideMessage(dueRequest, "en"),
    ],
    alreadyDecidedText: [() => req.alreadyDecidedText(requestWithRef, timezone, "fr")],
    cannotDecideText: [
      () => req.cannotDecideText("own_request", "fr", ["U0COORD01"]),
      () => req.cannotDecideText("not_coordinator", "en"),
    ],
    decidedNotice: [() => req.decidedNotice(requestWithRef, "fr"), () => req.decidedNotice(dueRequest, "en")],
    decisionForOwner: [
      () => req.decisionForOwner(requestWithRef, "fr", true),
      () => req.decisionForOwner(dueRequest, "fr", false),
    ],
    refusalReasonModal: [() => reqModals.refusalReasonModal(requestWithRef, "fr")],
    whoDecidesText: [() => req.whoDecidesText(["U0COORD01"], "fr"), () => req.whoDecidesText([], "en")],
    proposeDueDateModal: [() => reqModals.proposeDueDateModal({ ...c1, title: c1.title }, "fr")],
    dueDateProposedText: [() => req.dueDateProposedText(dueRequest, ["U0COORD01"], "fr")],
    dueDateNotYoursText: [() => req.dueDateNotYoursText("en")],
    chartImage: [() => charts.chartImage("F0CHART", HOSTILE, HOSTILE), () => charts.chartImage("F0CHART", HOSTILE)],
    withImagesNearTop: [
      () => charts.withImagesNearTop(reply.textReply(blocks.esc(HOSTILE)), [charts.chartImage("F0CHART", HOSTILE)]),
    ],
    withImagesAtEnd: [
      () => charts.withImagesAtEnd(reply.textReply(blocks.esc(HOSTILE)), [charts.chartImage("F0CHART", HOSTILE)]),
    ],
    digestChartBlock: [() => charts.digestChartBlock("F0CHART", digest)],
    fileRefusalText: [() => fmsg.fileRefusalText(HOSTILE, "fr"), () => fmsg.fileRefusalText("missing_scope", "en")],
    fileNotSentReply: [
      () => fmsg.fileNotSentReply("export", HOSTILE, "fr"),
      () => fmsg.fileNotSentReply("report", "missing_scope", "en"),
      () => fmsg.fileNotSentReply("calendar", HOSTILE, "fr"),
    ],
    nothingToSendReply: [
      () => fmsg.nothingToSendReply("export", "fr"),
      () => fmsg.nothingToSendReply("calendar", "en"),
    ],
    exportFileWords: [() => fmsg.exportFileWords(HOSTILE, 3, "2026-11-23", "fr")],
    fileSentReply: [
      () => fmsg.fileSentReply("export", "engagements-csi.csv", 1, "en"),
      () => fmsg.fileSentReply("calendar", "reunions-csi.ics", 2, "fr"),
      () => fmsg.fileSentReply("report", "rapport.pdf", 3, "en"),
    ],
    calendarFileWords: [() => fmsg.calendarFileWords(HOSTILE, 2, "fr")],
    reportFileWords: [
      () =>
        fmsg.reportFileWords(
          HOSTILE,
          ` — ${HOSTILE}`,
          { today: "2026-11-23", total: 4, averageProgress: 40, overdue: 1 },
          "fr",
        ),
    ],
    contractStatusReply: [
      () =>
        status.contractStatusReply({
          contract,
          parties: [],
          nextMeetings: [
            { kind: "GLTD", meeting },
            { kind: "COPIL", meeting: null },
          ],
          today,
          timezone,
          nav,
        }),
    ],
  };
}

/**
 * Functions whose string result is not mrkdwn: a button value (JSON), or a raw label every caller passes
 * through plain(). Their result is not checked as text; the builders that use them are.
 */
// Field errors are plain text for Slack; a view that puts a problem's words in mrkdwn escapes them (stillOnTrackAnswer).
const NOT_MRKDWN = new Set([
  // Plain text for a modal's inline error.
  "contractClosedError",
  "encodeNavValue",
  "encodeProgressMetadata",
  "indicatorBlockId",
  "blockIdOf",
  "partyLabel",
  "problemText",
  "problemTexts",
  "dateWindowText",
  "decisionLinesText",
  "partyLinesText",
  "indicatorLinesText",
  "importProblemMessages",
  "importProblemsText",
  // Plain text: an inline error, a modal's plain() section, a file's title.
  "importRefusalText",
  "importFileProblemText",
  "finalReportTitle",
  "confidentialityError",
  // A button's label (plain text).
  "listEditWord",
]);

/** Exports that are data or types at run time, not builders. */
const NOT_BUILDERS = new Set([
  "LIMITS",
  "HOME_LIMITS",
  "DIGEST_TOP",
  "LIST_PAGE_SIZE",
  "MEETINGS_PAGE_SIZE",
  "RECIPIENT_FIELD_LABELS",
]);
const NUMBERED = /^(?:MAX_|[A-Z_]+_PAGE_SIZE$|PROGRESS_)/;

describe("escaping: every view builder with hostile text", () => {
  it("the hostile text itself is caught by the checker (the test can fail)", () => {
    expect(liveMarkup(HOSTILE, trusted).length).toBeGreaterThanOrEqual(8);
    expect(liveMarkup("<@U0OWNER1> <#C0COPIL> <https://ok.example/a>", trusted)).toEqual([]);
  });

  it("every exported function of src/slack/views/ has a hostile call and leaves no live markup", async () => {
    const table = await calls();
    const files = readdirSync(VIEWS_DIR).filter((f) => f.endsWith(".ts"));
    const missing: string[] = [];
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const file of files) {
      const mod = (await import(join(VIEWS_DIR, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function") {
          if (!NOT_BUILDERS.has(name) && !NUMBERED.test(name) && typeof value === "object")
            missing.push(`${file}: ${name} (an exported object: list it in NOT_BUILDERS if it renders nothing)`);
          continue;
        }
        if (seen.has(name) && name !== "esc" && name !== "tr") continue;
        seen.add(name);
        if (name === "tr") continue; // the wording switch, re-exported from domain/locale
        const cs = table[name];
        if (!cs?.length) {
          missing.push(`${file}: ${name}`);
          continue;
        }
        for (const [i, call] of cs.entries()) {
          const result = call();
          if (NOT_MRKDWN.has(name) && typeof result === "string") continue;
          for (const text of mrkdwnTexts(result)) {
            const live = liveMarkup(text, trusted);
            if (live.length) problems.push(`${file} ${name}#${i}: ${live.join(" ")}`);
          }
        }
      }
    }
    expect(missing, "builders without a hostile call in this test").toEqual([]);
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(60);
  });
});
