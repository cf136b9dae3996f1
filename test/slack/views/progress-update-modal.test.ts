import type { InputBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { indicatorField } from "../../../src/domain/progress-update.js";
import type { Commitment, Indicator, ProgressUpdate } from "../../../src/domain/types.js";
import {
  blockIdOf,
  decodeProgressMetadata,
  encodeProgressMetadata,
  progressBlockErrors,
  progressLoadingModal,
  progressUpdateModal,
  readProgressForm,
} from "../../../src/slack/views/progress-update-modal.js";
import { makeCommitment } from "../../support/fixtures.js";
import { progressStateValues } from "../../support/progress-fixtures.js";

const ID = "0b6c1c52-4a5e-4c59-9a39-3d3f0f6f1a01";
const UPDATE_ID = "5f1f0b8e-8d2a-4a8e-b7a4-0c0d6c6b2b02";

const indicator = (n: number, over: Partial<Indicator> = {}): Indicator => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  label: `Indicateur ${n}`,
  unit: null,
  baseline: null,
  baselineOn: null,
  target: null,
  current: null,
  measuredOn: null,
  source: null,
  ...over,
});

const commitment = (over: Partial<Commitment> = {}): Commitment => ({
  ...makeCommitment({
    ref: "ETAT-08",
    party: "ETAT",
    title: "Renforcer la présence policière",
    dueOn: "2027-06-30",
    status: "ON_TRACK",
    progress: 40,
    owners: ["U0OWNER01"],
  }),
  id: ID,
  contractId: "c",
  indicators: [indicator(1, { unit: "postes", target: 10, current: 4, measuredOn: "2026-03-11" }), indicator(2)],
  ...over,
});

const update = (over: Partial<ProgressUpdate> = {}): ProgressUpdate => ({
  id: UPDATE_ID,
  commitmentId: ID,
  version: 1,
  supersedesId: null,
  authorId: "U0OWNER01",
  createdAt: new Date("2026-11-20T14:30:00Z"),
  status: "AT_RISK",
  progress: 35,
  indicatorValues: [{ indicatorId: indicator(1).id, value: 5 }],
  comment: "Recrutements en cours",
  nextStep: "Jury",
  nextStepOn: "2027-01-10",
  blockers: "Budget",
  evidenceUrl: "https://www.savoie.gouv.fr/x",
  evidence: null,
  ...over,
});

const inputs = (blocks: unknown[]) => blocks.filter((b): b is InputBlock => (b as { type: string }).type === "input");
const byId = (blocks: unknown[], id: string) => inputs(blocks).find((b) => b.block_id === id);

