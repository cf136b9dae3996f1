import { describe, expect, it } from "vitest";
import type { CommitmentEvent } from "../../../src/domain/commitment-events.js";
import { commitmentEventText } from "../../../src/slack/views/commitment-event-text.js";

const at = new Date("2026-11-02T13:30:00Z");
const base = { at, actorId: "U0COORD1" };
const fr = (e: CommitmentEvent) => commitmentEventText(e, "Europe/Paris", "fr");
const en = (e: CommitmentEvent) => commitmentEventText(e, "Europe/Paris", "en");

describe("commitmentEventText", () => {
  it("dates each line in Paris time and names who did it", () => {
    expect(fr({ ...base, kind: "created", via: "form" })).toBe(
      "*lundi 2 novembre 2026 à 14 h 30* — :new: Fiche créée par <@U0COORD1>",
    );
    expect(en({ ...base, kind: "created", via: "meeting" })).toContain(
      "Sheet created by <@U0COORD1> following a meeting decision",
    );
    // A change made by Vigie itself (seed, environment) is not a mention.
    expect(fr({ ...base, actorId: "system:env", kind: "created", via: "form" })).toContain("Fiche créée par Vigie");
    expect(fr({ ...base, kind: "created", via: "import" })).toContain("Fiche importée d'un tableur par <@U0COORD1>");
    expect(en({ ...base, kind: "created", via: "import" })).toContain(
      "Sheet imported from a spreadsheet by <@U0COORD1>",
    );
  });

  it("lists an edit field by field, with dates and people as people read them", () => {
    const text = fr({
      ...base,
      kind: "edited",
      changes: [
        { field: "dueOn", before: "2027-06-30", after: "2027-12-31" },
        { field: "owners", before: ["U0OWNER01"], after: ["U0OWNER01", "U0OWNER02"] },
        { field: "leadService", before: "Police municipale", after: null },
      ],
      keptIndicators: ["Caméras installées"],
    });
    expect(text.split("\n")).toEqual([
      "*lundi 2 novembre 2026 à 14 h 30* — :pencil2: <@U0COORD1> a modifié la fiche :",
      "• Échéance : mercredi 30 juin 2027 → vendredi 31 décembre 2027",
      "• Pilotes : <@U0OWNER01> → <@U0OWNER01>, <@U0OWNER02>",
      "• Service pilote : « Police municipale » → _aucun_",
      "• Indicateurs conservés car déjà mesurés : « Caméras installées »",
    ]);
    expect(
      en({ ...base, kind: "edited", changes: [{ field: "title", before: "A", after: "B" }], keptIndicators: [] }),
    ).toContain("• Title: « A » → « B »");
  });

  it("tells DONE decisions and milestones", () => {
    expect(fr({ ...base, kind: "done_confirmed", requestedBy: "U0OWNER01" })).toContain(
      ":white_check_mark: Clôture validée par <@U0COORD1> (demandée par <@U0OWNER01>)",
    );
    expect(
      fr({
        ...base,
        kind: "done_rejected",
        requestedBy: "U0OWNER01",
        statusKept: "LATE",
        progressKept: 80,
        reason: "Bilan non signé",
      }),
    ).toContain(
      "Demande de clôture refusée par <@U0COORD1> : Bilan non signé\nL'engagement reste « En retard » · 80 %, comme avant la demande de <@U0OWNER01>.",
    );
    expect(
      en({ ...base, kind: "done_rejected", requestedBy: null, statusKept: null, progressKept: null, reason: null }),
    ).toContain("Request to close refused by <@U0COORD1>");
    expect(
      fr({ ...base, kind: "milestone_added", title: "Pose des caméras", fromMeeting: true, dueOn: "2027-03-01" }),
    ).toContain("a ajouté le jalon « Pose des caméras » (décision de réunion), prévu le lundi 1er mars 2027");
    expect(fr({ ...base, kind: "milestone_done", title: "Pose des caméras" })).toContain(
      "a marqué le jalon « Pose des caméras » comme franchi",
    );
  });

  it("keeps what users typed as plain text: no mention, link or channel ping slips through", () => {
    const text = fr({
      ...base,
      kind: "edited",
      changes: [{ field: "title", before: "<!channel> urgent", after: "<@U0BOSS> & co" }],
      keptIndicators: [],
    });
    expect(text).toContain("« &lt;!channel&gt; urgent » → « &lt;@U0BOSS&gt; &amp; co »");
    expect(fr({ ...base, actorId: "<!here>", kind: "created", via: "form" })).toContain("par Vigie");
  });
});
