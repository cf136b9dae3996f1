import type { View } from "@slack/types";
import { describe, expect, it } from "vitest";
import { consoleWords } from "../../src/local/console-words.js";
import { elementState, fieldPrompt, formFields, stateValues, typedForm } from "../../src/local/modal-form.js";
import { escapeLikeSlack } from "../../src/local/slack-escape.js";

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
      hint: { type: "plain_text", text: "Une ligne par action" },
      element: {
        type: "plain_text_input",
        action_id: "value",
        multiline: true,
        placeholder: { type: "plain_text", text: "Réunion tenue le…" },
      },
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
    {
      type: "input",
      block_id: "channel",
      optional: true,
      label: { type: "plain_text", text: "Canal" },
      element: { type: "conversations_select", action_id: "value" },
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
      ["channel", "conversations_select", true, undefined],
    ]);
    expect([fields[2]?.hint, fields[2]?.placeholder]).toEqual(["Une ligne par action", "Réunion tenue le…"]);
    expect(fieldPrompt(fields[0]!)).toBe("Statut [1=En cours, 2=En retard]");
    expect(fieldPrompt(fields[3]!)).toBe("Date (facultatif) [AAAA-MM-JJ]");
  });

  it("turns answers into view.state.values exactly as Slack sends them", () => {
    const fields = formFields(view);
    const states = new Map<string, Record<string, unknown>>();
    const answers = ["2", "55", "Réunion tenue\\nCompte rendu diffusé", "", "marc, @sophie", ""];
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
      channel: { value: { type: "conversations_select", selected_conversation: null } },
    });
  });

  it("refuses what Slack's own widgets would not allow", () => {
    const [status, , , date, owners] = formFields(view);
    expect(elementState(status!, "7", users).error).toBe("Choisissez un numéro entre 1 et 2.");
    expect(elementState(date!, "07/12/2026", users).error).toBe("Date au format AAAA-MM-JJ.");
    expect(elementState(owners!, "marc, inconnu", users).error).toBe("Utilisateur inconnu : inconnu");
  });

  it("sends a multiline text as typed: a pasted line's leading tab is an empty first cell", () => {
    const [, progress, comment] = formFields(view);
    expect(elementState(comment!, "\tVILLE\tMédiation\n\tETAT\tPatrouilles", users).state).toEqual({
      type: "plain_text_input",
      value: "\tVILLE\tMédiation\n\tETAT\tPatrouilles",
    });
    expect(elementState(progress!, " 55 ", users).state).toEqual({ type: "number_input", value: "55" });
  });

  it("reads a channel by its name, as Slack's picker offers it, and refuses one that does not exist", () => {
    const channel = formFields(view)[5]!;
    const directory = { user: users, channel: (n: string) => (n.replace(/^#/, "") === "copil-csi" ? "C0COPIL" : null) };
    expect(elementState(channel, "#copil-csi", directory).state).toEqual({
      type: "conversations_select",
      selected_conversation: "C0COPIL",
    });
    expect(elementState(channel, "#copil", directory).error).toBe("Canal inconnu : #copil");
  });

  it("shows a field's value as one would type it: people by name, an option by its label", () => {
    const [status, , , , owners] = formFields(view);
    const names = { userName: (id: string) => id.slice(2).toLowerCase() };
    expect(typedForm(owners!, "U0MARC,U0SOPHIE", names)).toBe("@marc, @sophie");
    expect(typedForm(status!, "LATE", names)).toBe("En retard");
  });

  it("ticks boxes by their numbers (the renewal's commitments), all ticked at first, none when emptied", async () => {
    const { renewalModal } = await import("../../src/slack/views/renewal-blocks.js");
    const modal = renewalModal({
      contract: {
        id: "c",
        ref: "CSI-CHAMBERY",
        title: "CSI de Chambéry",
        signedOn: "2021-09-22",
        endsOn: "2026-12-31",
        timezone: "Europe/Paris",
        parties: [],
      },
      defaults: { ref: "CSI-CHAMBERY-2027", title: "CSI", signedOn: "2027-01-01", endsOn: "2032-04-10" },
      candidates: [
        { id: "id-1", ref: "ETAT-01", title: "Patrouilles, renforts et vidéo" },
        { id: "id-2", ref: "ETAT-03", title: "Médiation" },
        { id: "id-3", ref: "VILLE-02", title: "Éclairage" },
      ],
      locale: "fr",
      privateMetadata: "{}",
    });
    const carry = formFields(modal).find((f) => f.type === "checkboxes");
    expect(carry?.initial).toBe("id-1,id-2,id-3");
    expect(typedForm(carry!, carry!.initial!, {})).toBe("1,2,3");
    expect(elementState(carry!, "1, 3", () => null).state).toEqual({
      type: "checkboxes",
      selected_options: [
        { value: "id-1", text: { type: "plain_text", text: "ETAT-01 — Patrouilles, renforts et vidéo" } },
        { value: "id-3", text: { type: "plain_text", text: "VILLE-02 — Éclairage" } },
      ],
    });
    expect(elementState(carry!, "", () => null).state).toEqual({ type: "checkboxes", selected_options: [] });
    expect(elementState(carry!, "4", () => null).error).toBeDefined();
  });

  it("speaks English when the console does", () => {
    const en = consoleWords("en");
    const [status, , , date] = formFields(view);
    expect(fieldPrompt(date!, en)).toBe("Date (optional) [YYYY-MM-DD]");
    expect(elementState(status!, "9", users, en).error).toBe("Choose a number between 1 and 2.");
  });
});

describe("command text escaped as Slack escapes it (should_escape: true)", () => {
  const people = [
    { id: "U0PIERRE", name: "pierre" },
    { id: "U0MARC", name: "marc" },
  ];
  const channels = [{ id: "C0COPIL", name: "copil-csi" }];
  it.each([
    ["role @pierre coordinateur", "role <@U0PIERRE|pierre> coordinateur"],
    ["role @Pierre, membre", "role <@U0PIERRE|pierre>, membre"],
    ["cherche @inconnu", "cherche @inconnu"],
    ["voir ETAT-08 #copil-csi", "voir ETAT-08 <#C0COPIL|copil-csi>"],
    ["cherche a@marc.fr", "cherche a@marc.fr"],
  ])("%s → %s", (typed, sent) => {
    expect(escapeLikeSlack(typed, people, channels)).toBe(sent);
  });
});
