import { describe, expect, it } from "vitest";
import { parseDecisions } from "../../src/domain/decisions-input.js";
import type { Locale } from "../../src/domain/types.js";
import { problemText } from "../../src/slack/views/problem-words.js";

const ctx = { refs: ["ETAT-08", "VILLE-03"], parties: ["ETAT", "VILLE", "PARQUET"] };

/** parseDecisions, its refusal in the words the form shows (slack/views/problem-words.ts). */
const parsed = (text: string, c: Parameters<typeof parseDecisions>[1], locale: Locale = "fr") => {
  const r = parseDecisions(text, c);
  return r.ok ? r : { ok: false as const, error: problemText(r.error, locale) };
};

describe("parseDecisions", () => {
  it("reads notes, milestones and new commitments, one per line", () => {
    const r = parsed(
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
          dueOn: null,
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
          dueOn: null,
        },
      ],
    });
  });
  it("gives a milestone the date written in its line, in words or in figures, and leaves it out of the title", () => {
    const window = { from: "2019-01-01", to: "2031-12-31" };
    const r = parsed(
      [
        "→ jalon ETAT-08 : patrouilles de soirée d'ici le 15 mars 2027",
        "Bilan d'étape avant le 1er février 2027 → jalon VILLE-03 : bilan présenté au COPIL",
        "→ jalon ETAT-08 : convention signée (30/06/2027)",
      ].join("\n"),
      { ...ctx, dateWindow: window },
    );
    expect(r.ok && r.decisions.map((d) => (d.outcome === "MILESTONE" ? [d.title, d.dueOn] : null))).toEqual([
      ["patrouilles de soirée", "2027-03-15"],
      ["bilan présenté au COPIL", "2027-02-01"],
      ["convention signée", "2027-06-30"],
    ]);
  });
  it("refuses a milestone date that is no day of the calendar, or outside the contract's years", () => {
    const window = { from: "2019-01-01", to: "2031-12-31" };
    const r = parsed("→ jalon ETAT-08 : bilan le 31 février 2027\n→ jalon ETAT-08 : bilan le 3 mars 2040", {
      ...ctx,
      dateWindow: window,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain("ligne 1 : la date « 31 février 2027 » n'existe pas au calendrier");
    expect(r.error).toContain("ligne 2 : Choisissez une date entre 2019 et 2031");
  });
  it("names each wrong line, with suggestions for a mistyped ref", () => {
    const r = parsed(
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
    const r = parsed("Point général\nLe mis en cause sera reçu", ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^ligne 2 : /);
  });
  it("refuses an empty text and too long lines", () => {
    expect(parsed("  \n ", ctx)).toEqual({
      ok: false,
      error: "Saisissez au moins une décision (une par ligne).",
    });
    const r = parsed("x".repeat(501), ctx, "en");
    expect(r).toEqual({ ok: false, error: "line 1: 500 characters at most per decision" });
  });
});
