import type { View } from "@slack/types";
import { describe, expect, it } from "vitest";
import { elementState, fieldPrompt, formFields, stateValues } from "../../src/local/modal-form.js";

const view: View = {
  type: "modal",
  callback_id: "csi_progress_update",
  title: { type: "plain_text", text: "Mise à jour" },
  blocks: [
    { type: "section", text: { type: "mrkdwn", text: "ETAT-08" } },
    {
      type: "input",
      block_id: "status",
      label: { type: "plain_text", text: "Statut" },
      element: {
        type: "static_select",
        action_id: "value",
        options: [
          { value: "ON_TRACK", text: { type: "plain_text", text: "En cours" } },
          { value: "LATE", text: { type: "plain_text", text: "En retard" } },
        ],
        initial_option: { value: "ON_TRACK", text: { type: "plain_text", text: "En cours" } },
      },
    },
    {
      type: "input",
      block_id: "progress",
      label: { type: "plain_text", text: "Avancement (%)" },
      element: { type: "number_input", action_id: "value", is_decimal_allowed: false, initial_value: "40" },
    },
    {
      type: "input",
      block_id: "comment",
      optional: true,
      label: { type: "plain_text", text: "Ce qui a été fait" },
      element: { type: "plain_text_input", action_id: "value", multiline: true },
    },
    {
      type: "input",
      block_id: "next_step_on",
      optional: true,
      label: { type: "plain_text", text: "Date" },
      element: { type: "datepicker", action_id: "value" },
    },
    {
      type: "input",
      block_id: "owners",
      label: { type: "plain_text", text: "Pilotes" },
      element: { type: "multi_users_select", action_id: "value", initial_users: ["U0MARC"] },
    },
  ],
};

const users = (n: string) => ({ marc: "U0MARC", "@sophie": "U0SOPHIE", sophie: "U0SOPHIE" })[n] ?? null;

describe("modal as a terminal form", () => {
  it("lists the inputs in order with their kind, options and initial values", () => {
    const fields = formFields(view);
    expect(fields.map((f) => [f.blockId, f.type, f.optional, f.initial])).toEqual([
      ["status", "static_select", false, "ON_TRACK"],
      ["progress", "number_input", false, "40"],
      ["comment", "plain_text_input", true, undefined],
      ["next_step_on", "datepicker", true, undefined],
      ["owners", "multi_users_select", false, "U0MARC"],
    ]);
    expect(fieldPrompt(fields[0]!)).toBe("Statut [1=En cours, 2=En retard]");
    expect(fieldPrompt(fields[3]!)).toBe("Date (facultatif) [AAAA-MM-JJ]");
  });

  it("turns answers into view.state.values exactly as Slack sends them", () => {
    const fields = formFields(view);
    const states = new Map<string, Record<string, unknown>>();
    const answers = ["2", "55", "Réunion tenue\\nCompte rendu diffusé", "", "marc, @sophie"];
    fields.forEach((f, i) => states.set(f.blockId, elementState(f, answers[i] ?? "", users).state!));
    expect(stateValues(fields, states)).toEqual({
      status: {
        value: {
          type: "static_select",
          selected_option: { value: "LATE", text: { type: "plain_text", text: "En retard" } },
        },
      },
      progress: { value: { type: "number_input", value: "55" } },
      comment: { value: { type: "plain_text_input", value: "Réunion tenue\nCompte rendu diffusé" } },
      next_step_on: { value: { type: "datepicker", selected_date: null } },
      owners: { value: { type: "multi_users_select", selected_users: ["U0MARC", "U0SOPHIE"] } },
    });
  });

  it("refuses what Slack's own widgets would not allow", () => {
    const [status, , , date, owners] = formFields(view);
    expect(elementState(status!, "7", users).error).toBe("Choisissez un numéro entre 1 et 2.");
    expect(elementState(date!, "07/12/2026", users).error).toBe("Date au format AAAA-MM-JJ.");
    expect(elementState(owners!, "marc, inconnu", users).error).toBe("Utilisateur(s) inconnu(s) : inconnu");
  });

  it("sends a multiline text as typed: a pasted line's leading tab is an empty first cell", () => {
    const [, progress, comment] = formFields(view);
    expect(elementState(comment!, "\tVILLE\tMédiation\n\tETAT\tPatrouilles", users).state).toEqual({
      type: "plain_text_input",
      value: "\tVILLE\tMédiation\n\tETAT\tPatrouilles",
    });
    expect(elementState(progress!, " 55 ", users).state).toEqual({ type: "number_input", value: "55" });
  });
});
