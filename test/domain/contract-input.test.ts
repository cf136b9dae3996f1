import { describe, expect, it } from "vitest";
import { normalizeContractRef, validateContractForm } from "../../src/domain/contract-input.js";
import { problemTexts } from "../../src/slack/views/problem-words.js";

const values = {
  ref: "csi aix",
  title: "Contrat de Sécurité Intégrée d'Aix-les-Bains",
  parties:
    "ETAT ; État ; Préfet de la Savoie\nville ; Ville d'Aix-les-Bains ; Maire\nAGGLO ; Grand Lac ; Président de Grand Lac",
  signedOn: "2025-03-01",
  endsOn: "2026-12-31",
  timezone: null,
  channelId: "C0AIX",
  digestChannelId: null,
};
const ctx = { existingRefs: ["CSI-CHAMBERY"] };

describe("« Nouveau contrat »", () => {
  it("accepts any parties' codes and labels, Paris by default", () => {
    const checked = validateContractForm(values, ctx);
    expect(checked).toEqual({
      ok: true,
      value: {
        ref: "CSI-AIX",
        title: "Contrat de Sécurité Intégrée d'Aix-les-Bains",
        parties: [
          { code: "ETAT", label: "État", signatory: "Préfet de la Savoie" },
          { code: "VILLE", label: "Ville d'Aix-les-Bains", signatory: "Maire" },
          { code: "AGGLO", label: "Grand Lac", signatory: "Président de Grand Lac" },
        ],
        signedOn: "2025-03-01",
        endsOn: "2026-12-31",
        timezone: "Europe/Paris",
        channelId: "C0AIX",
        digestChannelId: null,
      },
    });
    expect(normalizeContractRef("Contrat Été 2027")).toBe("CONTRAT-ETE-2027");
  });

  it("takes an overseas contract's own zone, refuses one luxon does not know, and says each error in French", () => {
    expect(validateContractForm({ ...values, timezone: "America/Cayenne" }, ctx)).toMatchObject({
      ok: true,
      value: { timezone: "America/Cayenne" },
    });
    const wrong = validateContractForm(
      {
        ...values,
        ref: "CSI-Chambery",
        timezone: "Paris",
        endsOn: "2024-01-01",
        parties: "ETAT ; État\nETAT ; Encore\n; sans code",
      },
      ctx,
    );
    expect(wrong.ok ? wrong : { ok: false, errors: problemTexts(wrong.errors, "fr") }).toEqual({
      ok: false,
      errors: {
        contract_ref: "CSI-CHAMBERY existe déjà.",
        parties:
          "ligne 2 : le code ETAT est déjà pris ; ligne 3 : code «  » : 2 à 12 lettres ou chiffres, par ex. VILLE",
        ends_on: "La fin vient après la signature.",
        timezone: "« Paris » n'est pas un fuseau horaire : par ex. Europe/Paris, America/Cayenne, Indian/Reunion.",
      },
    });
  });
});
