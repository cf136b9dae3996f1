import { describe, expect, it } from "vitest";
import { commitmentsImported } from "../../../src/slack/views/import-messages.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { blocksText } from "../../support/test-app.js";

describe("import confirmation", () => {
  it("lists the refs and titles, the columns left aside, and how to add owners", () => {
    const reply = commitmentsImported(
      "fr",
      [
        { ref: "VILLE-07", title: "Vidéo <b>" },
        { ref: "VILLE-08", title: "Patrouilles" },
      ],
      ["Pilotes", "Statut"],
    );
    const text = blocksText(reply);
    expect(text).toContain(":white_check_mark: *2 engagements importés.*");
    expect(text).toContain("• *VILLE-07* — Vidéo &lt;b&gt;\n• *VILLE-08* — Patrouilles");
    expect(text).toContain("Colonnes non importées : « Pilotes », « Statut ».");
    expect(text).toContain("ajoutez-les engagement par engagement avec `/csi voir VILLE-07` → *Modifier*");
    expect(reply.text).toBe("2 engagements importés : VILLE-07, VILLE-08");
  });

  it("in English, one commitment, nothing ignored", () => {
    const reply = commitmentsImported("en", [{ ref: "ETAT-09", title: "Night patrols" }], []);
    const text = blocksText(reply);
    expect(text).toContain("*1 commitment imported.*");
    expect(text).toContain("`/csi show ETAT-09` → *Edit*");
    expect(text).not.toContain("not imported");
  });

  it("counts what it does not list and stays within Block Kit limits for a hundred long titles", () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      ref: `VILLE-${String(i + 7).padStart(2, "0")}`,
      title: `${"Intitulé très long ".repeat(20)}${i}`,
    }));
    const reply = commitmentsImported(
      "fr",
      many,
      Array.from({ length: 20 }, (_, i) => `Colonne ${i} ${"x".repeat(60)}`),
    );
    const text = blocksText(reply);
    expect(text).toContain("• *VILLE-36*");
    expect(text).not.toContain("• *VILLE-37*");
    expect(text).toContain("_… et 70 autres : `/csi liste` les montre tous._");
    expect(blockLimitViolations(reply.blocks, { text: reply.text })).toEqual([]);
  });
});
