import { describe, expect, it } from "vitest";
import { ACTIONS } from "../../../src/slack/ids.js";
import { commitmentSheetReply, refNotFoundReply } from "../../../src/slack/views/commitment-sheet.js";
import { decodeNavValue, ephemeralNav } from "../../../src/slack/views/pagination.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { makeCommitment, makeUpdate } from "../../support/fixtures.js";
import { blocksText } from "../../support/test-app.js";

const parties = [{ code: "ETAT", label: "État", signatory: "Préfet de la Savoie" }];
const base = makeCommitment({
  ref: "ETAT-08",
  party: "ETAT",
  title: "Poste de police commun des Hauts-de-Chambéry",
  status: "ON_TRACK",
  progress: 60,
  dueOn: "2026-12-31",
  owners: ["U0OWNER1"],
  followers: ["U0FOLLOW1"],
  leadService: "DDSP",
});
const commitment = {
  ...base,
  indicators: [
    {
      id: "i1",
      label: "Postes créés",
      unit: "postes",
      baseline: 0,
      baselineOn: "2021-09-22",
      target: 10,
      current: 6,
      measuredOn: "2026-10-01",
      source: "DDSP",
    },
    {
      id: "i2",
      label: "Satisfaction",
      unit: "%",
      baseline: null,
      baselineOn: null,
      target: null,
      current: null,
      measuredOn: null,
      source: null,
    },
  ],
  milestones: [
    { id: "m1", title: "Ouverture du poste", dueOn: "2026-02-01", doneOn: "2026-02-01" },
    { id: "m2", title: "Bilan annuel", dueOn: "2027-02-01", doneOn: null },
  ],
};
const updates = [3, 2, 1, 0].map((i) => makeUpdate(i, commitment.id, `Commentaire ${i}`));

