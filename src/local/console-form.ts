import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Interface } from "node:readline/promises";
import type { KnownBlock, View } from "@slack/types";
import type { ConsoleWords } from "./console-words.js";
import {
  type Directory,
  elementState,
  type FormField,
  fieldPrompt,
  formFields,
  stateValues,
  typedForm,
} from "./modal-form.js";
import { type RenderOptions, renderBlocks } from "./render-blocks.js";
import type { SampleChannel, SampleUser } from "./sample-workspace.js";
import type { LocalSession, Shown } from "./session.js";

/** What the console lends a form being filled in: its session, terminal, words and styles, and who fills it. */
export interface FormContext {
  session: LocalSession;
  users: readonly SampleUser[];
  channels: readonly SampleChannel[];
  rl: Interface;
  write: (s: string) => void;
  w: ConsoleWords;
  directory: Directory;
  look: RenderOptions;
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  /** The person filling the form in. */
  userId: () => string;
  /** Prints what Vigie answers once the form is sent. */
  show: (shown: Shown[]) => Promise<void>;
}

/**
 * A modal as a form: each input asked in turn, with its hint and example. Slack shows every error of a
 * submission at once beside its field and keeps what was typed: here the fields in error are asked again,
 * each offered with what was typed, the rest kept.
 */
export async function fillModal(c: FormContext, view: View, viewId: string): Promise<void> {
  const title = view.type === "modal" ? view.title.text : c.w.form;
  c.write(`\n${c.bold(`▣ ${title}`)} ${c.dim(c.w.formHowTo)}\n`);
  const info = renderBlocks(
    ((view.blocks ?? []) as KnownBlock[]).filter((b) => b.type !== "input" && b.type !== "actions"),
    c.look,
  );
  if (info.text.trim()) c.write(`${info.text}\n`);
  const fields = formFields(view);
  if (fields.length === 0) {
    // A message-only modal: nothing to fill in; one with a submit button (an import's preview) asks to confirm.
    if (view.type !== "modal" || !view.submit) return;
    const yes = await c.rl.question(c.w.confirm(view.submit.text));
    if (!c.w.yes.test(yes.trim())) return void c.write(`${c.w.formClosed}\n`);
    const result = await c.session.submit(c.userId(), view, viewId, {});
    if (result.next) return fillModal(c, result.next, viewId);
    c.write(c.dim(`${c.w.formSent}\n`));
    return c.show(result.shown);
  }
  const states = new Map<string, Record<string, unknown>>();
  // What each field holds, as typed (or as Slack prefilled it): offered again when a field is asked again.
  const typed = new Map<string, string | null>(
    fields.map((f) => [f.blockId, f.initial ? typedForm(f, f.initial, c.directory) : null]),
  );
  let toAsk: FormField[] = fields;
  let errors: Record<string, string> = {};
  for (;;) {
    for (const f of toAsk) {
      // Several fields asked again: each one's error is repeated beside it, as Slack shows it.
      const error = toAsk.length > 1 ? errors[f.blockId] : undefined;
      const answer = await askField(c, f, typed.get(f.blockId) ?? null, error);
      if (answer === null) return void c.write(`${c.w.formClosed}\n`);
      typed.set(f.blockId, answer.typed);
      states.set(f.blockId, answer.state);
    }
    const result = await c.session.submit(c.userId(), view, viewId, stateValues(fields, states));
    if (result.errors) {
      errors = result.errors;
      c.write(c.red(`${c.w.formRefused}\n`));
      for (const [blockId, message] of Object.entries(result.errors)) {
        const f = fields.find((x) => x.blockId === blockId);
        c.write(c.red(`  • ${f?.label ?? blockId} : ${message}\n`));
      }
      toAsk = fields.filter((f) => f.blockId in errors);
      if (toAsk.length === 0) return void c.write(`${c.w.formReopen}\n`);
      continue;
    }
    if (result.next) return fillModal(c, result.next, viewId);
    c.write(c.dim(`${c.w.formSent}\n`));
    return c.show(result.shown);
  }
}

/**
 * One field: its hint, its example, then the question. The current value (prefilled by Slack, or typed
 * before an error) is put in the line to edit when the terminal allows it, and kept with Enter otherwise;
 * `:vide` empties the field. Returns null when the form is cancelled.
 */
