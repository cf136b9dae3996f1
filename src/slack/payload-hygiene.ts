// Before any listener reads a payload: control characters (NUL…) are removed from every string, and a
// submitted form whose state is missing or not shaped as Slack sends it is answered in French — a stale
// form is replaced by a notice, a field of the wrong type gets an inline error — never « incident
// technique », never a stack in the log.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Locale } from "../domain/types.js";
import type { Logger } from "../logger.js";
import { staleFormView, unreadableFieldText } from "./views/stale-form.js";

/** C0 controls but tab, line feed and carriage return, DEL and the C1 controls: PostgreSQL refuses NUL. */
const CONTROLS = /[^\P{Cc}\t\n\r]/gu;

/** Removes control characters from every string of a parsed payload, in place; returns how many strings changed. */
export function stripControls(v: unknown): number {
  let changed = 0;
  const clean = (s: string): string => {
    const out = s.replace(CONTROLS, "");
    if (out !== s) changed++;
    return out;
  };
  const walk = (x: unknown, depth: number): void => {
    if (depth > 40 || !x || typeof x !== "object") return;
    if (Array.isArray(x)) {
      x.forEach((y, i) => {
        if (typeof y === "string") x[i] = clean(y);
        else walk(y, depth + 1);
      });
      return;
    }
    const o = x as Record<string, unknown>;
    for (const [k, y] of Object.entries(o)) {
      if (typeof y === "string") o[k] = clean(y);
      else walk(y, depth + 1);
    }
  };
  walk(v, 0);
  return changed;
}

const record = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const isText = (v: unknown) => v === undefined || v === null || typeof v === "string";
const isOption = (v: unknown) => v === undefined || v === null || typeof record(v)?.value === "string";
const isList = (v: unknown, item: (x: unknown) => boolean) =>
  v === undefined || v === null || (Array.isArray(v) && v.every(item));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** Does this element of view.state.values hold what Slack sends for its kind of input? */
function wellShaped(element: unknown): boolean {
  const e = record(element);
  if (!e) return false;
  const textKeys = ["value", "selected_conversation", "selected_channel", "selected_user"];
  if (!textKeys.every((k) => isText(e[k]))) return false;
  if (!isText(e.selected_date) || (typeof e.selected_date === "string" && !DATE.test(e.selected_date))) return false;
  if (!isText(e.selected_time) || (typeof e.selected_time === "string" && !TIME.test(e.selected_time))) return false;
  if (!isOption(e.selected_option)) return false;
  const text = (x: unknown) => typeof x === "string";
  return (
    isList(e.selected_users, text) &&
    isList(e.selected_conversations, text) &&
    isList(e.selected_channels, text) &&
    isList(e.selected_options, (x) => typeof record(x)?.value === "string")
  );
}

type StateCheck = { kind: "ok" } | { kind: "stale" } | { kind: "invalid"; blocks: string[] };

/** Whether a submitted view's state can be read: missing or null state is a stale form. */
export function checkViewState(view: unknown): StateCheck {
  const values = record(record(record(view)?.state)?.values);
  if (!values) return { kind: "stale" };
  const blocks: string[] = [];
  for (const [block, actions] of Object.entries(values)) {
    const a = record(actions);
    if (!a || !Object.values(a).every(wellShaped)) blocks.push(block);
  }
  return blocks.length ? { kind: "invalid", blocks } : { kind: "ok" };
}

/** The language a form was opened in, read from its private_metadata (`locale` or `l`); French otherwise. */
export function formLocale(view: unknown): Locale {
  try {
    const m = record(JSON.parse(String(record(view)?.private_metadata ?? "{}")));
    return m?.locale === "en" || m?.l === "en" ? "en" : "fr";
  } catch {
    return "fr";
  }
}

/** Global middleware: cleans every payload, answers unreadable forms itself. */
export function payloadHygiene(log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as unknown;
    const cleaned = stripControls(body);
    if (cleaned) log.info("payload.control_characters_removed", { strings: cleaned });
    const b = record(body);
    if (b?.type === "view_submission" && "ack" in args && typeof args.ack === "function") {
      const ack = args.ack as (response?: unknown) => Promise<void>;
      const check = checkViewState(b.view);
      const locale = formLocale(b.view);
      if (check.kind === "stale") {
        log.warn("view.stale_state", { callbackId: String(record(b.view)?.callback_id ?? "").slice(0, 64) });
        await ack({ response_action: "update", view: staleFormView(locale) });
        return;
      }
      if (check.kind === "invalid") {
        log.warn("view.unreadable_fields", { blocks: check.blocks.map((x) => x.slice(0, 64)).slice(0, 20) });
        await ack({
          response_action: "errors",
          errors: Object.fromEntries(check.blocks.map((block) => [block, unreadableFieldText(locale)])),
        });
        return;
      }
    }
    await args.next();
  };
}
