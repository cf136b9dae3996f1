import { describe, expect, it } from "vitest";
import {
  changedIndicators,
  indicatorField,
  isWebLink,
  type RawProgressForm,
  type ValidationContext,
  validateProgressUpdate,
} from "../../src/domain/progress-update.js";
import type { Locale } from "../../src/domain/types.js";
import { problemTexts } from "../../src/slack/views/problem-words.js";

const ctx: ValidationContext = {
  indicators: [
    { id: "ind-1", label: "Postes créés" },
    { id: "ind-2", label: "Caméras installées" },
  ],
  today: "2026-11-23",
};

const valid: RawProgressForm = { status: "ON_TRACK", progress: "40" };

/** The problems found, in the words the form shows them (slack/views/problem-words.ts). */
function errorsOf(form: RawProgressForm, c: ValidationContext = ctx, locale: Locale = "fr") {
  const r = validateProgressUpdate(form, c);
  if (r.ok) throw new Error("expected errors");
  return problemTexts(r.errors, locale);
}

function draftOf(form: RawProgressForm, c: ValidationContext = ctx) {
  const r = validateProgressUpdate(form, c);
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.draft;
}

describe("a valid progress update", () => {
  it("keeps status, progress, trimmed texts and the indicator values typed", () => {
    const draft = draftOf({
      status: "ON_TRACK",
      progress: " 40 ",
      indicators: { "ind-1": "4", "ind-2": "12.5" },
      comment: "  Deux recrutements finalisés.  ",
      nextStep: "Arrivée des agents",
      nextStepOn: "2027-01-15",
      blockers: "",
      evidenceUrl: "https://www.savoie.gouv.fr/actualite",
    });
    expect(draft).toEqual({
      status: "ON_TRACK",
      progress: 40,
      indicatorValues: [
        { indicatorId: "ind-1", value: 4 },
        { indicatorId: "ind-2", value: 12.5 },
      ],
      comment: "Deux recrutements finalisés.",
      nextStep: "Arrivée des agents",
      nextStepOn: "2027-01-15",
      blockers: null,
      evidenceUrl: "https://www.savoie.gouv.fr/actualite",
      evidence: null,
    });
  });

  it("accepts 0 and 100, a comma as decimal separator, and negative indicator values", () => {
    expect(draftOf({ status: "NOT_STARTED", progress: "0" }).progress).toBe(0);
    expect(draftOf({ status: "ON_TRACK", progress: "100", indicators: { "ind-1": "-3,5" } }).indicatorValues).toEqual([
      { indicatorId: "ind-1", value: -3.5 },
    ]);
  });

  it("ignores values for indicators the commitment does not have (forged block ids)", () => {
    expect(draftOf({ ...valid, indicators: { other: "99" } }).indicatorValues).toEqual([]);
  });

  it("accepts a next step due today", () => {
    expect(draftOf({ ...valid, nextStep: "Réunion", nextStepOn: "2026-11-23" }).nextStepOn).toBe("2026-11-23");
  });
});

