import { describe, expect, it } from "vitest";
import { BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import { meetingModal } from "../../../src/slack/views/meeting-modal.js";
import { blocksText } from "../../support/test-app.js";

describe("meeting modal", () => {
  it("asks kind, date and Paris time, place, channel, attendees and agenda", () => {
    const view = meetingModal({
      locale: "fr",
      timezone: "Europe/Paris",
      initialDate: "2026-11-24",
      privateMetadata: "{}",
    });
    expect(view.callback_id).toBe(CALLBACKS.scheduleMeeting);
    const el = (block: string) => view.blocks.find((b) => "block_id" in b && b.block_id === block);
    expect(el(BLOCKS.meetingKind)).toMatchObject({
      element: {
        type: "static_select",
        options: [{ value: "GLTD" }, { value: "COPIL" }, { value: "CLSPD" }, { value: "OTHER" }],
      },
    });
    expect(el(BLOCKS.meetingDate)).toMatchObject({
      element: { type: "datepicker", initial_date: "2026-11-24" },
      optional: false,
    });
    expect(el(BLOCKS.meetingTime)).toMatchObject({
      element: { type: "timepicker", timezone: "Europe/Paris", initial_time: "14:00" },
    });
    expect(el(BLOCKS.channel)).toMatchObject({ element: { type: "conversations_select" }, optional: true });
    expect(el(BLOCKS.attendees)).toMatchObject({ element: { type: "multi_users_select" } });
    expect(el(BLOCKS.agenda)).toMatchObject({ element: { type: "plain_text_input", multiline: true } });
    expect(blocksText(view)).toContain("Comité de pilotage");
    expect(view.title.text.length).toBeLessThanOrEqual(24);
  });
  it("speaks English", () => {
    expect(
      blocksText(meetingModal({ locale: "en", timezone: "Europe/Paris", initialDate: null, privateMetadata: "{}" })),
    ).toContain("Steering committee");
  });
});
