import { describe, expect, it } from "vitest";
import {
  type CommitmentFormValues,
  indicatorLines,
  nextFreeRef,
  parseIndicatorLines,
  parseLocaleNumber,
  validateCommitmentForm,
} from "../../src/domain/commitment-input.js";
import type { Locale } from "../../src/domain/types.js";
import { problemText, problemTexts } from "../../src/slack/views/problem-words.js";

const ctx = {
  parties: ["ETAT", "VILLE", "PARQUET"],
  existingRefs: ["ETAT-01", "ETAT-02", "ETAT-10", "VILLE-03"],
};
/** Indicator lines in the words the form shows their problem (slack/views/problem-words.ts). */
const indicatorLinesIn = (text: string, locale: Locale = "fr") => {
  const r = parseIndicatorLines(text);
  return r.ok ? r : { ok: false, error: problemText(r.error, locale) };
};
const form = (over: Partial<CommitmentFormValues> = {}): CommitmentFormValues => ({
  ref: null,
  party: "VILLE",
  title: "Extension de la vidéoprotection",
  description: null,
  leadService: null,
  owners: [],
  dueOn: null,
  indicators: null,
  ...over,
});

describe("nextFreeRef", () => {
  it("takes the number after the highest one of the party, padded", () => {
    expect(nextFreeRef("ETAT", ctx.existingRefs)).toBe("ETAT-11");
    expect(nextFreeRef("VILLE", ctx.existingRefs)).toBe("VILLE-04");
    expect(nextFreeRef("PARQUET", ctx.existingRefs)).toBe("PARQUET-01");
    expect(nextFreeRef("ETAT", ["etat-099"])).toBe("ETAT-100");
  });
});

describe("parseLocaleNumber", () => {
  it.each([
    ["1 000,5", 1000.5],
    ["12.5", 12.5],
    ["-3", -3],
    ["60\u202f000", 60000],
  ])("%s → %d", (raw, n) => expect(parseLocaleNumber(raw)).toBe(n));
  it.each(["abc", "1.000,5", "10 %", "1e5", ""])("%s is not a number", (raw) =>
    expect(parseLocaleNumber(raw)).toBeNull(),
  );
});

describe("parseIndicatorLines", () => {
  it("reads label ; unit ; baseline ; target, skipping blank lines", () => {
    const r = indicatorLinesIn("Postes créés ; postes ; 0 ; 10\n\nFinancement FIPD ; EUR\nCaméras");
    expect(r).toEqual({
      ok: true,
      indicators: [
        { label: "Postes créés", unit: "postes", baseline: 0, target: 10 },
        { label: "Financement FIPD", unit: "EUR", baseline: null, target: null },
        { label: "Caméras", unit: null, baseline: null, target: null },
      ],
    });
  });
  it("names the line of each error", () => {
    const r = indicatorLinesIn("Postes ; postes ; zéro ; 10\nA;b;c;d;e\n ; u\nPostes ; x ; 1 ; dix");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain("ligne 1 : la valeur de départ « zéro » n'est pas un nombre");
    expect(r.error).toContain("ligne 2 : 4 parties au plus");
    expect(r.error).toContain("ligne 3 : le libellé est vide");
    expect(r.error).toContain("ligne 4 : la cible « dix »");
  });
  it("refuses the same label twice and says in English when asked", () => {
    const r = indicatorLinesIn("Postes\npostes", "en");
    expect(r).toEqual({ ok: false, error: "line 2: same label as line 1" });
  });
  it("refuses more than 20 indicators", () => {
    const r = indicatorLinesIn(Array.from({ length: 21 }, (_, i) => `Indicateur ${i}`).join("\n"));
    expect(r.ok).toBe(false);
  });
  it("round-trips with indicatorLines", () => {
    const lines = indicatorLines([
      { label: "Postes", unit: "postes", baseline: 0, target: 10.5 },
      { label: "Caméras", unit: null, baseline: null, target: null },
    ]);
    expect(lines).toBe("Postes ; postes ; 0 ; 10,5\nCaméras");
    expect(parseIndicatorLines(lines)).toMatchObject({
      ok: true,
      indicators: [{ target: 10.5 }, { label: "Caméras" }],
    });
  });
});

describe("validateCommitmentForm", () => {
  it("accepts a complete form and gives the next free ref when left empty", () => {
    const r = validateCommitmentForm(
      form({ owners: ["U1", "U1", "U2"], dueOn: "2027-06-30", indicators: "Caméras ; u ; 10 ; 40", description: "  " }),
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        ref: "VILLE-04",
        party: "VILLE",
        title: "Extension de la vidéoprotection",
        description: null,
        leadService: null,
        owners: ["U1", "U2"],
        dueOn: "2027-06-30",
        indicators: [{ label: "Caméras", unit: "u", baseline: 10, target: 40 }],
      },
    });
  });
  it("normalises a typed ref and keeps it", () => {
    expect(validateCommitmentForm(form({ ref: "ville 7" }), ctx)).toMatchObject({
      ok: true,
      value: { ref: "VILLE-07" },
    });
  });
  it.each([
    [{ party: null }, "party", "Choisissez la partie"],
    [{ party: "MAIRIE" }, "party", "Choisissez une partie du contrat"],
    [{ title: null }, "title", "obligatoire"],
    [{ title: "ab" }, "title", "obligatoire"],
    [{ title: "x".repeat(301) }, "title", "300 caractères"],
    [{ description: "x".repeat(3001) }, "description", "3000 caractères"],
    [{ leadService: "x".repeat(201) }, "lead_service", "200 caractères"],
    [{ dueOn: "2026-02-30" }, "due_on", "Date invalide"],
    [{ ref: "n'importe" }, "ref", "Référence attendue sous la forme VILLE-04"],
    [{ ref: "ETAT-20" }, "ref", "commence par VILLE-"],
    [{ ref: "ville-3" }, "ref", "VILLE-03 existe déjà. Prochain numéro libre : VILLE-04"],
    [{ indicators: "Postes ; ; abc" }, "indicators", "ligne 1"],
    [{ description: "Le mineur a été reçu" }, "description", "GLTD"],
    [{ title: "Appeler le 06 12 34 56 78" }, "title", "téléphone"],
  ] as const)("%o → error on %s", (over, field, message) => {
    const r = validateCommitmentForm(form(over), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(problemTexts(r.errors, "fr")[field]).toContain(message);
  });
  it("reports every field at once", () => {
    const r = validateCommitmentForm(form({ party: null, title: "", dueOn: "nope", indicators: ";" }), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(["due_on", "indicators", "party", "title"]);
  });
  it("lets an edited commitment keep its own ref", () => {
    expect(validateCommitmentForm(form({ ref: "VILLE-03" }), { ...ctx, currentRef: "VILLE-03" })).toMatchObject({
      ok: true,
      value: { ref: "VILLE-03" },
    });
  });
  it("speaks English when asked", () => {
    const r = validateCommitmentForm(form({ title: null }), ctx);
    expect(r.ok ? "" : problemTexts(r.errors, "en").title).toBe("The title is required.");
  });
});