describe("every field error is reported against its own field", () => {
  it.each([
    ["missing status", { progress: "10" }, "status", "Choisissez un statut"],
    ["unknown status", { status: "FINISHED", progress: "10" }, "status", "Choisissez un statut"],
    ["missing progress", { status: "ON_TRACK" }, "progress", "Indiquez l'avancement"],
    ["progress above 100", { status: "ON_TRACK", progress: "120" }, "progress", "dépasser 100"],
    ["negative progress", { status: "ON_TRACK", progress: "-5" }, "progress", "nombre entier de 0 à 100"],
    ["decimal progress", { status: "ON_TRACK", progress: "40.5" }, "progress", "nombre entier"],
    [
      "text in an indicator",
      { ...valid, indicators: { "ind-2": "beaucoup" } },
      indicatorField("ind-2"),
      "Saisissez un nombre",
    ],
    ["malformed date", { ...valid, nextStep: "x", nextStepOn: "15/01/2027" }, "nextStepOn", "Choisissez une date"],
    ["impossible date", { ...valid, nextStep: "x", nextStepOn: "2027-02-30" }, "nextStepOn", "n'existe pas"],
    [
      "next step in the past",
      { ...valid, nextStep: "Réunion", nextStepOn: "2026-11-20" },
      "nextStepOn",
      "Cette date est passée",
    ],
    ["date without a next step", { ...valid, nextStepOn: "2027-01-15" }, "nextStep", "Décrivez l'étape"],
    ["link without scheme", { ...valid, evidenceUrl: "www.chambery.fr/csi" }, "evidenceUrl", "https://"],
    ["javascript link", { ...valid, evidenceUrl: "javascript:alert(1)" }, "evidenceUrl", "https://"],
    [
      "a link naming a person with a birth date",
      { ...valid, evidenceUrl: "https://drive.example.fr/dossiers/PV_Kevin_Durand_12-04-2009.pdf" },
      "evidenceUrl",
      "date de naissance",
    ],
    [
      "a form link carrying a date of birth",
      { ...valid, evidenceUrl: "https://form.example.org/?nom=Durand&ddn=2009-04-12" },
      "evidenceUrl",
      "date de naissance",
    ],
    ["text too long", { ...valid, blockers: "a".repeat(3001) }, "blockers", "3000 caractères"],
  ] as const)("%s", (_name, form, field, message) => {
    const errors = errorsOf(form as RawProgressForm);
    expect(errors[field]).toContain(message);
    expect(Object.keys(errors)).toEqual([field]);
  });

  it.each(["AT_RISK", "LATE"])("what was done is required when %s", (status) => {
    expect(errorsOf({ status, progress: "30" }).comment).toContain("décrivez ce qui a été fait");
    expect(errorsOf({ status, progress: "30", comment: "   " }).comment).toContain("décrivez ce qui a été fait");
    expect(draftOf({ status, progress: "30", comment: "Recrutement retardé." }).comment).toBe("Recrutement retardé.");
  });

  it("DONE needs evidence (a link or the proof in words); an indicator alone is not evidence", () => {
    expect(errorsOf({ status: "DONE", progress: "100" }).evidence).toContain("justificatif");
    expect(errorsOf({ status: "DONE", progress: "100", indicators: { "ind-1": "10" } }).evidence).toContain(
      "décrivez la preuve",
    );
    expect(draftOf({ status: "DONE", progress: "100", evidenceUrl: "https://chambery.fr/bilan.pdf" }).status).toBe(
      "DONE",
    );
    expect(draftOf({ status: "DONE", progress: "100", evidence: "Convention signée le 3 mars" }).evidence).toBe(
      "Convention signée le 3 mars",
    );
  });

  it("DONE sets progress to 100 %, whatever was typed", () => {
    expect(draftOf({ status: "DONE", progress: "30", evidence: "Rapport final remis" }).progress).toBe(100);
  });

  it("the evidence and a new date's reason go through the confidentiality guard", () => {
    expect(errorsOf({ status: "DONE", progress: "100", evidence: "Appeler le 06 12 34 56 78" }).evidence).toBeTruthy();
    expect(
      errorsOf({ ...valid, proposedDueOn: "2027-06-30", dueReason: "Joindre M. Dupont au 06 12 34 56 78" }).dueReason,
    ).toBeTruthy();
  });

  it("a new due date comes with its reason, after today", () => {
    expect(errorsOf({ ...valid, proposedDueOn: "2027-06-30" }).dueReason).toContain("pourquoi");
    expect(errorsOf({ ...valid, dueReason: "Marché infructueux" }).proposedDueOn).toContain("nouvelle date");
    expect(errorsOf({ ...valid, proposedDueOn: ctx.today, dueReason: "x" }).proposedDueOn).toContain("postérieure");
    const r = validateProgressUpdate({ ...valid, proposedDueOn: "2027-06-30", dueReason: "Marché infructueux" }, ctx);
    expect(r.ok && r.dueProposal).toEqual({ dueOn: "2027-06-30", reason: "Marché infructueux" });
  });

  it("reports all problems at once", () => {
    const errors = errorsOf({
      status: "LATE",
      progress: "200",
      evidenceUrl: "nope",
      blockers: "Appeler le 06 12 34 56 78",
    });
    expect(Object.keys(errors).sort()).toEqual(["blockers", "comment", "evidenceUrl", "progress"]);
  });

  it("speaks English when asked", () => {
    const errors = errorsOf({ status: "AT_RISK", progress: "abc" }, ctx, "en");
    expect(errors.progress).toBe("Progress is a whole number from 0 to 100.");
    expect(errors.comment).toContain("describe what was done");
  });
});

describe("the confidentiality guard runs on every free-text field", () => {
  it.each([
    ["comment", "Le mineur a été reçu par l'éducateur", "Le mineur"],
    ["nextStep", "Rappeler Mme Martin au 06 12 34 56 78", "téléphone"],
    ["blockers", "Dossier PV 2026/00123 en attente", "n° de procédure"],
    ["comment", "Victime née le 12/03/2008", "date de naissance"],
    ["blockers", "Famille domiciliée 12 rue de la Paix", "adresse"],
    ["nextStep", "Écrire à jean.dupont@gmail.com", "courriel"],
  ] as const)("%s: « %s »", (field, text, label) => {
    const errors = errorsOf({ ...valid, [field]: text });
    expect(errors[field]).toContain(label);
    expect(errors[field]).toContain("GLTD/CLSPD");
  });

  it("lets aggregates and institutional addresses through", () => {
    const draft = draftOf({
      ...valid,
      comment: "12 mineurs suivis en 2026, 40 % de signalements en moins",
      nextStep: "Envoyer le bilan à clspd@chambery.fr",
      blockers: "Réunion du 12/03/2027 à confirmer avec le parquet",
    });
    expect(draft.comment).toContain("12 mineurs");
  });

  it("explains in English for an English form", () => {
    const errors = errorsOf({ ...valid, comment: "Call 06 12 34 56 78" }, ctx, "en");
    expect(errors.comment).toContain("GLTD/CLSPD's confidential channels");
  });
});

describe("indicators an update moves", () => {
  it("only changed or first-measured indicator values move", () => {
    const change = changedIndicators(
      [
        { id: "ind-1", current: 4 },
        { id: "ind-2", current: null },
      ],
      [
        { indicatorId: "ind-1", value: 4 },
        { indicatorId: "ind-2", value: 7 },
      ],
    );
    expect(change).toEqual([{ indicatorId: "ind-2", value: 7 }]);
  });
});

describe("isWebLink", () => {
  it.each([
    ["https://www.chambery.fr/csi", true],
    ["http://intranet.savoie.gouv.fr/x?y=1", true],
    ["ftp://chambery.fr/f", false],
    ["https://localhost/x", false],
    ["https://chambery .fr", false],
    ["pas un lien", false],
  ])("%s → %s", (url, ok) => expect(isWebLink(url)).toBe(ok));
});
