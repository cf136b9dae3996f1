import { describe, expect, it } from "vitest";
import { meetingsReply } from "../../../src/slack/views/meetings-blocks.js";
import { ephemeralNav } from "../../../src/slack/views/pagination.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { makeMeeting } from "../../support/fixtures.js";
import { blocksText } from "../../support/test-app.js";

describe("meetingsReply", () => {
  it("gives date and time in Paris, place and agenda", () => {
    const m = {
      ...makeMeeting(1),
      kind: "COPIL" as const,
      startsAt: new Date("2026-12-07T13:30:00Z"),
      place: "Préfecture, salle Vaugelas",
      agenda: "Bilan des engagements",
    };
    const text = blocksText(
      meetingsReply({
        meetings: [m],
        today: "2026-11-23",
        timezone: "Europe/Paris",
        nav: ephemeralNav("reunions", "fr"),
      }),
    );
    expect(text).toContain("*Comité de pilotage*");
    expect(text).toContain("lundi 7 décembre 2026 à 14 h 30 (dans 14 jours)");
    expect(text).toContain("Préfecture, salle Vaugelas");
    expect(text).toContain("Bilan des engagements");
    const en = blocksText(
      meetingsReply({
        meetings: [m],
        today: "2026-11-23",
        timezone: "Europe/Paris",
        nav: ephemeralNav("meetings", "en"),
      }),
    );
    expect(en).toContain("Monday 7 December 2026 at 2:30 pm (in 14 days)");
  });

  it("says when nothing is planned", () => {
    expect(
      blocksText(
        meetingsReply({
          meetings: [],
          today: "2026-11-23",
          timezone: "Europe/Paris",
          nav: ephemeralNav("reunions", "fr"),
        }),
      ),
    ).toContain("Aucune réunion n'est planifiée");
  });

  it("stays within limits with 200 meetings and 2,000-character texts, on every page", () => {
    const meetings = Array.from({ length: 200 }, (_, i) => makeMeeting(i, "é".repeat(2000)));
    for (let page = 0; page < 14; page++) {
      const reply = meetingsReply({
        meetings,
        today: "2026-11-23",
        timezone: "Europe/Paris",
        nav: ephemeralNav("reunions", "fr", page),
      });
      expect(blockLimitViolations(reply.blocks)).toEqual([]);
    }
  });
});
