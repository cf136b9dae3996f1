import { describe, expect, it } from "vitest";
import { BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import { decisionsModal } from "../../../src/slack/views/decisions-modal.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { makeMeeting } from "../../support/fixtures.js";
import { blocksText } from "../../support/test-app.js";

describe("decisions modal", () => {
  it("names the meeting, lists what is already recorded (capped) and documents the markers", () => {
    const meeting = {
      ...makeMeeting(1),
      decisions: Array.from({ length: 25 }, (_, i) => ({
        id: `d${i}`,
        meetingId: "m",
        text: `Décision ${i} <!channel>`,
        outcome: "NOTE" as const,
        milestoneId: null,
        commitmentId: null,
        createdBy: "U1",
        createdAt: new Date(),
      })),
    };
    const view = decisionsModal({ locale: "fr", timezone: "Europe/Paris", meeting, privateMetadata: "{}" });
    const text = blocksText(view);
    expect(view.callback_id).toBe(CALLBACKS.meetingDecisions);
    expect(text).toContain(
      "*Comité de pilotage* — Point d'étape sur les engagements\nmercredi 2 décembre 2026 à 14 h 30",
    );
    expect(text).toContain("Décision 24 &lt;!channel&gt;");
    expect(text).not.toContain("Décision 4 ");
    expect(text).toContain("… et 5 plus anciennes");
    expect(text).toContain("→ jalon ETAT-08 : texte");
    expect(text).toContain("→ nouvel engagement VILLE : intitulé");
    expect(view.blocks.some((b) => "block_id" in b && b.block_id === BLOCKS.decisions)).toBe(true);
    expect(blockLimitViolations(view.blocks, { maxBlocks: 100 })).toEqual([]);
  });
});
