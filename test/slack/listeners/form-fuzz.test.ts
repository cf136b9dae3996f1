// Every form Vigie has (each view_submission callback) and the /csi command, sent over signed HTTP with
// random hostile values — control characters, wrong types, absurd numbers and dates, markup, missing or
// null state. Whatever comes: an HTTP 200, a French answer or a silent close, never « incident
// technique », never zod's English, nothing a listener throws, and nothing invalid stored.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATE_MARGIN_YEARS, INDICATOR_LIMIT, MAX_UNIT } from "../../../src/domain/bounds.js";
import { BLOCKS, CALLBACKS, INPUT_ACTION } from "../../../src/slack/ids.js";
import { formMetadata } from "../../support/coordinator-payloads.js";
import { insertMeeting } from "../../support/fixtures.js";
import { commitmentByRef, progressMetadata } from "../../support/progress-fixtures.js";
import { COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";
import { viewSubmissionPayload } from "../../support/view-submission.js";

type Json = Record<string, unknown>;
const ROUNDS = 30;

/** A small deterministic generator (mulberry32): the same run every time, a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, pick };
}

const HOSTILE_TEXTS = [
  "Bilan\u0000 du trimestre",
  "\u0000",
  "a\u0007b\u001bc\u007f\u0085d",
  "<!channel> <@U0EVIL> <#C0EVIL|general>",
  "x".repeat(10_000),
  "é".repeat(3001),
  "99999999999999999999",
  "1e30",
  "-1e13",
  "NaN",
  "Infinity",
  "12,5",
  "-0",
  "0x1F",
  "   ",
  "",
  "Caméras ; " + "u".repeat(60) + " ; 0 ; 10",
  "Caméras ; caméras ; 0 ; 100000000000000000000",
  "ETAT ; Titre correct ; 2999-12-31",
  "VILLE ; Titre correct ; 1899-01-01",
  "\ud800 lone surrogate",
  "https://evil.example/x|Justificatif",
  "javascript:alert(1)",
];
const HOSTILE_DATES = ["1899-12-31", "2999-01-01", "2026-02-30", "0000-00-00", "26-12-01", "demain", "", "2026-12-07"];
const WRONG_TYPES: unknown[] = [42, -1, 1e300, true, false, {}, [], ["a"], { value: 3 }, null];

function hostileElement(r: ReturnType<typeof prng>, element: Json): unknown {
  const roll = r.next();
  if (roll < 0.08) return r.pick(WRONG_TYPES); // the element itself is not an object
  const e = { ...element };
  const key = Object.keys(e).find((k) => k !== "type") ?? "value";
  if (roll < 0.35) e[key] = r.pick(WRONG_TYPES);
  else if (key === "selected_date") e[key] = r.pick(HOSTILE_DATES);
  else if (key === "selected_time") e[key] = r.pick(["25:00", "9h", "", "14:30", "\u0000"]);
  else if (key === "selected_option")
    e[key] = r.pick([{ value: r.pick(HOSTILE_TEXTS) }, { value: 7 }, { text: "x" }, null]);
  else if (key === "selected_users") e[key] = r.pick([[r.pick(HOSTILE_TEXTS)], [1, 2], ["U0OWNER01", "W0X"], []]);
  else if (key === "selected_conversation") e[key] = r.pick(HOSTILE_TEXTS);
  else e[key] = r.pick(HOSTILE_TEXTS);
  return e;
}

interface Form {
  metadata: () => string;
  values: () => Record<string, Record<string, Json>>;
}
const text = (value: string | null) => ({ [INPUT_ACTION]: { type: "plain_text_input", value } });

let t: TestApp;
const logLines: string[] = [];
let forms: Record<string, Form>;
beforeAll(async () => {
  t = await startTestApp({ logLines });
  const etat08 = await commitmentByRef(t, "ETAT-08");
  const meetingId = await insertMeeting(t.db.prisma, { kind: "GLTD", startsAt: new Date("2026-11-20T09:00:00Z") });
  const commitmentValues = () => ({
    [BLOCKS.party]: { [INPUT_ACTION]: { type: "static_select", selected_option: { value: "VILLE" } } },
    [BLOCKS.ref]: text(null),
    [BLOCKS.title]: text("Étendre la vidéoprotection"),
    [BLOCKS.description]: text("Dix caméras"),
    [BLOCKS.leadService]: text("Police municipale"),
    [BLOCKS.owners]: { [INPUT_ACTION]: { type: "multi_users_select", selected_users: ["U0OWNER01"] } },
    [BLOCKS.dueOn]: { [INPUT_ACTION]: { type: "datepicker", selected_date: "2027-06-30" } },
    [BLOCKS.indicators]: text("Caméras installées ; caméras ; 0 ; 10"),
  });
  forms = {
    [CALLBACKS.progressUpdate]: {
      metadata: () => progressMetadata(etat08.id),
      values: () => ({
        [BLOCKS.status]: { [INPUT_ACTION]: { type: "static_select", selected_option: { value: "ON_TRACK" } } },
        [BLOCKS.progress]: { [INPUT_ACTION]: { type: "number_input", value: "40" } },
        [`${BLOCKS.indicatorPrefix}${etat08.indicators[0]?.id}`]: {
          [INPUT_ACTION]: { type: "number_input", value: "3" },
        },
        [BLOCKS.comment]: text("Patrouilles renforcées"),
        [BLOCKS.nextStep]: text("Bilan au COPIL"),
        [BLOCKS.nextStepOn]: { [INPUT_ACTION]: { type: "datepicker", selected_date: "2026-12-15" } },
        [BLOCKS.blockers]: text(null),
        [BLOCKS.evidenceUrl]: { [INPUT_ACTION]: { type: "url_text_input", value: null } },
      }),
    },
    [CALLBACKS.createCommitment]: {
      metadata: () => formMetadata({ contract: "CSI-CHAMBERY" }),
      values: commitmentValues,
    },
    [CALLBACKS.editCommitment]: { metadata: () => formMetadata({ id: etat08.id }), values: commitmentValues },
    [CALLBACKS.scheduleMeeting]: {
      metadata: () => formMetadata({ contract: "CSI-CHAMBERY" }),
      values: () => ({
        [BLOCKS.meetingKind]: { [INPUT_ACTION]: { type: "static_select", selected_option: { value: "COPIL" } } },
        [BLOCKS.title]: text("COPIL de fin d'année"),
        [BLOCKS.meetingDate]: { [INPUT_ACTION]: { type: "datepicker", selected_date: "2026-12-07" } },
        [BLOCKS.meetingTime]: { [INPUT_ACTION]: { type: "timepicker", selected_time: "14:30" } },
        [BLOCKS.place]: text("Hôtel de ville"),
        [BLOCKS.channel]: { [INPUT_ACTION]: { type: "conversations_select", selected_conversation: "C0COPIL" } },
        [BLOCKS.attendees]: { [INPUT_ACTION]: { type: "multi_users_select", selected_users: ["U0OWNER01"] } },
        [BLOCKS.agenda]: text("Bilan des engagements"),
      }),
    },
    [CALLBACKS.meetingDecisions]: {
      metadata: () => formMetadata({ id: meetingId }),
      values: () => ({ [BLOCKS.decisions]: text("Jalon ETAT-08 : bilan intermédiaire le 15/01/2027") }),
    },
    // Forms added by other issues, sent with hostile state shapes (their fields get their own tests).
    ...Object.fromEntries(
      Object.values(CALLBACKS)
        .filter(
          (id) =>
            !(
              [
                CALLBACKS.progressUpdate,
                CALLBACKS.createCommitment,
                CALLBACKS.editCommitment,
                CALLBACKS.scheduleMeeting,
                CALLBACKS.meetingDecisions,
                CALLBACKS.importCommitments,
                CALLBACKS.confirmImport,
              ] as string[]
            ).includes(id),
        )
        .map((id) => [
          id,
          { metadata: () => formMetadata({ id: randomUUID() }), values: () => ({ [BLOCKS.comment]: text("Motif") }) },
        ]),
    ),
    [CALLBACKS.confirmImport]: {
      metadata: () => formMetadata({ id: randomUUID() }),
      values: () => ({}),
    },
    [CALLBACKS.importCommitments]: {
      metadata: () => formMetadata({ contract: "CSI-CHAMBERY" }),
      values: () => ({ [BLOCKS.importLines]: text("VILLE ; Médiation de nuit ; 30/06/2027") }),
    },
  };
});
afterAll(() => t.stop());

/** What no answer may contain: the technical apology, zod's English, a stack. */
const FORBIDDEN = [
  /incident technique/i,
  /technical incident/i,
  /Invalid input|expected (string|number)|received (number|string|undefined)|Too (big|small)|Invalid (string|URL|date)|must match pattern/,
  /\bat [\w.<>]+ \(/,
];
const forbiddenIn = (s: string) => FORBIDDEN.filter((re) => re.test(s)).map(String);

function mutate(r: ReturnType<typeof prng>, callbackId: string, form: Form): Json {
  const values: Record<string, unknown> = form.values();
  for (const block of Object.keys(values)) {
    if (r.next() < 0.5) {
      const element = (values[block] as Record<string, Json>)[INPUT_ACTION] ?? {};
      values[block] = r.next() < 0.1 ? r.pick(WRONG_TYPES) : { [INPUT_ACTION]: hostileElement(r, element) };
    }
  }
  const payload = viewSubmissionPayload({
    userId: COORDINATOR,
    callbackId,
    privateMetadata: form.metadata(),
    values: {},
    viewId: `V${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
  });
  const view = payload.view as Json;
  const shape = r.next();
  if (shape < 0.05) view.state = undefined;
  else if (shape < 0.1) view.state = null;
  else if (shape < 0.15) view.state = { values: null };
  else if (shape < 0.18) view.state = { values: r.pick(WRONG_TYPES) };
  else view.state = { values };
  return payload;
}

describe("every form with random hostile values", () => {
  it("knows every modal callback Vigie has", () => {
    expect(Object.keys(forms).sort()).toEqual(Object.values(CALLBACKS).sort());
  });

  it.each(Object.values(CALLBACKS))("%s: French answers only, nothing thrown", async (callbackId) => {
    const r = prng(callbackId.length * 7919);
    const form = forms[callbackId] as Form;
    const failures: string[] = [];
    const callsBefore = t.slack.calls.length;
    for (let i = 0; i < ROUNDS; i++) {
      const payload = mutate(r, callbackId, form);
      const res = await t.interact(payload);
      if (res.status !== 200) failures.push(`#${i} HTTP ${res.status}`);
      const bad = forbiddenIn(res.body);
      if (bad.length) failures.push(`#${i} ${bad.join(", ")}: ${res.body.slice(0, 300)}`);
      if (res.body) {
        const answer = JSON.parse(res.body) as { response_action?: string; errors?: Record<string, string> };
        expect(["errors", "update", "push", "clear"]).toContain(answer.response_action);
        for (const message of Object.values(answer.errors ?? {})) {
          expect(message.length).toBeGreaterThan(0);
        }
      }
    }
    await t.settled();
    for (const call of t.slack.calls.slice(callsBefore)) {
      const bad = forbiddenIn(JSON.stringify(call.params));
      if (bad.length) failures.push(`${call.method}: ${bad.join(", ")}`);
    }
    expect(failures).toEqual([]);
    expect(logLines.filter((l) => /listener\.failed|store_failed|\bat \S+ \(/.test(l))).toEqual([]);
  });

  it("the command with control characters and wrong shapes: answered, never the technical apology", async () => {
    const r = prng(4242);
    for (let i = 0; i < 20; i++) {
      const typed = `${r.pick(["voir ", "cherche ", "liste ", "maj ", "historique ", ""])}${r.pick(HOSTILE_TEXTS)}`;
      const reply = await t.commandReply(typed, { userId: COORDINATOR });
      expect(forbiddenIn(JSON.stringify(reply.params))).toEqual([]);
    }
    expect(logLines.filter((l) => /listener\.failed|\bat \S+ \(/.test(l))).toEqual([]);
  });

  it("nothing invalid was stored", async () => {
    const controls = /[^\P{Cc}\t\n\r]/u;
    const updates = await t.db.prisma.progressUpdate.findMany();
    for (const u of updates) {
      expect(u.progress).toBeGreaterThanOrEqual(0);
      expect(u.progress).toBeLessThanOrEqual(100);
      for (const s of [u.comment, u.nextStep, u.blockers, u.evidenceUrl]) expect(s ?? "").not.toMatch(controls);
    }
    for (const u of updates)
      for (const v of u.indicatorValues as { value: number }[])
        expect(Math.abs(v.value)).toBeLessThanOrEqual(INDICATOR_LIMIT);
    for (const i of await t.db.prisma.indicator.findMany()) {
      if (i.current !== null) expect(Math.abs(i.current)).toBeLessThanOrEqual(INDICATOR_LIMIT);
      expect((i.unit ?? "").length).toBeLessThanOrEqual(MAX_UNIT);
      for (const n of [i.baseline, i.target]) if (n !== null) expect(Math.abs(n)).toBeLessThanOrEqual(INDICATOR_LIMIT);
    }
    const contract = await t.db.prisma.contract.findFirstOrThrow();
    const from = `${contract.signedOn.getUTCFullYear() - DATE_MARGIN_YEARS}-01-01`;
    const to = `${contract.endsOn.getUTCFullYear() + DATE_MARGIN_YEARS}-12-31`;
    for (const c of await t.db.prisma.commitment.findMany()) {
      for (const s of [c.title, c.description, c.leadService]) expect(s ?? "").not.toMatch(controls);
      if (c.dueOn) {
        const d = c.dueOn.toISOString().slice(0, 10);
        expect(d >= from && d <= to, `${c.ref} due ${d}`).toBe(true);
      }
    }
    for (const m of await t.db.prisma.meeting.findMany()) {
      const d = m.startsAt.toISOString().slice(0, 10);
      expect(d >= from && d <= to, `meeting on ${d}`).toBe(true);
      for (const s of [m.title, m.place, m.agenda]) expect(s ?? "").not.toMatch(controls);
    }
  });
});