describe("progressUpdateModal", () => {
  const tz = "Europe/Paris";

  it("has the form's fields in order, with the commitment's current values", () => {
    const v = progressUpdateModal({ commitment: commitment(), locale: "fr", timezone: tz });
    expect(v.callback_id).toBe("csi_progress_update");
    expect(inputs(v.blocks).map((b) => b.block_id)).toEqual([
      "status",
      "progress",
      `indicator_${indicator(1).id}`,
      `indicator_${indicator(2).id}`,
      "comment",
      "next_step",
      "next_step_on",
      "blockers",
      "evidence_url",
      "evidence",
      "proposed_due_on",
      "due_reason",
    ]);
    for (const b of inputs(v.blocks)) expect((b.element as { action_id: string }).action_id).toBe("value");
    const status = byId(v.blocks, "status")!.element as {
      options: { value: string; text: { text: string } }[];
      initial_option: { value: string };
    };
    expect(status.options.map((o) => o.text.text)).toEqual([
      "Non démarré",
      "En cours",
      "Point de vigilance",
      "En retard",
      "Réalisé",
      "Reporté",
      "Abandonné",
    ]);
    expect(status.initial_option.value).toBe("ON_TRACK");
    expect(byId(v.blocks, "progress")!.element).toMatchObject({
      type: "number_input",
      is_decimal_allowed: false,
      min_value: "0",
      max_value: "100",
      initial_value: "40",
    });
    const ind1 = byId(v.blocks, `indicator_${indicator(1).id}`)!;
    expect(ind1.label.text).toBe("Indicateur 1 (postes)");
    expect(ind1.element).toMatchObject({ type: "number_input", is_decimal_allowed: true, initial_value: "4" });
    expect(ind1.hint?.text).toBe("Cible 10 · dernière mesure le 11/03/2026");
    expect(byId(v.blocks, `indicator_${indicator(2).id}`)!.element).not.toHaveProperty("initial_value");
    expect(byId(v.blocks, "comment")!.element).toMatchObject({ type: "plain_text_input", multiline: true });
    expect(byId(v.blocks, "next_step_on")!.element.type).toBe("datepicker");
    expect(byId(v.blocks, "evidence_url")!.element.type).toBe("url_text_input");
    expect(byId(v.blocks, "status")!.optional).toBe(false);
    expect(byId(v.blocks, "comment")!.optional).toBe(true);
    expect(decodeProgressMetadata(v.private_metadata)).toEqual({ commitmentId: ID, supersedesId: null, locale: "fr" });
    expect(JSON.stringify(v)).toContain("GLTD et du CLSPD");
  });

  it("respects Slack's limits: title, submit and close ≤ 24 characters, ≤ 100 blocks even with many indicators", () => {
    const many = Array.from({ length: 150 }, (_, i) => indicator(i + 1, { label: "x".repeat(2500) }));
    for (const locale of ["fr", "en"] as const) {
      const v = progressUpdateModal({
        commitment: commitment({ indicators: many, title: "t".repeat(5000) }),
        locale,
        timezone: tz,
      });
      expect(v.blocks.length).toBeLessThanOrEqual(100);
      for (const text of [v.title.text, v.submit?.text ?? "", v.close?.text ?? ""])
        expect(text.length).toBeLessThanOrEqual(24);
      for (const b of inputs(v.blocks)) expect(b.label.text.length).toBeLessThanOrEqual(2000);
      expect(JSON.stringify(v.blocks[0]).length).toBeLessThan(3200);
    }
  });

  it("when correcting, is filled from the update and says the old version stays", () => {
    const v = progressUpdateModal({ commitment: commitment(), locale: "fr", timezone: tz, correcting: update() });
    expect(JSON.stringify(v.blocks)).toContain(
      "Vous corrigez votre mise à jour du vendredi 20 novembre 2026 à 15 h 30 (version 1)",
    );
    expect((byId(v.blocks, "status")!.element as { initial_option: { value: string } }).initial_option.value).toBe(
      "AT_RISK",
    );
    expect(byId(v.blocks, "progress")!.element).toMatchObject({ initial_value: "35" });
    expect(byId(v.blocks, `indicator_${indicator(1).id}`)!.element).toMatchObject({ initial_value: "5" });
    expect(byId(v.blocks, "comment")!.element).toMatchObject({ initial_value: "Recrutements en cours" });
    expect(byId(v.blocks, "next_step")!.element).toMatchObject({ initial_value: "Jury" });
    expect(byId(v.blocks, "next_step_on")!.element).toMatchObject({ initial_date: "2027-01-10" });
    expect(byId(v.blocks, "blockers")!.element).toMatchObject({ initial_value: "Budget" });
    expect(byId(v.blocks, "evidence_url")!.element).toMatchObject({ initial_value: "https://www.savoie.gouv.fr/x" });
    expect(decodeProgressMetadata(v.private_metadata)?.supersedesId).toBe(UPDATE_ID);
  });

  it("shows the latest update and a pending DONE request for context", () => {
    const v = progressUpdateModal({
      commitment: commitment({
        pending: [
          {
            id: "20000000-0000-4000-8000-000000000001",
            kind: "DONE",
            requestedBy: "U0OWNER01",
            requestedAt: new Date("2026-11-21T10:00:00Z"),
            evidenceUrl: null,
            evidence: "Bilan signé",
            reason: null,
            proposedDueOn: null,
            dueOnBefore: null,
            statusBefore: "ON_TRACK",
          },
        ],
      }),
      locale: "fr",
      timezone: tz,
      latest: update(),
    });
    const text = JSON.stringify(v.blocks);
    expect(text).toContain("Dernière mise à jour : vendredi 20 novembre 2026 à 15 h 30, par <@U0OWNER01>.");
    expect(text).toContain("Réalisé — en attente de validation (<@U0OWNER01>)");
  });

  it("speaks English", () => {
    const v = progressUpdateModal({ commitment: commitment(), locale: "en", timezone: tz });
    expect(v.title.text).toBe("Progress update");
    expect(byId(v.blocks, "comment")!.label.text).toBe("What was done");
    const status = byId(v.blocks, "status")!.element as { options: { text: { text: string } }[] };
    expect(status.options[2]!.text.text).toBe("At risk");
    expect(decodeProgressMetadata(v.private_metadata)?.locale).toBe("en");
  });

  it("the loading view has no input, so it cannot be submitted half-built", () => {
    const v = progressLoadingModal("ETAT-08", "fr");
    expect(inputs(v.blocks)).toHaveLength(0);
    expect(v.submit).toBeUndefined();
    expect(JSON.stringify(v)).toContain("Chargement de *ETAT-08*");
  });
});

