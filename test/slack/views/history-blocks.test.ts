import { describe, expect, it } from "vitest";
import type { CommitmentEvent } from "../../../src/domain/commitment-events.js";
import { historyReply } from "../../../src/slack/views/history-blocks.js";
import { ephemeralNav } from "../../../src/slack/views/pagination.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { makeCommitment, makeUpdate } from "../../support/fixtures.js";
import { blocksText } from "../../support/test-app.js";

const long = "«".repeat(2000);
const hugeEdits: CommitmentEvent[] = Array.from({ length: 200 }, (_, i) => ({
  kind: "edited",
  at: new Date(Date.UTC(2026, 0, 1, 12) + i * 86_400_000),
  actorId: "U0COORD1",
  changes: [
    { field: "title", before: long, after: long },
    { field: "description", before: long, after: long },
    { field: "owners", before: Array.from({ length: 60 }, (_, j) => `U0OWNER${j}`), after: [] },
    {
      field: "indicators",
      before: Array.from({ length: 40 }, () => long),
      after: Array.from({ length: 40 }, () => long),
    },
  ],
  keptIndicators: Array.from({ length: 40 }, () => long),
}));
const commitment = makeCommitment({ ref: "VILLE-04", party: "VILLE", title: "Schéma directeur de vidéoprotection" });

describe("historyReply", () => {
  it("shows every version, newest first, and says which one corrects which", () => {
    const first = { ...makeUpdate(1, commitment.id, "Première version"), version: 1 };
    const fixed = { ...makeUpdate(2, commitment.id, "Version corrigée"), version: 2, supersedesId: first.id };
    const text = blocksText(
      historyReply({
        commitment,
        updates: [first, fixed],
        events: [],
        timezone: "Europe/Paris",
        nav: ephemeralNav("historique VILLE-04", "fr"),
      }),
    );
    expect(text.indexOf("Version corrigée")).toBeLessThan(text.indexOf("Première version"));
    expect(text).toContain("correction (version 2)");
    expect(text).toContain("remplacée par la version 2");
    expect(text).toContain("2 mises à jour");
  });

  it("puts the changes to the sheet among the updates, newest first, and counts both", () => {
    const update = {
      ...makeUpdate(10, commitment.id, "Caméras commandées"),
      createdAt: new Date("2026-11-03T09:00:00Z"),
    };
    const events: CommitmentEvent[] = [
      { kind: "created", at: new Date("2026-11-01T09:00:00Z"), actorId: "U0COORD1", via: "form" },
      {
        kind: "edited",
        at: new Date("2026-11-05T09:00:00Z"),
        actorId: "U0COORD1",
        changes: [{ field: "dueOn", before: "2027-06-30", after: "2027-12-31" }],
        keptIndicators: [],
      },
    ];
    const text = blocksText(
      historyReply({
        commitment,
        updates: [update],
        events,
        timezone: "Europe/Paris",
        nav: ephemeralNav("historique VILLE-04", "fr"),
      }),
    );
    expect(text).toContain("1 mise à jour, 2 modifications de la fiche, le plus récent d'abord");
    const order = ["• Échéance", "Caméras commandées", "Fiche créée"].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("stays within limits with 200 updates and 200 edits of 2,000-character texts", () => {
    const updates = Array.from({ length: 200 }, (_, i) => makeUpdate(i, commitment.id, "«".repeat(2000)));
    for (let page = 0; page < 20; page++) {
      const reply = historyReply({
        commitment: { ...commitment, title: "t".repeat(2000) },
        updates,
        events: hugeEdits,
        timezone: "Europe/Paris",
        nav: ephemeralNav("history VILLE-04", "en", page),
      });
      expect(blockLimitViolations(reply.blocks)).toEqual([]);
    }
  });
});
