import { describe, expect, it } from "vitest";
import { parseDecisions } from "../../src/domain/decisions-input.js";

const ctx = { locale: "fr" as const, refs: ["ETAT-08", "VILLE-03"], parties: ["ETAT", "VILLE", "PARQUET"] };

describe("parseDecisions", () => {
  it("reads notes, milestones and new commitments, one per line", () => {
    const r = parseDecisions(
      [
        "- Valider le bilan annuel",
        "Renforcer les patrouilles → jalon etat-8 : patrouilles de soirée en place",
        "",
        "-> nouvel engagement ville : étendre la vidéoprotection aux Hauts-de-Chambéry",
        "Former les agents => milestone VILLE-03",
      ].join("\n"),
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      decisions: [
        { outcome: "NOTE", text: "Valider le bilan annuel" },
        {
          outcome: "MILESTONE",
          text: "Renforcer les patrouilles → jalon etat-8 : patrouilles de soirée en place",
          ref: "ETAT-08",
          title: "patrouilles de soirée en place",
        },
        {
          outcome: "COMMITMENT",
          text: "-> nouvel engagement ville : étendre la vidéoprotection aux Hauts-de-Chambéry",
          party: "VILLE",
          title: "étendre la vidéoprotection aux Hauts-de-Chambéry",
        },
        {
          outcome: "MILESTONE",
          text: "Former les agents => milestone VILLE-03",
          ref: "VILLE-03",
          title: "Former les agents",
        },
      ],
    });
  });
  it("names each wrong line, with suggestions for a mistyped ref", () => {
    const r = parseDecisions(
      "ok\n→ jalon ETAT-09 : x\n→ nouvel engagement MAIRIE : y\n→ jalon ETAT-08 :\n→ nouvel engagement VILLE :",
      ctx,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain("ligne 2 : l'engagement « ETAT-09 » n'existe pas (vouliez-vous dire ETAT-08 ?)");
    expect(r.error).toContain("ligne 3 : partie « MAIRIE » inconnue");
    expect(r.error).toContain("ligne 4 : indiquez le jalon");
    expect(r.error).toContain("et 1 autres erreurs");
  });
  it("refuses personal data on the line where it is", () => {
    const r = parseDecisions("Point général\nLe mis en cause sera reçu", ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^ligne 2 : /);
  });
  it("refuses an empty text and too long lines", () => {
    expect(parseDecisions("  \n ", ctx)).toEqual({
      ok: false,
      error: "Saisissez au moins une décision (une par ligne).",
    });
    const r = parseDecisions("x".repeat(501), { ...ctx, locale: "en" });
    expect(r).toEqual({ ok: false, error: "line 1: 500 characters at most per decision" });
  });
});
