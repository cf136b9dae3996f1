import { describe, expect, it } from "vitest";
import { helpReply } from "../../../src/slack/views/help-blocks.js";
import { decodeNavValue, encodeNavValue, paginate } from "../../../src/slack/views/pagination.js";
import { coordinatorOnlyReply, readRefusalReply } from "../../../src/slack/views/refusal-blocks.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { blocksText } from "../../support/test-app.js";

describe("button values", () => {
  it("round-trip the command text, page and locale", () => {
    expect(decodeNavValue(encodeNavValue("liste ville en-retard", "fr", 3))).toEqual({
      t: "liste ville en-retard",
      p: 3,
      l: "fr",
    });
  });
  it("fit in 2,000 characters whatever the text (a long text is cut)", () => {
    const v = encodeNavValue(`cherche ${'"é\\'.repeat(3000)}`, "en", 1, "id");
    expect(v.length).toBeLessThanOrEqual(2000);
    expect(decodeNavValue(v)).toMatchObject({ p: 1, l: "en", id: "id" });
  });
  it("refuse anything Vigie did not write", () => {
    for (const bad of ["", "{", "null", '{"t":1}', '{"t":"x","l":"de"}', '{"t":"x","p":-1,"l":"fr"}', undefined])
      expect(decodeNavValue(bad)).toBeNull();
  });
});

describe("paginate", () => {
  it("clamps the page to the pages that exist", () => {
    const items = Array.from({ length: 51 }, (_, i) => i);
    expect(paginate(items, 0, 25)).toMatchObject({ page: 0, pages: 3, start: 0, total: 51 });
    expect(paginate(items, 99, 25)).toMatchObject({ page: 2, items: [50] });
    expect(paginate([], 4, 25)).toMatchObject({ page: 0, pages: 1, items: [] });
  });
});

describe("help and refusals", () => {
  it("help offers corrections and examples in both languages", () => {
    const fr = helpReply("fr", { suggestions: ["status", "etat"] });
    expect(blocksText(fr)).toContain("Vouliez-vous dire `/csi status` ou `/csi etat` ?");
    expect(blocksText(fr)).toContain("`/csi liste ville en-retard`");
    expect(blocksText(helpReply("en"))).toContain("`/csi list city late`");
    expect(blockLimitViolations(fr.blocks)).toEqual([]);
  });
  it("refusals are polite and name the coordinators", () => {
    expect(blocksText(readRefusalReply("fr", ["U0COORD01"]))).toContain(
      "Les coordonnateurs du contrat peuvent vous l'accorder : <@U0COORD01>.",
    );
    expect(blocksText(coordinatorOnlyReply("en", ["U0COORD01", "U0COORD02"]))).toContain(
      "You may ask <@U0COORD01>, <@U0COORD02>.",
    );
    expect(blocksText(coordinatorOnlyReply("fr", []))).toContain("Aucun coordonnateur n'est encore désigné");
  });
});
