import { describe, expect, it } from "vitest";
import { computeDigest, type DigestCommitment } from "../../../src/domain/digest.js";
import { ACTIONS } from "../../../src/slack/ids.js";
import { digestDetailsModal, digestMessage } from "../../../src/slack/views/digest-blocks.js";
import { foldedReminderMessage } from "../../../src/slack/views/folded-reminder.js";
import { meetingReminderMessage } from "../../../src/slack/views/reminder-messages.js";
import { blocksText } from "../../support/test-app.js";

const now = new Date("2026-11-23T07:30:00Z");
const c = (i: number, over: Partial<DigestCommitment> = {}): DigestCommitment => ({
  id: `c${i}`,
  ref: `VILLE-${String(i).padStart(2, "0")}`,
  title: `Engagement ${i} <b>&`,
  party: "VILLE",
  status: "ON_TRACK",
  progress: 40,
  dueOn: "2027-06-30",
  lastUpdateAt: new Date("2026-11-20T10:00:00Z"),
  createdAt: new Date("2026-01-05T09:00:00Z"),
  pending: [],
  owners: ["U1"],
  ...over,
});
const meeting = {
  id: "m1",
  kind: "GLTD" as const,
  title: null,
  startsAt: new Date("2026-12-07T09:00:00Z"),
  place: "Hôtel de ville",
  agenda: "Point <!channel>",
};

