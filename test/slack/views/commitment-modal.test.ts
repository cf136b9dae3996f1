import { describe, expect, it } from "vitest";
import { BLOCKS, CALLBACKS, INPUT_ACTION } from "../../../src/slack/ids.js";
import { commitmentModal } from "../../../src/slack/views/commitment-modal.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { blocksText } from "../../support/test-app.js";

const parties = [
  { code: "ETAT", label: "État", signatory: "Préfet" },
  { code: "VILLE", label: "Ville", signatory: "Maire" },
];
const nextRefs = { ETAT: "ETAT-07", VILLE: "VILLE-09" };
const input = (view: ReturnType<typeof commitmentModal>, block: string) =>
  view.blocks.find((b) => "block_id" in b && b.block_id === block);

describe("commitment modal", () => {
  it("creates: every field, refs suggested per party, nothing preselected", () => {
    const view = commitmentModal({
      mode: "create",
      locale: "fr",
      parties,
      nextRefs,
      privateMetadata: '{"locale":"fr"}',
    });
    expect(view.callback_id).toBe(CALLBACKS.createCommitment);
    expect(view.title.text).toBe("Nouvel engagement");
    expect(view.private_metadata).toBe('{"locale":"fr"}');
    for (const b of [
      BLOCKS.party,
      BLOCKS.ref,
      BLOCKS.title,
      BLOCKS.description,
      BLOCKS.leadService,
      BLOCKS.owners,
      BLOCKS.dueOn,
      BLOCKS.indicators,
    ]) {
      expect(input(view, b), b).toMatchObject({ type: "input", element: { action_id: INPUT_ACTION } });
    }
    expect(input(view, BLOCKS.owners)).toMatchObject({ element: { type: "multi_users_select" }, optional: true });
    expect(input(view, BLOCKS.dueOn)).toMatchObject({ element: { type: "datepicker" } });
    expect(input(view, BLOCKS.party)).toMatchObject({
      element: { type: "static_select", options: [{ value: "ETAT" }, { value: "VILLE" }] },
    });
    expect(JSON.stringify(input(view, BLOCKS.party))).not.toContain("initial_option");
    expect(blocksText(view)).toContain("prochain numéro libre de la partie (ETAT-07, VILLE-09)");
    expect(blocksText(view)).toContain("libellé ; unité ; valeur de départ ; cible");
    expect(blockLimitViolations(view.blocks, { maxBlocks: 100 })).toEqual([]);
    for (const t of [view.title.text, view.submit?.text ?? "", view.close?.text ?? ""])
      expect(t.length).toBeLessThanOrEqual(24);
  });

  it("edits: prefilled with the stored values, a long stored title included", () => {
    const title = "T".repeat(400);
    const view = commitmentModal({
      mode: "edit",
      locale: "en",
      parties,
      nextRefs,
      values: {
        ref: "VILLE-03",
        party: "VILLE",
        title,
        owners: ["U1", "U2"],
        dueOn: "2027-01-31",
        indicators: "Caméras ; u ; 1 ; 4",
      },
      privateMetadata: "{}",
    });
    expect(view.callback_id).toBe(CALLBACKS.editCommitment);
    expect(view.title.text).toBe("Edit commitment");
    expect(input(view, BLOCKS.party)).toMatchObject({ element: { initial_option: { value: "VILLE" } } });
    expect(input(view, BLOCKS.ref)).toMatchObject({ element: { initial_value: "VILLE-03" } });
    expect(input(view, BLOCKS.title)).toMatchObject({ element: { initial_value: title, max_length: 400 } });
    expect(input(view, BLOCKS.owners)).toMatchObject({ element: { initial_users: ["U1", "U2"] } });
    expect(input(view, BLOCKS.dueOn)).toMatchObject({ element: { initial_date: "2027-01-31" } });
    expect(input(view, BLOCKS.indicators)).toMatchObject({
      element: { initial_value: "Caméras ; u ; 1 ; 4", multiline: true },
    });
    expect(blocksText(view)).toContain("Editing *VILLE-03*");
  });
});