describe("commitmentSheetReply", () => {
  it("shows party, lead service, owners, due date, status, progress, indicators, milestones, last three updates, followers", () => {
    const reply = commitmentSheetReply({
      commitment,
      parties,
      latestUpdates: updates,
      today: "2026-11-23",
      timezone: "Europe/Paris",
      viewerId: "U0OWNER1",
      canUpdate: true,
      nav: ephemeralNav("voir etat-8", "fr"),
    });
    const text = blocksText(reply);
    for (const s of [
      "ETAT-08 — Poste de police commun",
      "État",
      "DDSP",
      "<@U0OWNER1>",
      "jeudi 31 décembre 2026",
      "dans 38 jours",
      "En cours",
      "60\u202f%",
      "Postes créés (postes) : référence 0 au 22/09/2021 · cible 10 · *actuel 6*, mesuré le 01/10/2026",
      "_pas encore mesuré_",
      ":white_check_mark: Ouverture du poste — franchi le dimanche 1er février 2026",
      ":white_square: Bilan annuel — prévu le lundi 1er février 2027",
      "Commentaire 3",
      "Commentaire 1",
      "Suivi par <@U0FOLLOW1>",
    ])
      expect(text).toContain(s);
    expect(text).not.toContain("Commentaire 0");
    const buttons = reply.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    const ids = buttons.map((b) => ("action_id" in b ? b.action_id : ""));
    expect(ids).toEqual([ACTIONS.openUpdate, ACTIONS.follow, ACTIONS.showHistory, ACTIONS.share]);
    const update = buttons[0];
    expect(update && "value" in update ? update.value : "").toBe(commitment.id);
    const follow = buttons[1];
    expect(decodeNavValue(follow && "value" in follow ? follow.value : "")).toMatchObject({
      id: commitment.id,
      l: "fr",
    });
    expect(blockLimitViolations(reply.blocks)).toEqual([]);
  });

  it("offers « Ne plus suivre » to a follower, and only the history button once shared", () => {
    const mine = commitmentSheetReply({
      commitment,
      parties,
      latestUpdates: [],
      today: "2026-11-23",
      timezone: "Europe/Paris",
      viewerId: "U0FOLLOW1",
      canUpdate: false,
      nav: ephemeralNav("show ETAT-08", "en"),
    });
    expect(blocksText(mine)).toContain("Unfollow");
    expect(blocksText(mine)).toContain("No update has been reported yet.");
    const shared = commitmentSheetReply({
      commitment,
      parties,
      latestUpdates: [],
      today: "2026-11-23",
      timezone: "Europe/Paris",
      viewerId: "U0FOLLOW1",
      canUpdate: false,
      nav: { ...ephemeralNav("voir ETAT-08", "fr"), shared: true },
    });
    const ids = shared.blocks.flatMap((b) =>
      b.type === "actions" ? b.elements.map((e) => ("action_id" in e ? e.action_id : "")) : [],
    );
    expect(ids).toEqual([ACTIONS.showHistory]);
  });

  it("offers « Modifier » to a coordinator only, never once shared", () => {
    const input = {
      commitment,
      parties,
      latestUpdates: [],
      today: "2026-11-23",
      timezone: "Europe/Paris",
      viewerId: "U0COORD01",
      canUpdate: true,
    } as const;
    const idsOf = (r: ReturnType<typeof commitmentSheetReply>) =>
      r.blocks.flatMap((b) =>
        b.type === "actions" ? b.elements.map((e) => ("action_id" in e ? e.action_id : "")) : [],
      );
    expect(idsOf(commitmentSheetReply({ ...input, canEdit: true, nav: ephemeralNav("voir ETAT-08", "fr") }))).toContain(
      ACTIONS.openEditCommitment,
    );
    expect(idsOf(commitmentSheetReply({ ...input, nav: ephemeralNav("voir ETAT-08", "fr") }))).not.toContain(
      ACTIONS.openEditCommitment,
    );
    expect(
      idsOf(
        commitmentSheetReply({ ...input, canEdit: true, nav: { ...ephemeralNav("voir ETAT-08", "fr"), shared: true } }),
      ),
    ).toEqual([ACTIONS.showHistory]);
  });

  it("offers « Mettre à jour » only to whom may use it: an owner or a coordinator, not a member", () => {
    const input = { commitment, parties, latestUpdates: [], today: "2026-11-23", timezone: "Europe/Paris" } as const;
    const idsOf = (r: ReturnType<typeof commitmentSheetReply>) =>
      r.blocks.flatMap((b) =>
        b.type === "actions" ? b.elements.map((e) => ("action_id" in e ? e.action_id : "")) : [],
      );
    const member = commitmentSheetReply({
      ...input,
      viewerId: "U0MEMBER1",
      canUpdate: false,
      nav: ephemeralNav("voir ETAT-08", "fr"),
    });
    expect(idsOf(member)).toEqual([ACTIONS.follow, ACTIONS.showHistory, ACTIONS.share]);
    expect(blocksText(member)).not.toContain("Mettre à jour");
    const owner = commitmentSheetReply({
      ...input,
      viewerId: "U0OWNER1",
      canUpdate: true,
      nav: ephemeralNav("voir ETAT-08", "fr"),
    });
    expect(idsOf(owner)).toEqual([ACTIONS.openUpdate, ACTIONS.follow, ACTIONS.showHistory, ACTIONS.share]);
  });

  it("stays within limits with 2,000-character texts everywhere, 200 owners, 50 indicators and milestones", () => {
    const long = "x".repeat(2000);
    const huge = {
      ...commitment,
      title: long,
      description: long,
      leadService: long,
      partners: long,
      territory: long,
      funding: long,
      strand: long,
      note: long,
      owners: Array.from({ length: 200 }, (_, i) => `U${i}`),
      followers: Array.from({ length: 200 }, (_, i) => `U${i}`),
      indicators: Array.from({ length: 50 }, (_, i) => ({
        ...commitment.indicators[0]!,
        id: `i${i}`,
        label: long,
        unit: long,
        source: long,
      })),
      milestones: Array.from({ length: 50 }, (_, i) => ({
        id: `m${i}`,
        title: long,
        dueOn: "2026-01-01",
        doneOn: null,
      })),
    };
    const longUpdates = [0, 1, 2].map((i) => ({
      ...makeUpdate(i, huge.id, long),
      evidenceUrl: `https://example.org/${long}`,
    }));
    const reply = commitmentSheetReply({
      commitment: huge,
      parties,
      latestUpdates: longUpdates,
      today: "2026-11-23",
      timezone: "Europe/Paris",
      viewerId: "U0",
      canUpdate: true,
      nav: ephemeralNav(`voir ${long}`, "fr"),
    });
    expect(blockLimitViolations(reply.blocks, { text: reply.text })).toEqual([]);
  });
});

describe("refNotFoundReply", () => {
  it("keeps what was typed and offers the closest refs as buttons", () => {
    const reply = refNotFoundReply("etat-88", ["ETAT-08", "ETAT-01"], "fr");
    const text = blocksText(reply);
    expect(text).toContain("Je ne trouve pas d'engagement « etat-88 »");
    const buttons = reply.blocks.flatMap((b) =>
      b.type === "section" && b.accessory?.type === "button" ? [b.accessory] : [],
    );
    expect(buttons.map((b) => decodeNavValue(b.value)?.t)).toEqual(["voir ETAT-08", "voir ETAT-01"]);
    expect(blockLimitViolations(reply.blocks)).toEqual([]);
  });

  it("asks for a ref when none was given, and explains the format when nothing is close", () => {
    expect(blocksText(refNotFoundReply("", [], "en"))).toContain("Please give the commitment's reference");
    expect(blocksText(refNotFoundReply("<zzz>", [], "fr"))).toContain("« &lt;zzz&gt; »");
  });
});
