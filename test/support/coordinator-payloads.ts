// Payloads as Slack sends them for the coordinators' surfaces: App Home events, Home buttons and menus,
// modal submissions. Signed and posted through the real receiver by the helpers below.
import { randomUUID } from "node:crypto";
import { BLOCKS } from "../../src/slack/ids.js";
import { buttonPayload } from "./progress-fixtures.js";
import { slackSignatureHeaders } from "./slack-signature.js";
import { blocksText, COORDINATOR, TEST_SIGNING_SECRET, type TestApp } from "./test-app.js";
import { viewSubmissionPayload } from "./view-submission.js";

type Json = Record<string, unknown>;

/** Signs and posts an Events API callback (JSON body), as Slack does for app_home_opened. */
export async function sendEvent(t: TestApp, event: Json): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({
    token: "legacy-verification-token",
    team_id: "T0TEST",
    api_app_id: "A0VIGIE",
    type: "event_callback",
    event_id: `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
  return t.post(body, slackSignatureHeaders(TEST_SIGNING_SECRET, body), "application/json");
}

export const appHomeOpened = (user: string, tab: "home" | "messages" = "home"): Json => ({
  type: "app_home_opened",
  user,
  channel: `D${user.slice(1)}`,
  tab,
  event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
});

/** A click on the App Home: a button (value) or a static_select (selected option value). */
export function homeAction(
  userId: string,
  action: { actionId: string; value: string; select?: boolean },
): Json & { trigger_id: string } {
  const click = buttonPayload({ actionId: action.actionId, value: action.value, userId, blockId: "coord" });
  if (!action.select) return click;
  const selected = {
    type: "static_select",
    action_id: action.actionId,
    block_id: "coord",
    selected_option: { text: { type: "plain_text", text: "x" }, value: action.value },
    action_ts: "1.2",
  };
  return { ...click, actions: [selected] };
}

/** The private_metadata of a coordinator's form: its language and what it is about ({ contract } or { id }). */
export const formMetadata = (about: Json, locale: "fr" | "en" = "fr"): string => JSON.stringify({ locale, ...about });

/** The commitment with that ref in the default contract, as the store returns it; null when there is none. */
export async function storedCommitment(t: TestApp, ref: string) {
  const contract = await t.vigie.deps.store.contracts.findDefault();
  return contract ? t.vigie.deps.store.commitments.findByRef(contract.id, ref) : null;
}

/** The default contract's id, `member` made a committee member of it by the coordinator. */
export async function defaultContractWithMember(t: TestApp, member: string): Promise<string> {
  const contractId = (await t.vigie.deps.store.contracts.findDefault())?.id ?? "";
  await t.vigie.deps.store.roles.assign(member, "MEMBER", COORDINATOR, contractId, new Date());
  return contractId;
}

/** `/csi <text>` typed by `userId`, and the form of `callbackId` it opens (the view given to views.open). */
export async function commandForm(t: TestApp, text: string, userId: string, callbackId: string): Promise<Json> {
  const from = t.slack.calls.length;
  await t.command(text, { userId });
  const open = await t.slack.waitFor(
    (c) =>
      c.method === "views.open" &&
      t.slack.calls.indexOf(c) >= from &&
      (c.params.view as { callback_id?: string }).callback_id === callbackId,
  );
  return open.params.view as Json;
}

/** The contract with that ref as stored, with its parties in order and its roles; throws when there is none. */
export const storedContract = (t: TestApp, ref: string) =>
  t.db.prisma.contract.findFirstOrThrow({
    where: { ref },
    include: { parties: { orderBy: { position: "asc" } }, roles: true },
  });

/** The audit entries of one action, oldest first. */
export const auditEntries = (t: TestApp, action: string) =>
  t.db.prisma.auditEntry.findMany({ where: { action }, orderBy: { id: "asc" } });

/** Waits for a direct message from Vigie to `userId` whose text contains `contains`. */
export const directMessageTo = (t: TestApp, userId: string, contains: string) =>
  t.slack.waitFor(
    (c) => c.method === "chat.postMessage" && c.params.channel === userId && blocksText(c.params).includes(contains),
  );

/** One element's value in view.state.values, by kind. */
export type FieldValue =
  | { text: string | null }
  | { option: string | null }
  | { users: string[] }
  | { user: string | null }
  | { date: string | null }
  | { time: string | null }
  | { conversation: string | null }
  | { files: { id: string; name: string; filetype: string }[] }
  | { checked: string[] };

export function stateValues(fields: Record<string, FieldValue>): Record<string, Record<string, Json>> {
  const out: Record<string, Record<string, Json>> = {};
  for (const [block, f] of Object.entries(fields)) {
    let v: Json;
    if ("text" in f) v = { type: "plain_text_input", value: f.text };
    else if ("option" in f)
      v = {
        type: "static_select",
        selected_option: f.option === null ? null : { text: { type: "plain_text", text: f.option }, value: f.option },
      };
    else if ("users" in f) v = { type: "multi_users_select", selected_users: f.users };
    else if ("user" in f) v = { type: "users_select", selected_user: f.user };
    else if ("date" in f) v = { type: "datepicker", selected_date: f.date };
    else if ("time" in f) v = { type: "timepicker", selected_time: f.time };
    else if ("files" in f) v = { type: "file_input", files: f.files };
    else if ("checked" in f)
      v = {
        type: "checkboxes",
        selected_options: f.checked.map((value) => ({ text: { type: "plain_text", text: value }, value })),
      };
    else v = { type: "conversations_select", selected_conversation: f.conversation };
    out[block] = { value: v };
  }
  return out;
}

export function viewSubmission(s: {
  userId: string;
  callbackId: string;
  privateMetadata: string;
  fields: Record<string, FieldValue>;
  viewId?: string;
}): Json {
  return viewSubmissionPayload({ ...s, values: stateValues(s.fields) });
}

/** The HTTP answer to a submission: null for a plain ack (modal closes), else the response_action. */
export async function submitView(
  t: TestApp,
  payload: Json,
): Promise<{ response_action: string; errors: Record<string, string> } | null> {
  const res = await t.interact(payload);
  if (res.status !== 200) throw new Error(`view_submission answered HTTP ${res.status}`);
  return res.body ? (JSON.parse(res.body) as { response_action: string; errors: Record<string, string> }) : null;
}

/**
 * A form of `callbackId` submitted by `userId` with `fields` (typed loosely by the tests' own `form()` helpers),
 * its metadata as our modals write it (formMetadata, in French); the HTTP answer as submitView gives it.
 */
export const submitForm = (
  t: TestApp,
  s: { callbackId: string; about: Json; userId: string; fields: Record<string, unknown>; viewId?: string },
) =>
  submitView(
    t,
    viewSubmission({
      userId: s.userId,
      callbackId: s.callbackId,
      privateMetadata: formMetadata(s.about),
      fields: s.fields as Record<string, FieldValue>,
      ...(s.viewId ? { viewId: s.viewId } : {}),
    }),
  );

/** A complete, valid « Nouvel engagement » form for VILLE, owned by U0OWNER01; `over` replaces fields. */
export const commitmentFields = (over: Record<string, FieldValue> = {}): Record<string, FieldValue> => ({
  [BLOCKS.party]: { option: "VILLE" },
  [BLOCKS.ref]: { text: null },
  [BLOCKS.title]: { text: "Étendre la vidéoprotection au quartier des Hauts-de-Chambéry" },
  [BLOCKS.description]: { text: "Dix caméras supplémentaires" },
  [BLOCKS.leadService]: { text: "Police municipale" },
  [BLOCKS.owners]: { users: ["U0OWNER01"] },
  [BLOCKS.dueOn]: { date: "2027-06-30" },
  [BLOCKS.indicators]: { text: "Caméras installées ; caméras ; 0 ; 10\nTaux de disponibilité ; % ; ; 95" },
  ...over,
});

/** A complete, valid « Planifier une réunion » form (COPIL, 7 December 2026 14:30 Paris); `over` replaces fields. */
export const meetingFields = (over: Record<string, FieldValue> = {}): Record<string, FieldValue> => ({
  [BLOCKS.meetingKind]: { option: "COPIL" },
  [BLOCKS.title]: { text: "COPIL de fin d'année" },
  [BLOCKS.meetingDate]: { date: "2026-12-07" },
  [BLOCKS.meetingTime]: { time: "14:30" },
  [BLOCKS.place]: { text: "Hôtel de ville" },
  [BLOCKS.channel]: { conversation: "C0COPIL" },
  [BLOCKS.attendees]: { users: ["U0OWNER01", "U0MEMBER1"] },
  [BLOCKS.agenda]: { text: "Bilan des engagements" },
  ...over,
});
