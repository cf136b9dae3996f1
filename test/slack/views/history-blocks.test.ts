import { describe, expect, it } from "vitest";
import { historyReply } from "../../../src/slack/views/history-blocks.js";
import { ephemeralNav } from "../../../src/slack/views/pagination.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { makeCommitment, makeUpdate } from "../../support/fixtures.js";
import { blocksText } from "../../support/test-app.js";

const commitment = makeCommitment({ ref: "VILLE-04", party: "VILLE", title: "Schéma directeur de vidéoprotection" });

describe("historyReply", () => {
  it("shows every version, newest first, and says which one corrects which", () => {
    const first = { ...makeUpdate(1, commitment.id, "Première version"), version: 1 };
    const fixed = { ...makeUpdate(2, commitment.id, "Version corrigée"), version: 2, supersedesId: first.id };
    const text = blocksText(historyReply({ commitment, updates: [first, fixed], timezone: "Europe/Paris", nav: ephemeralNav("historique VILLE-04", "fr") }));
    expect(text.indexOf("Version corrigée")).toBeLessThan(text.indexOf("Première version"));
    expect(text).toContain("correction (version 2)");
    expect(text).toContain("remplacée par la version 2");
    expect(text).toContain("2 mise(s) à jour");
  });

  it("stays within limits with 200 updates of 2,000-character texts", () => {
    const updates = Array.from({ length: 200 }, (_, i) => makeUpdate(i, commitment.id, "«".repeat(2000)));
    for (let page = 0; page < 10; page++) {
      const reply = historyReply({ commitment: { ...commitment, title: "t".repeat(2000) }, updates, timezone: "Europe/Paris", nav: ephemeralNav("history VILLE-04", "en", page) });
      expect(blockLimitViolations(reply.blocks)).toEqual([]);
    }
  });
});
