// Sends signed Slack requests to a running app and times each one twice: to the ack (the HTTP answer)
// and to the answer (the reply recorded by the fake Slack: response_url post, or a Web API call).
import { randomUUID } from "node:crypto";
import type { FakeSlack, RecordedCall } from "../src/local/slack-stand-in.js";
import { runPool } from "./pool.js";
import { slackSignatureHeaders } from "./sign.js";
import { type Summary, summarize } from "./stats.js";

export interface LoadTarget {
  baseUrl: string;
  slack: FakeSlack;
  signingSecret: string;
}

export interface Sample {
  ackMs: number;
  /** Null when no answer arrived (see `problem`). */
  answerMs: number | null;
  status: number;
  problem?: string;
}

/** How long a request may take to be answered before it counts as lost. */
export const ANSWER_TIMEOUT_MS = 10_000;

/** Slack shows the user an error when a request is not acknowledged within this time. */
export const SLACK_ACK_WINDOW_MS = 3_000;

/** Web API methods that carry a reply to the user (reads such as users.info are not answers). */
const ANSWER_METHODS = new Set([
  "chat.postMessage",
  "chat.postEphemeral",
  "chat.update",
  "views.publish",
  "views.update",
  "views.push",
]);

async function post(
  target: LoadTarget,
  body: string,
): Promise<{ sample: (answer: Promise<number | null>) => Promise<Sample> }> {
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    ...slackSignatureHeaders(target.signingSecret, body),
  };
  const started = performance.now();
  const res = await fetch(`${target.baseUrl}/slack/events`, { method: "POST", headers, body });
  const text = await res.text();
  const ackMs = performance.now() - started;
  return {
    sample: async (answer) => {
      const problem =
        res.status !== 200
          ? `HTTP ${res.status}`
          : /"response_action":"errors"/.test(text)
            ? `refused: ${text.slice(0, 300)}`
            : undefined;
      const answeredAt = problem ? null : await answer;
      return {
        ackMs,
        answerMs: answeredAt === null ? null : Math.max(ackMs, answeredAt - started),
        status: res.status,
        ...(problem ? { problem } : answeredAt === null ? { problem: `no answer within ${ANSWER_TIMEOUT_MS} ms` } : {}),
      };
    },
  };
}

const at = (p: Promise<RecordedCall>): Promise<number | null> =>
  p.then(
    () => performance.now(),
    () => null,
  );

/** Where a command is typed: the bench's single workspace and the COPIL channel unless told. */
export interface CommandPlace {
  teamId: string;
  channelId: string;
}

/** `/csi <text>` as Slack sends it; the answer is the post to its response_url. */
export async function sendCommand(
  target: LoadTarget,
  text: string,
  userId: string,
  place: CommandPlace = { teamId: "T0BENCH", channelId: "C0COPIL" },
): Promise<Sample> {
  const responseId = randomUUID();
  const body = new URLSearchParams({
    token: "legacy-verification-token",
    team_id: place.teamId,
    team_domain: "chambery",
    channel_id: place.channelId,
    channel_name: "copil-csi",
    user_id: userId,
    user_name: "bench",
    command: "/csi",
    text,
    api_app_id: "A0VIGIE",
    is_enterprise_install: "false",
    response_url: target.slack.responseUrl(responseId),
    trigger_id: `${Date.now()}.${responseId}`,
  }).toString();
  const answer = at(target.slack.waitForResponse(responseId, ANSWER_TIMEOUT_MS));
  return (await post(target, body)).sample(answer);
}

/**
 * A view_submission by `userId`; the answer is the first reply Slack receives for that user after it
 * was sent (a message or ephemeral to them, their DM, their App Home).
 */
export async function sendInteraction(
  target: LoadTarget,
  payload: Record<string, unknown>,
  userId: string,
): Promise<Sample> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const since = Date.now();
  const forUser = (c: RecordedCall) => {
    if (c.at < since || !ANSWER_METHODS.has(c.method)) return false;
    const p = c.params;
    return p.user === userId || p.user_id === userId || (typeof p.channel === "string" && p.channel.includes(userId));
  };
  const answer = at(target.slack.waitFor(forUser, ANSWER_TIMEOUT_MS));
  return (await post(target, body)).sample(answer);
}

export interface Measure {
  requests: number;
  concurrency: number;
  ack: Summary;
  answer: Summary;
  failures: number;
  /** Not acknowledged with HTTP 200 within Slack's 3 seconds: the user would have seen an error. */
  missedAckWindow: number;
  /** The first few problems, to say what went wrong. */
  problems: string[];
  wallMs: number;
  /** Requests per second over the whole run. */
  throughput: number;
}

export async function measure(
  requests: number,
  concurrency: number,
  send: (index: number) => Promise<Sample>,
): Promise<Measure> {
  const started = performance.now();
  const samples = await runPool(requests, concurrency, send);
  const wallMs = performance.now() - started;
  const ok = samples.filter((s) => s.answerMs !== null);
  const problems = [...new Set(samples.flatMap((s) => (s.problem ? [s.problem] : [])))].slice(0, 3);
  return {
    requests,
    concurrency,
    ack: summarize(samples.map((s) => s.ackMs)),
    answer: summarize(ok.map((s) => s.answerMs as number)),
    failures: samples.length - ok.length,
    missedAckWindow: samples.filter((s) => s.status !== 200 || s.ackMs > SLACK_ACK_WINDOW_MS).length,
    problems,
    wallMs: Math.round(wallMs),
    throughput: Math.round((requests / wallMs) * 1000 * 10) / 10,
  };
}
