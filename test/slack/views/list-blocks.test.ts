import { describe, expect, it } from "vitest";
import { ACTIONS } from "../../../src/slack/ids.js";
import { commitmentListReply, LIST_PAGE_SIZE } from "../../../src/slack/views/list-blocks.js";
import { decodeNavValue, ephemeralNav } from "../../../src/slack/views/pagination.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { generateCommitmentSpecs, makeCommitment } from "../../support/fixtures.js";
import { blocksText } from "../../support/test-app.js";

const parties = [
  { code: "ETAT", label: "État", signatory: "Préfet" },
  { code: "VILLE", label: "Ville de Chambéry", signatory: "Maire" },
  { code: "PARQUET", label: "Parquet", signatory: "Procureur" },
];
const big = generateCommitmentSpecs(200, { titleLength: 2000 }).map((s, i) =>
  makeCommitment({ ...s, description: "d".repeat(2000), owners: ["U1", "U2", "U3", "U4", "U5"] }, i),
);
const input = (page: number, shared = false) => ({
  title: "Engagements du contrat",
  commitments: big,
  parties,
  today: "2026-11-23",
  nav: { ...ephemeralNav("liste", "fr" as const, page), shared },
  empty: "Aucun",
});

describe("commitmentListReply", () => {
  it("stays within Slack's limits on every page of 200 commitments with 2,000-character titles", () => {
    const pages = Math.ceil(200 / LIST_PAGE_SIZE);
    for (let p = 0; p < pages; p++) {
      for (const shared of [false, true]) {
        const reply = commitmentListReply(input(p, shared));
        expect(blockLimitViolations(reply.blocks, { text: reply.text })).toEqual([]);
      }
    }
  });

  it("shows one page at a time with previous/next buttons that carry the page", () => {
    const reply = commitmentListReply(input(1));
    const text = blocksText(reply);
    expect(text).toContain("Page 2 sur 8");
    expect(text).toContain("n° 26 à 50");
    const buttons = reply.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    const prev = buttons.find((b) => "action_id" in b && b.action_id === ACTIONS.pagePrev);
    const next = buttons.find((b) => "action_id" in b && b.action_id === ACTIONS.pageNext);
    expect(prev && "value" in prev && decodeNavValue(prev.value)).toMatchObject({ t: "liste", p: 0, l: "fr" });
    expect(next && "value" in next && decodeNavValue(next.value)).toMatchObject({ t: "liste", p: 2 });
    // The first page has no "previous", the last no "next".
    const first = blocksText(commitmentListReply(input(0)));
    expect(first).not.toContain("Précédents");
    expect(blocksText(commitmentListReply(input(7)))).not.toContain("Suivants");
  });

  it("cuts long titles and escapes what Slack would read as markup", () => {
    const evil = makeCommitment({ ref: "VILLE-01", party: "VILLE", title: "<!channel> & <@U999> alerte" });
    const reply = commitmentListReply({ ...input(0), commitments: [evil] });
    const text = blocksText(reply);
    expect(text).toContain("&lt;!channel&gt; &amp; &lt;@U999&gt;");
    expect(text).not.toContain("<!channel>");
    const long = blocksText(commitmentListReply(input(0)));
    expect(long).toContain("…");
  });

  it("has no page buttons nor share button once shared in the channel", () => {
    const reply = commitmentListReply(input(2, true));
    expect(reply.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(blocksText(reply)).toContain("Page 3 sur 8");
  });

  it("says so when the list is empty, in English too", () => {
    const reply = commitmentListReply({
      ...input(0),
      commitments: [],
      empty: "Nothing here",
      nav: ephemeralNav("list", "en"),
    });
    expect(blocksText(reply)).toContain("Nothing here");
    expect(blocksText(reply)).toContain("0 commitments");
  });
});
