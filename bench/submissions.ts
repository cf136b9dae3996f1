// view_submission payloads of the progress-update modal, built with the app's own modal builder (the
// same blocks and private_metadata an owner's Slack client would send back), filled like an owner would.
import type { KnownBlock, ModalView } from "@slack/types";
import type { Commitment } from "../src/domain/types.js";
import { BLOCKS } from "../src/slack/ids.js";
import { progressUpdateModal } from "../src/slack/views/progress-update-modal.js";

type StateValue = Record<string, unknown> & { type: string };

/** view.state.values as Slack computes them from the inputs' initial values, then `typed` by block_id. */
export function stateFromView(
  view: ModalView,
  typed: Record<string, Record<string, unknown>>,
): Record<string, Record<string, StateValue>> {
  const values: Record<string, Record<string, StateValue>> = {};
  for (const block of view.blocks as KnownBlock[]) {
    if (block.type !== "input" || !block.block_id) continue;
    const el = block.element as unknown as Record<string, unknown> & { type: string; action_id?: string };
    const actionId = el.action_id ?? "value";
    let value: StateValue;
    switch (el.type) {
      case "static_select":
      case "radio_buttons":
        value = { type: el.type, selected_option: el.initial_option ?? null };
        break;
      case "datepicker":
        value = { type: el.type, selected_date: el.initial_date ?? null };
        break;
      case "multi_users_select":
        value = { type: el.type, selected_users: el.initial_users ?? [] };
        break;
      case "checkboxes":
        value = { type: el.type, selected_options: el.initial_options ?? [] };
        break;
      default:
        value = { type: el.type, value: el.initial_value ?? null };
    }
    values[block.block_id] = { [actionId]: { ...value, ...(typed[block.block_id] ?? {}) } };
  }
  return values;
}

/** An owner reports progress on `commitment`: on track, one point more, with a comment and a next step. */
export function progressSubmission(
  commitment: Commitment,
  userId: string,
  viewId: string,
  teamId = "T0BENCH",
): Record<string, unknown> {
  const view = progressUpdateModal({ commitment, locale: "fr", timezone: "Europe/Paris", latest: null });
  const values = stateFromView(view, {
    [BLOCKS.status]: { selected_option: { text: { type: "plain_text", text: "En cours" }, value: "ON_TRACK" } },
    [BLOCKS.progress]: { value: String(Math.min(100, commitment.progress + 1)) },
    [BLOCKS.comment]: { value: "Réunion partenariale tenue ; deux actions du trimestre engagées avec les bailleurs." },
    [BLOCKS.nextStep]: { value: "Présenter le bilan au prochain COPIL" },
  });
  return {
    type: "view_submission",
    team: { id: teamId, domain: "chambery" },
    user: { id: userId, username: "pilote", name: "pilote", team_id: teamId },
    api_app_id: "A0VIGIE",
    token: "legacy-verification-token",
    trigger_id: `${Date.now()}.${viewId}`,
    view: {
      ...view,
      id: viewId,
      team_id: teamId,
      state: { values },
      hash: `${Date.now()}.${viewId}`,
      root_view_id: viewId,
      previous_view_id: null,
      app_id: "A0VIGIE",
      external_id: "",
      app_installed_team_id: teamId,
      bot_id: "B0VIGIE",
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