describe("private_metadata", () => {
  it("round-trips", () => {
    const m = { commitmentId: ID, supersedesId: UPDATE_ID, locale: "en" as const };
    expect(decodeProgressMetadata(encodeProgressMetadata(m))).toEqual(m);
  });

  it.each([
    undefined,
    "",
    "not json",
    "{}",
    '{"c":"ETAT-08"}',
    `{"c":"${ID}","s":"x"}`,
    `{"c":"${ID}","l":"de"}`,
    "[]",
  ])("%s is not ours", (raw) => {
    expect(decodeProgressMetadata(raw)).toBeNull();
  });
});

describe("reading the submitted state and writing errors back", () => {
  it("reads every field as Slack sends it", () => {
    const typed = {
      status: "LATE",
      progress: "20",
      indicators: { [indicator(1).id]: "7", [indicator(2).id]: null },
      comment: "Fait",
      nextStep: "Suite",
      nextStepOn: "2027-02-01",
      blockers: "Rien",
      evidenceUrl: "https://a.fr",
      evidence: "Convention signée",
      proposedDueOn: "2027-03-01",
      dueReason: "Marché relancé",
    };
    expect(readProgressForm(progressStateValues(typed))).toEqual(typed);
  });

  it("reads missing blocks and empty selections as null", () => {
    expect(readProgressForm({})).toEqual({
      status: null,
      progress: null,
      indicators: {},
      comment: null,
      nextStep: null,
      nextStepOn: null,
      blockers: null,
      evidenceUrl: null,
      evidence: null,
      proposedDueOn: null,
      dueReason: null,
    });
  });

  it("maps each field's problem to its block_id, in words", () => {
    expect(
      progressBlockErrors(
        {
          status: { code: "status-not-in-list" },
          progress: { code: "progress-over-100" },
          comment: { code: "text-too-long", max: 3000 },
          nextStep: { code: "next-step-missing" },
          nextStepOn: { code: "date-in-past" },
          blockers: { code: "text-too-long", max: 3000 },
          evidenceUrl: { code: "link-not-web" },
          [indicatorField("abc")]: { code: "not-a-number" as const },
        },
        "fr",
      ),
    ).toEqual({
      status: "Choisissez un statut dans la liste.",
      progress: "L'avancement ne peut dépasser 100 %.",
      comment: "3000 caractères au plus.",
      next_step: "Décrivez l'étape prévue à cette date.",
      next_step_on: "Cette date est passée : choisissez aujourd'hui ou une date à venir.",
      blockers: "3000 caractères au plus.",
      evidence_url: "Indiquez un lien web complet, commençant par https://",
      indicator_abc: "Saisissez un nombre, par ex. 12 ou 12.5.",
    });
    expect(progressBlockErrors({ progress: { code: "progress-over-100" } }, "en")).toEqual({
      progress: "Progress cannot exceed 100%.",
    });
    expect(blockIdOf(indicatorField(indicator(2).id))).toBe(`indicator_${indicator(2).id}`);
  });
});
