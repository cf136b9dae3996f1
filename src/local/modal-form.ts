import type { View } from "@slack/types";
import { type ConsoleWords, consoleWords } from "./console-words.js";

/** One input of a modal, as the terminal asks it. */
export interface FormField {
  blockId: string;
  actionId: string;
  label: string;
  hint?: string;
  /** The grey example text Slack shows in an empty field. */
  placeholder?: string;
  optional: boolean;
  type: string;
  multiline?: boolean;
  options?: { value: string; label: string }[];
  /** What Slack would prefill. */
  initial?: string;
}

interface FormState {
  values: Record<string, Record<string, Record<string, unknown>>>;
}

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const plain = (t: unknown): string =>
  t && typeof t === "object" && "text" in t && typeof t.text === "string" ? t.text : "";

/** The inputs of a modal, in order, with their kind, options and initial values. */
export function formFields(view: View): FormField[] {
  const fields: FormField[] = [];
  for (const block of (view.blocks ?? []) as unknown as Json[]) {
    if (block.type !== "input" || typeof block.element !== "object" || !block.element) continue;
    const el = block.element as Json;
    const options = Array.isArray(el.options)
      ? (el.options as Json[]).map((o) => ({ value: String(o.value), label: plain(o.text) }))
      : undefined;
    const initialOption = el.initial_option as Json | undefined;
    const initial =
      str(el.initial_value) ??
      str(el.initial_date) ??
      str(el.initial_time) ??
      str(el.initial_user) ??
      str(el.initial_conversation) ??
      (Array.isArray(el.initial_users) ? (el.initial_users as string[]).join(",") : undefined) ??
      (Array.isArray(el.initial_options)
        ? (el.initial_options as Json[]).map((o) => String(o.value)).join(",")
        : undefined) ??
      (initialOption ? str(initialOption.value) : undefined);
    fields.push({
      blockId: String(block.block_id ?? ""),
      actionId: String(el.action_id ?? ""),
      label: plain(block.label),
      hint: plain(block.hint) || undefined,
      placeholder: plain(el.placeholder) || undefined,
      optional: block.optional === true,
      type: String(el.type),
      multiline: el.multiline === true,
      options,
      initial,
    });
  }
  return fields;
}

const FRENCH = consoleWords("fr");

/** What the terminal says the user should type for a field. */
export function fieldPrompt(f: FormField, w: ConsoleWords = FRENCH): string {
  const extra = f.options ? f.options.map((o, i) => `${i + 1}=${o.label}`).join(", ") : w.kinds[f.type];
  return `${f.label}${f.optional ? ` (${w.optional})` : ""}${extra ? ` [${extra}]` : ""}`;
}

/** Names for ids, both ways: people as `@prénom`, channels as `#nom`. */
export interface Directory {
  user: (name: string) => string | null;
  channel?: (name: string) => string | null;
  userName?: (id: string) => string;
  channelName?: (id: string) => string;
}

/** A field's current value as the user would type it: an option's label, people by name, channels by name. */
export function typedForm(f: FormField, value: string, d: Pick<Directory, "userName" | "channelName">): string {
  // Ticked boxes by their numbers (« 1,2,5 »): their labels may hold commas.
  if (f.type === "checkboxes")
    return value
      .split(",")
      .map((v) => (f.options ?? []).findIndex((o) => o.value === v) + 1)
      .filter((n) => n > 0)
      .join(",");
  if (f.options) return f.options.find((o) => o.value === value)?.label ?? value;
  if (f.type === "users_select" || f.type === "multi_users_select")
    return value
      .split(",")
      .filter(Boolean)
      .map((id) => `@${d.userName?.(id) ?? id}`)
      .join(", ");
  if (f.type === "conversations_select" || f.type === "channels_select") return `#${d.channelName?.(value) ?? value}`;
  return value;
}

/**
 * Turns what was typed into the element's state as Slack sends it in view.state.values.
 * Returns an error sentence when the answer cannot be that element's value at all (Slack's own UI
 * would not let it through either).
 */
