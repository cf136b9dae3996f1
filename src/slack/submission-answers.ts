// Shared pieces of the coordinators' modal submissions: block ids of each form, the inline answers.
import type { CommitmentField } from "../domain/commitment-input.js";
import type { MeetingField } from "../domain/meeting-input.js";
import type { FieldProblems } from "../domain/problems.js";
import type { ClosedContract } from "../domain/renewal.js";
import type { Locale } from "../domain/types.js";
import { BLOCKS } from "./ids.js";
import { toBlockErrors } from "./view-state.js";
import { coordinatorsOnlyText, savingFailedText } from "./views/admin-messages.js";
import { problemTexts } from "./views/problem-words.js";

export const COMMITMENT_BLOCKS: Record<CommitmentField, string> = {
  ref: BLOCKS.ref,
  party: BLOCKS.party,
  title: BLOCKS.title,
  description: BLOCKS.description,
  lead_service: BLOCKS.leadService,
  owners: BLOCKS.owners,
  due_on: BLOCKS.dueOn,
  indicators: BLOCKS.indicators,
};

export const MEETING_BLOCKS: Record<MeetingField, string> = {
  meeting_kind: BLOCKS.meetingKind,
  title: BLOCKS.title,
  meeting_date: BLOCKS.meetingDate,
  meeting_time: BLOCKS.meetingTime,
  place: BLOCKS.place,
  channel: BLOCKS.channel,
  attendees: BLOCKS.attendees,
  agenda: BLOCKS.agenda,
};

/** Vigie's mrkdwn words as a form's inline error (plain text): no leading emoji, no markup, mentions as @id. */
export const asPlainError = (mrkdwn: string): string =>
  mrkdwn
    .replace(/^:[a-z_]+: /, "")
    .replace(/[*`]/g, "")
    .replace(/<@([A-Z0-9]+)>/g, "@$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** A refusal shown on the form's first field: what was typed stays in the modal. */
export const refusalErrors = (
  block: string,
  locale: Locale,
  coordinators: readonly string[],
  closed?: ClosedContract,
) => ({
  response_action: "errors" as const,
  errors: {
    [block]: asPlainError(coordinatorsOnlyText(locale, coordinators, closed)),
  },
});

/** Storage failed: say so inline, keep everything typed. */
export const failureErrors = (block: string, locale: Locale) => ({
  response_action: "errors" as const,
  errors: {
    [block]: savingFailedText(locale),
  },
});

/** The form's own problems, each worded beside its field: what was typed stays in the modal. */
export const problemErrors = <F extends string>(
  problems: FieldProblems<F>,
  locale: Locale,
  blockOf: Record<F, string>,
) => ({
  response_action: "errors" as const,
  errors: toBlockErrors(problemTexts(problems, locale), blockOf),
});
