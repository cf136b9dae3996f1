// Input blocks of the coordinators' modals. Every input block holds one element whose action_id is
// INPUT_ACTION, so listeners read `state.values[block_id].value`.
import type { InputBlock, InputBlockElement, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { truncate } from "../../domain/text.js";
import type { Locale } from "../../domain/types.js";
import { INPUT_ACTION } from "../ids.js";
import { tr } from "./locale.js";

/** Escapes what Slack would read as markup in mrkdwn (`<!channel>`, `<@U…>`, entities). */
export { esc } from "./blocks.js";

const plainText = (text: string, max: number) => ({
  type: "plain_text" as const,
  text: truncate(text, max),
  emoji: true,
});

export interface InputOptions {
  optional?: boolean;
  hint?: string;
}

function input(blockId: string, label: string, element: InputBlockElement, o: InputOptions = {}): InputBlock {
  return {
    type: "input",
    block_id: blockId,
    label: plainText(label, 2000),
    optional: o.optional ?? false,
    ...(o.hint ? { hint: plainText(o.hint, 2000) } : {}),
    element,
  };
}

export function textInput(
  blockId: string,
  label: string,
  o: InputOptions & { initial?: string | null; multiline?: boolean; maxLength?: number; placeholder?: string } = {},
): InputBlock {
  const max = o.maxLength ?? 3000;
  const initial = o.initial ?? "";
  return input(
    blockId,
    label,
    {
      type: "plain_text_input",
      action_id: INPUT_ACTION,
      multiline: o.multiline ?? false,
      // Slack refuses a view whose initial value is longer than max_length: never lose stored text for that.
      max_length: Math.min(3000, Math.max(max, initial.length)),
      ...(initial ? { initial_value: initial.slice(0, 3000) } : {}),
      ...(o.placeholder ? { placeholder: plainText(o.placeholder, 150) } : {}),
    },
    o,
  );
}

export const option = (text: string, value: string): PlainTextOption => ({ text: plainText(text, 75), value });

export function staticSelect(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  o: InputOptions & { initial?: string | null; placeholder?: string } = {},
): InputBlock {
  const initial = options.find((x) => x.value === o.initial);
  return input(
    blockId,
    label,
    {
      type: "static_select",
      action_id: INPUT_ACTION,
      options: options.slice(0, 100),
      ...(initial ? { initial_option: initial } : {}),
      ...(o.placeholder ? { placeholder: plainText(o.placeholder, 150) } : {}),
    },
    o,
  );
}

export function usersSelect(blockId: string, label: string, o: InputOptions & { initial?: string[] } = {}): InputBlock {
  return input(
    blockId,
    label,
    { type: "multi_users_select", action_id: INPUT_ACTION, ...(o.initial?.length ? { initial_users: o.initial } : {}) },
    o,
  );
}

/** One person (a stand-in…), or none when optional. */
export function userSelect(
  blockId: string,
  label: string,
  o: InputOptions & { initial?: string | null } = {},
): InputBlock {
  return input(
    blockId,
    label,
    { type: "users_select", action_id: INPUT_ACTION, ...(o.initial ? { initial_user: o.initial } : {}) },
    o,
  );
}

export function datePicker(
  blockId: string,
  label: string,
  o: InputOptions & { initial?: string | null } = {},
): InputBlock {
  return input(
    blockId,
    label,
    { type: "datepicker", action_id: INPUT_ACTION, ...(o.initial ? { initial_date: o.initial } : {}) },
    o,
  );
}

export function timePicker(
  blockId: string,
  label: string,
  o: InputOptions & { initial?: string | null; timezone?: string } = {},
): InputBlock {
  return input(
    blockId,
    label,
    {
      type: "timepicker",
      action_id: INPUT_ACTION,
      ...(o.initial ? { initial_time: o.initial } : {}),
      ...(o.timezone ? { timezone: o.timezone } : {}),
    },
    o,
  );
}

export function channelSelect(
  blockId: string,
  label: string,
  o: InputOptions & { initial?: string | null } = {},
): InputBlock {
  return input(
    blockId,
    label,
    {
      type: "conversations_select",
      action_id: INPUT_ACTION,
      filter: { include: ["public", "private"], exclude_bot_users: true },
      ...(o.initial ? { initial_conversation: o.initial } : {}),
    },
    o,
  );
}

/** The reminder at the top of the forms whose free text is stored: no case data, ever. */
export const confidentialityNotice = (locale: Locale): KnownBlock => ({
  type: "context",
  elements: [
    {
      type: "mrkdwn",
      text: tr(
        locale,
        ":lock: N'indiquez aucune donnée personnelle (noms, dates de naissance, adresses, numéros de procédure) : elles relèvent des instances confidentielles du GLTD et du CLSPD.",
        ":lock: Do not type any personal data (names, dates of birth, addresses, case numbers): it belongs to the GLTD and CLSPD's confidential channels.",
      ),
    },
  ],
});

/** A form modal: its submit button, « Annuler » to close, and the private metadata within Slack's 3,000 chars. */
export function formModal(
  m: { callbackId: string; title: string; submit: string; privateMetadata: string; blocks: KnownBlock[] },
  locale: Locale,
): ModalView {
  return {
    type: "modal",
    callback_id: m.callbackId,
    title: { type: "plain_text", text: m.title },
    submit: { type: "plain_text", text: m.submit },
    close: { type: "plain_text", text: tr(locale, "Annuler", "Cancel") },
    private_metadata: m.privateMetadata.slice(0, 3000),
    blocks: m.blocks,
  };
}

/** A number typed in a form (Slack checks the bounds and, unless allowed, that it is whole). */
export function numberInput(
  blockId: string,
  label: string,
  o: InputOptions & { decimal: boolean; min: number; max: number; initial?: number | null },
): InputBlock {
  // An input number keeps a dot as decimal separator whatever the language: Slack parses it.
  const initial = typeof o.initial === "number" && Number.isFinite(o.initial) ? String(o.initial) : undefined;
  return input(
    blockId,
    label,
    {
      type: "number_input",
      action_id: INPUT_ACTION,
      is_decimal_allowed: o.decimal,
      min_value: String(o.min),
      max_value: String(o.max),
      ...(initial !== undefined ? { initial_value: initial } : {}),
    },
    o,
  );
}

/** A web address typed in a form (Slack checks that it is one). */
export function urlInput(
  blockId: string,
  label: string,
  o: InputOptions & { initial?: string | null } = {},
): InputBlock {
  return input(
    blockId,
    label,
    { type: "url_text_input", action_id: INPUT_ACTION, ...(o.initial ? { initial_value: o.initial } : {}) },
    o,
  );
}

/** A modal that only says something (loading, nothing to do): « Fermer », nothing to submit. */
export function messageModal(m: { callbackId?: string; title: string; text: string }, locale: Locale): ModalView {
  return {
    type: "modal",
    ...(m.callbackId ? { callback_id: m.callbackId } : {}),
    title: plainText(m.title, 24),
    close: plainText(tr(locale, "Fermer", "Close"), 24),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncate(m.text, 3000) } }],
  };
}