describe("reminder messages", () => {
  it("meeting reminder: the date in words, « demain » only when the meeting really is tomorrow", () => {
    const header = (today: string, locale: "fr" | "en" = "fr") => {
      const r = meetingReminderMessage({ meeting, daysBefore: 1, watch: [], today, timezone: "Europe/Paris", locale });
      return (r.blocks[0] as { text: { text: string } }).text.text;
    };
    // A Monday meeting's J-1 goes out on the Friday before: not « demain ».
    expect(header("2026-12-04")).toBe("Réunion lundi 7 décembre 2026 à 10 h : GLTD");
    expect(header("2026-12-06")).toBe("Réunion demain, lundi 7 décembre 2026 à 10 h : GLTD");
    expect(header("2026-12-04", "en")).toBe("Meeting Monday 7 December 2026 at 10 am: GLTD");
    expect(header("2026-11-30")).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
  it("meeting reminder: agenda escaped, watch list capped with a pointer to /csi retards", () => {
    const watch = Array.from({ length: 12 }, (_, i) => c(i, { status: "AT_RISK" }));
    const r = meetingReminderMessage({
      meeting,
      daysBefore: 1,
      watch,
      today: "2026-12-04",
      timezone: "Europe/Paris",
      locale: "fr",
    });
    const text = blocksText({ blocks: r.blocks });
    expect(text).toContain("Point &lt;!channel&gt;");
    expect(text).toContain("… et 4 autres (/csi retards)");
    expect(r.text).toBe("Rappel : GLTD (groupe local de traitement de la délinquance) lundi 7 décembre 2026 à 10 h");
  });
  it("folded: one section per commitment with Mettre à jour (commitment id), Toujours en cours, snooze (its keys), Voir", () => {
    const r = foldedReminderMessage({
      own: [
        {
          commitment: c(1),
          reasons: [{ kind: "deadline", daysBefore: 7 }],
          keys: ["deadline-j7:c1:U1:2027-06-30"],
          snoozed: false,
        },
        {
          commitment: c(2),
          reasons: [{ kind: "checkin", meeting }],
          keys: ["checkin:m1:U1"],
          snoozed: true,
        },
      ],
      copies: [],
      today: "2027-06-23",
      timezone: "Europe/Paris",
      locale: "fr",
    });
    const text = blocksText({ blocks: r.blocks });
    expect(r.text).toBe("2 engagements à suivre : 1 à échéance proche, 1 sans nouvelles depuis 30 jours");
    expect(text).toContain("&lt;b&gt;&amp;");
    expect(text).toContain("Échéance le mercredi 30 juin 2027 (dans 7 jours).");
    expect(text).toContain("avant le GLTD du lundi 7 décembre 2026 à 10 h.");
    expect(text).toContain("Rappel reporté à votre demande");
    const json = JSON.stringify(r.blocks);
    expect(json).toContain(
      `"action_id":"${ACTIONS.openUpdate}","text":{"type":"plain_text","text":"Mettre à jour","emoji":true},"value":"c1"`,
    );
    expect(json).toContain(
      `"action_id":"${ACTIONS.snoozeWeek}","text":{"type":"plain_text","text":"Rappeler dans une semaine","emoji":true},"value":"checkin:m1:U1"`,
    );
    expect(json.match(new RegExp(ACTIONS.stillOnTrack, "g"))).toHaveLength(2);
  });
  it("the coordinator's copies name the owners; no update or snooze buttons on them", () => {
    const r = foldedReminderMessage({
      own: [],
      copies: [{ commitment: c(1, { dueOn: "2026-11-01" }), owners: ["U1"] }],
      today: "2026-11-23",
      timezone: "Europe/Paris",
      locale: "fr",
    });
    expect(blocksText({ blocks: r.blocks })).toContain("Pilote : <@U1>");
    expect(JSON.stringify(r.blocks)).not.toContain(ACTIONS.openUpdate);
    expect(JSON.stringify(r.blocks)).not.toContain(ACTIONS.snoozeDay);
  });
});

describe("digest", () => {
  const commitments = [
    ...Array.from({ length: 9 }, (_, i) => c(i, { dueOn: "2026-10-01" })), // overdue
    c(20, { status: "AT_RISK" }),
    c(21, { dueOn: "2026-12-01" }), // due within 14 days
    c(22, { lastUpdateAt: null, party: "ETAT" }), // silent
    c(23, { status: "DONE", progress: 100, party: "ETAT" }),
  ];
  const digest = computeDigest({
    now,
    timezone: "Europe/Paris",
    parties: [
      { code: "ETAT", label: "État", signatory: "Préfet" },
      { code: "VILLE", label: "Ville", signatory: "Maire" },
    ],
    commitments,
    weeks: [
      {
        commitmentId: "c20",
        before: { status: "ON_TRACK", progress: 30 },
        after: { status: "AT_RISK", progress: 30 },
        pendingAtEnd: false,
        updates: 1,
        events: [],
      },
      {
        commitmentId: "c21",
        before: { status: "ON_TRACK", progress: 40 },
        after: { status: "ON_TRACK", progress: 100 },
        pendingAtEnd: true,
        updates: 1,
        events: [{ kind: "done_requested", at: new Date("2026-11-19T10:00:00Z"), actorId: "U0OWNER1" }],
      },
    ],
    meetings: [
      { id: "m1", kind: "COPIL", title: "COPIL annuel", startsAt: new Date("2026-12-01T13:00:00Z"), place: null },
    ],
    undeliverable: [{ key: "k", kind: "deadline-j7", target: "U0GONE", reason: "account_inactive" }],
  });

  it("computes the sections as data", () => {
    expect(digest.isoWeek).toBe("2026-W48");
    expect(digest.overdue).toHaveLength(9);
    expect(digest.atRisk.map((x) => x.id)).toEqual(["c20"]);
    expect(digest.dueSoon.map((x) => x.id)).toEqual(["c21"]);
    expect(digest.silent.map((x) => x.id)).toEqual(["c22"]);
    expect(digest.changes.map((ch) => [ch.commitment.id, ch.before?.status, ch.after?.status])).toEqual([
      ["c21", "ON_TRACK", "ON_TRACK"],
      ["c20", "ON_TRACK", "AT_RISK"],
    ]);
    expect(digest.parties).toEqual([
      { party: "ETAT", label: "État", total: 2, done: 1, overdue: 0, meanProgress: 70 },
      { party: "VILLE", label: "Ville", total: 11, done: 0, overdue: 9, meanProgress: 40 },
    ]);
  });

  it("fits one screen (≤ 20 blocks), with a details button for long sections and the undeliverable messages", () => {
    const r = digestMessage(digest, { timezone: "Europe/Paris", locale: "fr", contractTitle: "CSI de Chambéry" });
    expect(r.blocks.length).toBeLessThanOrEqual(20);
    const text = blocksText({ blocks: r.blocks });
    expect(text).toContain("… et 4 de plus");
    expect(text).toContain("<@U0GONE>");
    expect(text).toContain("account_inactive");
    expect(text).toContain("COPIL annuel");
    expect(text).toContain("Point hebdomadaire");
    expect(text).toContain("En cours · 40\u202f% → *Réalisé — en attente de validation · 100\u202f%*");
    expect(text).toContain("demande de clôture par <@U0OWNER1>");
    expect(JSON.stringify(r.blocks)).toContain(`"action_id":"${ACTIONS.digestDetails}_overdue"`);
  });

  it("the details modal lists the whole section", () => {
    const modal = digestDetailsModal(digest, "overdue", "Europe/Paris", "fr");
    const text = blocksText({ blocks: modal.blocks });
    for (let i = 0; i < 9; i++) expect(text).toContain(`VILLE-0${i}`);
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
  });
});
