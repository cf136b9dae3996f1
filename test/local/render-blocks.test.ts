import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { EMOJI, renderBlocks, renderMrkdwn } from "../../src/local/render-blocks.js";

describe("renderMrkdwn", () => {
  it.each([
    ["*Échéance* : lundi", "Échéance : lundi"],
    ["_note_ ici", "note ici"],
    ["voir `ETAT-08`", "voir ETAT-08"],
    ["pilote : <@U0MARC>", "pilote : @marc"],
    ["pilote : <@U0XYZ|xyz>", "pilote : @U0XYZ"],
    ["canal <#C0COPIL|copil-csi>", "canal #copil-csi"],
    ["<https://www.chambery.fr/csi|le contrat>", "le contrat"],
    ["<https://www.chambery.fr>", "https://www.chambery.fr"],
    [":red_circle: En retard", "🔴 En retard"],
    [":unknown_emoji: x", "◆ x"],
    [":checkered_flag: Échéance", "🏁 Échéance"],
    ["à 14:30:00", "à 14:30:00"],
    ["A &amp; B &lt;ok&gt;", "A & B <ok>"],
    ["3 * 4 * 5", "3 * 4 * 5"],
  ])("%s → %s", (input, expected) => {
    expect(renderMrkdwn(input, { userName: (id) => (id === "U0MARC" ? "marc" : id) })).toBe(expected);
  });

  it("knows every emoji shortcode Vigie writes, so the console never shows a raw code", async () => {
    const src = path.resolve(import.meta.dirname, "../../src");
    const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith(".ts"));
    const codes = new Set<string>();
    for (const f of files)
      for (const m of (await readFile(path.join(src, f), "utf8")).matchAll(/["`\s]:([a-z][a-z0-9_+-]*):/g))
        codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(30);
    expect([...codes].filter((c) => !(c in EMOJI))).toEqual([]);
  });

  it("styles bold text when colors are on", () => {
    expect(renderMrkdwn("*Vigie*", { color: true })).toBe("\x1b[1mVigie\x1b[0m");
  });
});

describe("renderBlocks", () => {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "ETAT-08 — Poste de police commun" } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: "*Statut*\nEn cours" },
        { type: "mrkdwn", text: "*Avancement*\n40 %" },
      ],
    },
    { type: "divider" },
    {
      type: "section",
      text: { type: "mrkdwn", text: "Dernière mise à jour" },
      accessory: {
        type: "button",
        action_id: "csi_open_update",
        value: "c1",
        text: { type: "plain_text", text: "Mettre à jour" },
      },
    },
    {
      type: "context",
      elements: [
        { type: "mrkdwn", text: "Source : presse" },
        { type: "mrkdwn", text: "11/03/2026" },
      ],
    },
    {
      type: "actions",
      block_id: "nav",
      elements: [
        { type: "button", action_id: "csi_follow", value: "c1", text: { type: "plain_text", text: "Suivre" } },
        {
          type: "button",
          action_id: "csi_share",
          value: "voir ETAT-08",
          text: { type: "plain_text", text: "Partager" },
        },
      ],
    },
  ];

  it("shows headers, fields side by side, context and numbered buttons", () => {
    const r = renderBlocks(blocks, { firstButton: 4, width: 40 });
    expect(r.text).toContain("ETAT-08 — Poste de police commun");
    expect(r.text).toMatch(/Statut {2,}Avancement/);
    expect(r.text).toContain("Source : presse  ·  11/03/2026");
    expect(r.text).toContain(" 4 Mettre à jour ");
    expect(r.text).toContain(" 5 Suivre ");
    expect(r.text).toContain(" 6 Partager ");
    expect(r.buttons).toEqual([
      { n: 4, label: "Mettre à jour", actionId: "csi_open_update", blockId: undefined, value: "c1", url: undefined },
      { n: 5, label: "Suivre", actionId: "csi_follow", blockId: "nav", value: "c1", url: undefined },
      { n: 6, label: "Partager", actionId: "csi_share", blockId: "nav", value: "voir ETAT-08", url: undefined },
    ]);
  });

  it("renders an empty message as empty text", () => {
    expect(renderBlocks([])).toEqual({ text: "", buttons: [] });
  });
});
