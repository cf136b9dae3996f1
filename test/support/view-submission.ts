import { randomUUID } from "node:crypto";

/** A view_submission payload exactly as Slack sends it when a modal's submit button is pressed. */
export function viewSubmissionPayload(s: {
  userId: string;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
  viewId?: string;
  title?: string;
}): Record<string, unknown> {
  const viewId = s.viewId ?? `V${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
  return {
    type: "view_submission",
    team: { id: "T0TEST", domain: "chambery" },
    user: { id: s.userId, username: s.userId.toLowerCase(), name: s.userId.toLowerCase(), team_id: "T0TEST" },
    api_app_id: "A0VIGIE",
    token: "legacy-verification-token",
    trigger_id: `${Date.now()}.${Math.floor(Math.random() * 1e9)}.trigger`,
    view: {
      id: viewId,
      team_id: "T0TEST",
      type: "modal",
      blocks: [],
      private_metadata: s.privateMetadata,
      callback_id: s.callbackId,
      state: { values: s.values },
      hash: "1764000000.abcdEFGH",
      title: { type: "plain_text", text: s.title ?? "Vigie", emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: { type: "plain_text", text: "Annuler", emoji: true },
      submit: { type: "plain_text", text: "Enregistrer", emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: "A0VIGIE",
      external_id: "",
      app_installed_team_id: "T0TEST",
      bot_id: "B0VIGIE",
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