async function askField(
  c: FormContext,
  f: FormField,
  current: string | null,
  error: string | undefined,
): Promise<{ typed: string | null; state: Record<string, unknown> } | null> {
  if (f.hint) c.write(c.dim(`  ${f.hint}\n`));
  if (f.type.includes("users_select"))
    c.write(c.dim(`${c.w.peopleAre(c.users.map((u) => `@${u.handle}`).join(", "))}\n`));
  if (f.type === "conversations_select" || f.type === "channels_select")
    c.write(c.dim(`${c.w.channelsAre(c.channels.map((c) => `#${c.name}`).join(", "))}\n`));
  if (error) c.write(c.red(`    ${error}\n`));
  for (;;) {
    const multilineValue = f.multiline === true && current !== null && current.includes("\n");
    // Options are chosen by number; a text several lines long cannot be edited in one line: both are shown.
    const editable = current !== null && !f.options && !multilineValue && c.rl.terminal;
    const example = !current && f.placeholder && !f.options ? c.dim(` (${f.placeholder})`) : "";
    const shown = current !== null && !editable && !multilineValue ? c.dim(` (${current})`) : "";
    if (multilineValue) c.write(`${c.dim(c.w.keptText)}\n${indent(current ?? "")}\n`);
    const prompt = `  ${fieldPrompt(f, c.w)}${example}${shown} : `;
    const prefill = editable ? (current ?? "") : "";
    const answer = f.multiline ? await askLines(c, prompt, prefill) : await question(c, prompt, prefill);
    const word = answer.trim().toLowerCase();
    if (c.w.cancelWords.includes(word)) return null;
    if (f.type === "file_input" && word !== "" && !c.w.clearWords.includes(word)) {
      const file = answer.trim();
      const bytes = await readFile(file).catch(() => null);
      if (bytes)
        return {
          typed: null,
          state: { type: "file_input", files: [c.session.attachFile(basename(file), bytes)] },
        };
      c.write(c.red(`    ${c.w.fileNotFound(file)}\n`));
      continue;
    }
    let text: string | null;
    if (c.w.clearWords.includes(word)) text = null;
    else if (word === "" && !editable) text = current;
    else text = answer;
    const r = elementState(f, text === null ? "" : forElement(f, text), c.directory, c.w);
    if (r.state) return { typed: text, state: r.state };
    c.write(c.red(`    ${r.error}\n`));
    current = text; // offered again, to correct rather than retype
  }
}

/** An option's label becomes its number, as the element expects it. */
function forElement(f: FormField, text: string): string {
  if (!f.options) return text;
  const i = f.options.findIndex((o) => o.label === text);
  return i >= 0 ? String(i + 1) : text;
}

/** A question whose answer starts as `prefill`, editable (a terminal only). */
function question(c: FormContext, prompt: string, prefill: string): Promise<string> {
  const asked = c.rl.question(prompt);
  if (prefill) c.rl.write(prefill);
  return asked;
}

/**
 * A multiline input: once its first line is not empty, more lines, pasted at once or typed one by one,
 * until an empty line. Lines pasted together reach readline while no question is pending: they are
 * caught as they come, so none is lost or read as a command.
 */
async function askLines(c: FormContext, prompt: string, prefill: string): Promise<string> {
  const pasted: string[] = [];
  const collect = (line: string) => void pasted.push(line);
  c.rl.on("line", collect);
  try {
    const first = await question(c, prompt, prefill);
    const word = first.trim().toLowerCase();
    if (word === "" || word.startsWith(":")) return first;
    const lines = [first];
    for (;;) {
      const next = pasted.shift() ?? (await c.rl.question(c.dim(c.w.moreLines)));
      if (c.w.cancelWords.includes(next.trim().toLowerCase())) return next;
      if (next.trim() === "" && pasted.length === 0) return lines.join("\n");
      lines.push(next);
    }
  } finally {
    c.rl.off("line", collect);
  }
}

const indent = (text: string) =>
  text
    .split("\n")
    .map((l) => `    │ ${l}`)
    .join("\n");