export function elementState(
  f: FormField,
  answer: string,
  directory: Directory | ((name: string) => string | null),
  w: ConsoleWords = FRENCH,
): { state?: Json; error?: string } {
  const d: Directory = typeof directory === "function" ? { user: directory } : directory;
  const resolveUser = d.user;
  const a = answer.trim();
  if (!a) return { state: emptyState(f.type) };
  switch (f.type) {
    case "static_select":
    case "radio_buttons": {
      const byNumber = f.options?.[Number(a) - 1];
      const opt = byNumber ?? f.options?.find((o) => o.value === a || o.label.toLowerCase() === a.toLowerCase());
      if (!opt) return { error: w.chooseNumber(f.options?.length ?? 0) };
      return {
        state: { type: f.type, selected_option: { value: opt.value, text: { type: "plain_text", text: opt.label } } },
      };
    }
    case "checkboxes": {
      const options = f.options ?? [];
      const picked = a.split(/[,;\s]+/).filter(Boolean);
      const chosen = picked.map((p) => options[Number(p) - 1] ?? options.find((o) => o.value === p));
      if (chosen.some((o) => !o)) return { error: w.chooseNumber(options.length) };
      const unique = [...new Set(chosen as { value: string; label: string }[])];
      return {
        state: {
          type: f.type,
          selected_options: unique.map((o) => ({ value: o.value, text: { type: "plain_text", text: o.label } })),
        },
      };
    }
    case "datepicker":
      return /^\d{4}-\d{2}-\d{2}$/.test(a) ? { state: { type: f.type, selected_date: a } } : { error: w.dateFormat };
    case "timepicker":
      return /^\d{2}:\d{2}$/.test(a) ? { state: { type: f.type, selected_time: a } } : { error: w.timeFormat };
    case "users_select": {
      const id = resolveUser(a);
      return id ? { state: { type: f.type, selected_user: id } } : { error: w.unknownPerson(a) };
    }
    case "multi_users_select": {
      const ids = a
        .split(/[,\s]+/)
        .filter(Boolean)
        .map((n) => [n, resolveUser(n)] as const);
      const unknown = ids.filter(([, id]) => !id).map(([n]) => n);
      if (unknown.length)
        return { error: unknown.length > 1 ? w.unknownPeople(unknown.join(", ")) : w.unknownPerson(unknown[0]!) };
      return { state: { type: f.type, selected_users: ids.map(([, id]) => id) } };
    }
    case "conversations_select":
    case "channels_select": {
      // Slack's picker only offers channels that exist: a name is looked up, an id taken as it is.
      const id = d.channel?.(a) ?? (/^[CGD][A-Z0-9]+$/.test(a) ? a : null);
      if (!id) return { error: w.unknownChannel(a) };
      return {
        state: { type: f.type, [f.type === "channels_select" ? "selected_channel" : "selected_conversation"]: id },
      };
    }
    default:
      // plain_text_input, number_input, url_text_input, email_text_input: Slack sends the raw text (a multiline
      // one untrimmed: the leading tab of a pasted spreadsheet line is an empty first cell).
      return { state: { type: f.type, value: f.multiline ? answer.replace(/\\n/g, "\n") : a } };
  }
}

function emptyState(type: string): Json {
  switch (type) {
    case "static_select":
    case "radio_buttons":
      return { type, selected_option: null };
    case "checkboxes":
      return { type, selected_options: [] };
    case "datepicker":
      return { type, selected_date: null };
    case "timepicker":
      return { type, selected_time: null };
    case "users_select":
      return { type, selected_user: null };
    case "multi_users_select":
      return { type, selected_users: [] };
    case "conversations_select":
      return { type, selected_conversation: null };
    case "channels_select":
      return { type, selected_channel: null };
    default:
      return { type, value: null };
  }
}

/** view.state.values from each field's state. */
export function stateValues(fields: FormField[], states: Map<string, Json>): FormState["values"] {
  const values: FormState["values"] = {};
  for (const f of fields) {
    const s = states.get(f.blockId);
    if (s) values[f.blockId] = { [f.actionId]: s };
  }
  return values;
}
