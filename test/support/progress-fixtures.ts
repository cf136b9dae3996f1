// Progress-update fixtures: owners on seeded commitments, and interactivity payloads shaped exactly
// as Slack sends them (block_actions for buttons, view_submission for modals).
import type { TestApp } from "./test-app.js";
import { viewSubmissionPayload } from "./view-submission.js";

/** The seeded commitment with that ref, with its indicators in order. */
export async function commitmentByRef(t: TestApp, ref: string) {
  return t.db.prisma.commitment.findFirstOrThrow({
    where: { ref },
    include: { indicators: { orderBy: { position: "asc" } } },
  });
}

/** Seeded commitments have no owners: names them, and returns the commitment. */
export async function withOwners(t: TestApp, ref: string, ...userIds: string[]) {
  const c = await commitmentByRef(t, ref);
  for (const userId of userIds) await t.db.prisma.commitmentOwner.create({ data: { commitmentId: c.id, userId } });
  return c;
}

export async function addFollower(t: TestApp, commitmentId: string, userId: string): Promise<void> {
  await t.db.prisma.follower.create({ data: { commitmentId, userId } });
}

export interface ButtonClick {
  actionId: string;
  /** Absent for a button without a value (Slack then sends none). */
  value?: string;
  userId: string;
  /** A response_url (clicks on messages); none for the App Home. */
  responseUrl?: string;
  blockId?: string;
  /** The conversation of the message (a DM from Vigie by default) and whether it was ephemeral. */
  channelId?: string;
  ephemeral?: boolean;
}

/** A block_actions payload for a button on a bot message (or on the App Home when responseUrl is absent). */
export function buttonPayload(click: ButtonClick): Record<string, unknown> & { trigger_id: string } {
  const onMessage = click.responseUrl !== undefined;
  const channelId = click.channelId ?? "D0VIGIE";
  return {
    type: "block_actions",
    user: {
      id: click.userId,
      username: click.userId.toLowerCase(),
      name: click.userId.toLowerCase(),
      team_id: "T0TEST",
    },
    api_app_id: "A0VIGIE",
    token: "legacy-verification-token",
    container: onMessage
      ? {
          type: "message",
          message_ts: "1764000000.000100",
          channel_id: channelId,
          is_ephemeral: click.ephemeral ?? false,
        }
      : { type: "view", view_id: "V0HOME" },
    trigger_id: `${Date.now()}.${Math.floor(Math.random() * 1e9)}.trigger`,
    team: { id: "T0TEST", domain: "chambery" },
    enterprise: null,
    is_enterprise_install: false,
    ...(onMessage
      ? {
          channel: { id: channelId, name: channelId.startsWith("D") ? "directmessage" : "copil-csi" },
          message: {
            type: "message",
            user: "U0VIGIE",
            ts: "1764000000.000100",
            text: "Rappel",
            bot_id: "B0VIGIE",
            blocks: [],
          },
          response_url: click.responseUrl,
        }
      : {
          view: {
            id: "V0HOME",
            type: "home",
            callback_id: "",
            private_metadata: "",
            state: { values: {} },
            hash: "1.home",
          },
        }),
    state: { values: {} },
    actions: [
      {
        type: "button",
        action_id: click.actionId,
        block_id: click.blockId ?? "actions",
        text: { type: "plain_text", text: "Mettre à jour", emoji: true },
        value: click.value,
        action_ts: `${Math.floor(Date.now() / 1000)}.000200`,
      },
    ],
  };
}

/** What the user typed in the progress modal; absent fields were left empty. */
export interface ProgressFormInput {
  status?: string;
  progress?: string;
  indicators?: Record<string, string | null>;
  comment?: string;
  nextStep?: string;
  nextStepOn?: string;
  blockers?: string;
  evidenceUrl?: string;
  evidence?: string;
  proposedDueOn?: string;
  dueReason?: string;
}

/** One element's state in view.state.values. */
export interface StateValue {
  type: string;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { text: { type: "plain_text"; text: string; emoji: boolean }; value: string } | null;
}

/** view.state.values as Slack sends them: `{ block_id: { action_id: { type, value | selected_option | selected_date } } }`. */
export function progressStateValues(f: ProgressFormInput): Record<string, Record<string, StateValue>> {
  const v = (type: string, value: string | null | undefined) => ({ value: { type, value: value ?? null } });
  const values: Record<string, Record<string, StateValue>> = {
    status: {
      value: {
        type: "static_select",
        selected_option: f.status
          ? { text: { type: "plain_text", text: f.status, emoji: true }, value: f.status }
          : null,
      },
    },
    progress: v("number_input", f.progress),
    comment: v("plain_text_input", f.comment),
    next_step: v("plain_text_input", f.nextStep),
    next_step_on: { value: { type: "datepicker", selected_date: f.nextStepOn ?? null } },
    blockers: v("plain_text_input", f.blockers),
    evidence_url: v("url_text_input", f.evidenceUrl),
    evidence: v("plain_text_input", f.evidence),
    proposed_due_on: { value: { type: "datepicker", selected_date: f.proposedDueOn ?? null } },
    due_reason: v("plain_text_input", f.dueReason),
  };
  for (const [id, value] of Object.entries(f.indicators ?? {})) values[`indicator_${id}`] = v("number_input", value);
  return values;
}

export interface Submission {
  userId: string;
  privateMetadata: string;
  form: ProgressFormInput;
  viewId?: string;
  callbackId?: string;
}

/** A view_submission payload for the progress modal. */
export function submissionPayload(s: Submission): Record<string, unknown> {
  return viewSubmissionPayload({
    userId: s.userId,
    callbackId: s.callbackId ?? "csi_progress_update",
    privateMetadata: s.privateMetadata,
    values: progressStateValues(s.form),
    viewId: s.viewId,
    title: "Mise à jour",
  });
}

/** The private_metadata the modal carries (same shape as the builder's). */
export const progressMetadata = (
  commitmentId: string,
  supersedesId: string | null = null,
  locale: "fr" | "en" = "fr",
): string => JSON.stringify({ c: commitmentId, s: supersedesId, l: locale });

/** The refusal form of a request (« Refuser »), submitted with its reason. */
export function refusalPayload(userId: string, requestId: string, reason: string | null, viewId?: string) {
  return viewSubmissionPayload({
    userId,
    callbackId: "csi_refuse_request",
    privateMetadata: JSON.stringify({ r: requestId, l: "fr" }),
    values: { refusal_reason: { value: { type: "plain_text_input", value: reason } } },
    viewId,
    title: "Refuser la demande",
  });
}

/** The request a commitment has waiting, if any. */
export const pendingRequestOf = (t: TestApp, commitmentId: string, kind: "DONE" | "DUE_DATE" = "DONE") =>
  t.db.prisma.commitmentRequest.findFirst({ where: { commitmentId, kind, decision: null } });
