import { describe, expect, it } from "vitest";
import type { Commitment, ProgressUpdate } from "../../../src/domain/types.js";
import { ACTIONS } from "../../../src/slack/ids.js";
import {
  progressRefusal,
  updateAnnouncement,
  updateConfirmationMessage,
} from "../../../src/slack/views/progress-messages.js";
import type { Reply } from "../../../src/slack/views/reply.js";
import { makeCommitment } from "../../support/fixtures.js";
import { blocksText as flatten } from "../../support/test-app.js";

const blocksText = (r: Reply) => flatten({ blocks: r.blocks });

const IND = "00000000-0000-4000-8000-000000000001";
const c: Commitment = {
  ...makeCommitment({
    ref: "ETAT-01",
    party: "ETAT",
    title: "Création de 10 postes",
    status: "ON_TRACK",
    progress: 40,
    owners: ["U0A", "U0B"],
  }),
  id: "0b6c1c52-4a5e-4c59-9a39-3d3f0f6f1a01",
  contractId: "k",
  indicators: [
    {
      id: IND,
      label: "Postes créés",
      unit: "postes",
      baseline: 0,
      baselineOn: null,
      target: 10,
      current: 4,
      measuredOn: null,
      source: null,
    },
  ],
};
const u: ProgressUpdate = {
  id: "5f1f0b8e-8d2a-4a8e-b7a4-0c0d6c6b2b02",
  commitmentId: c.id,
  version: 1,
  supersedesId: null,
  authorId: "U0A",
  createdAt: new Date("2026-11-23T09:00:00Z"),
  status: "ON_TRACK",
  progress: 40,
  indicatorValues: [{ indicatorId: IND, value: 4 }],
  comment: "Quatre postes pourvus",
  nextStep: "Affectation",
  nextStepOn: "2027-01-15",
  blockers: null,
  evidenceUrl: "https://www.savoie.gouv.fr/r",
  evidence: null,
};
const buttons = (blocks: unknown[]) =>
  (blocks as { elements?: { type: string; action_id?: string; value?: string }[] }[])
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === "button");

describe("progress messages", () => {
  it("the confirmation shows what was stored and offers to correct it", () => {
    const m = updateConfirmationMessage({ commitment: c, update: u, doneRequested: false, locale: "fr" });
    const text = blocksText(m);
    expect(text).toContain("Votre mise à jour de *ETAT-01* est enregistrée");
    expect(text).toContain("Postes créés : *4* postes / 10");
    expect(text).toContain("Affectation (le vendredi 15 janvier 2027)");
    expect(text).toContain("<https://www.savoie.gouv.fr/r>");
    expect(text).not.toContain("Difficultés");
    expect(buttons(m.blocks)).toEqual([expect.objectContaining({ action_id: ACTIONS.editLastUpdate, value: u.id })]);
  });

  it("the confirmation of a correction and of a DONE request says so", () => {
    const m = updateConfirmationMessage({
      commitment: c,
      update: { ...u, version: 2, supersedesId: "x", status: "DONE" },
      doneRequested: true,
      locale: "en",
    });
    const text = blocksText(m);
    expect(text).toContain("Your correction of *ETAT-01* is saved (version 2)");
    expect(text).toContain("once the coordinators confirm");
  });

  it("the announcement names the author; followers are told why they get it", () => {
    expect(blocksText(updateAnnouncement(c, u, "fr", "channel"))).toContain("<@U0A> a mis à jour *ETAT-01*");
    expect(blocksText(updateAnnouncement(c, u, "fr", "channel"))).not.toContain("Vous suivez");
    expect(blocksText(updateAnnouncement(c, u, "fr", "follower"))).toContain("Vous suivez ETAT-01");
  });

  it("the refusal names owners and coordinators, or says none is named", () => {
    expect(progressRefusal(c, ["U0C"], "fr").text).toContain("Ses pilotes : <@U0A>, <@U0B>. La coordination : <@U0C>.");
    expect(progressRefusal({ ref: "X-01", owners: [] }, [], "en").text).toContain("No owner has been named yet.");
  });
});
