import type { KnownBlock } from "@slack/types";

/** A button shown in the terminal with its number, and what pressing it sends back. */
export interface ShownButton {
  n: number;
  label: string;
  actionId: string;
  blockId?: string;
  value?: string;
  url?: string;
}

export interface RenderOptions {
  /** Names for <@U…> mentions. */
  userName?: (id: string) => string;
  /** Names for <#C…> channel links that carry none. */
  channelName?: (id: string) => string;
  /** ANSI styles; off when the output is not a terminal. */
  color?: boolean;
  /** Buttons are numbered from here (several messages on screen). */
  firstButton?: number;
  width?: number;
}

const ansi = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** Slack mrkdwn to terminal text: *bold*, _italic_, `code`, <@U…>, <url|label>, &amp;… */
export function renderMrkdwn(text: string, o: RenderOptions = {}): string {
  const color = o.color ?? false;
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => ansi(color, "36", `@${o.userName?.(id) ?? id}`))
    .replace(
      /<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g,
      (_m, id: string, name?: string) => `#${name ?? o.channelName?.(id) ?? id}`,
    )
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, (_m, _url: string, label: string) => ansi(color, "4", label))
    .replace(/<(https?:[^>]+)>/g, (_m, url: string) => ansi(color, "4", url))
    .replace(
      /(^|[\s(«])\*([^*\s](?:[^*\n]*[^*\s])?)\*(?=[\s).,:;!?»]|$)/gm,
      (_m, pre: string, s: string) => pre + ansi(color, "1", s),
    )
    .replace(
      /(^|[\s(«])_([^_\s](?:[^_\n]*[^_\s])?)_(?=[\s).,:;!?»]|$)/gm,
      (_m, pre: string, s: string) => pre + ansi(color, "3", s),
    )
    .replace(/`([^`\n]+)`/g, (_m, s: string) => ansi(color, "33", s))
    .replace(/:([a-z][a-z0-9_+-]*):/g, (_m, name: string) => EMOJI[name] ?? UNKNOWN_EMOJI)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** An emoji shortcode the table below does not know (one a person typed): a plain symbol, never the code. */
const UNKNOWN_EMOJI = "◆";

// The emoji Vigie uses, so the terminal shows a symbol rather than a shortcode (a test checks every one
// written in src/ is here).
export const EMOJI: Record<string, string> = {
  no_bell: "🔕",
  bookmark_tabs: "📑",
  raised_hand: "✋",
  new: "🆕",
  leftwards_arrow_with_hook: "↩️",
  arrow_right_hook: "↪️",
  round_pushpin: "📍",
  zipper_mouth_face: "🤐",
  tada: "🎉",
  pencil: "📝",
  no_entry: "⛔",
  information_source: "ℹ️",
  inbox_tray: "📥",
  checkered_flag: "🏁",
  bulb: "💡",
  white_square: "⬜",
  white_circle: "⚪",
  large_green_circle: "🟢",
  large_orange_circle: "🟠",
  red_circle: "🔴",
  white_check_mark: "✅",
  twisted_rightwards_arrows: "🔀",
  double_vertical_bar: "⏸",
  package: "📦",
  envelope: "✉️",
  palm_tree: "🌴",
  jigsaw: "🧩",
  email: "📧",
  outbox_tray: "📤",
  electric_plug: "🔌",
  wastebasket: "🗑️",
  no_entry_sign: "🚫",
  warning: "⚠️",
  calendar: "📅",
  spiral_calendar_pad: "🗓",
  bell: "🔔",
  hourglass_flowing_sand: "⏳",
  grey_question: "❔",
  construction: "🚧",
  bar_chart: "📊",
  busts_in_silhouette: "👥",
  pushpin: "📌",
  memo: "📝",
  mag: "🔍",
  lock: "🔒",
  wave: "👋",
  heavy_check_mark: "✔",
  x: "❌",
  clipboard: "📋",
  date: "📅",
  alarm_clock: "⏰",
  point_right: "👉",
  speech_balloon: "💬",
  chart_with_upwards_trend: "📈",
  rotating_light: "🚨",
  link: "🔗",
  mega: "📣",
  bust_in_silhouette: "👤",
  eyes: "👀",
  star: "⭐",
  arrow_right: "➡",
  arrow_left: "⬅",
  page_facing_up: "📄",
  scroll: "📜",
  repeat: "🔁",
  zzz: "💤",
  hourglass: "⌛",
  large_yellow_circle: "🟡",
  large_blue_circle: "🔵",
  gear: "⚙️",
  pencil2: "✏️",
};

function textOf(t: unknown, o: RenderOptions): string {
  if (!t || typeof t !== "object" || !("text" in t) || typeof t.text !== "string") return "";
  return "type" in t && t.type === "mrkdwn"
    ? renderMrkdwn(t.text, o)
    : renderMrkdwn(t.text.replace(/\*/g, "\u2217"), o).replace(/\u2217/g, "*");
}

/** Block Kit as readable terminal text; buttons numbered so they can be pressed by number. */
export function renderBlocks(
  blocks: readonly KnownBlock[],
  o: RenderOptions = {},
): { text: string; buttons: ShownButton[] } {
  const color = o.color ?? false;
  const width = o.width ?? 78;
  const out: string[] = [];
  const buttons: ShownButton[] = [];
  let n = o.firstButton ?? 1;
  const button = (el: Record<string, unknown>, blockId?: string) => {
    const label = textOf(el.text, o);
    buttons.push({
      n,
      label,
      actionId: String(el.action_id ?? ""),
      blockId,
      value: typeof el.value === "string" ? el.value : undefined,
      url: typeof el.url === "string" ? el.url : undefined,
    });
    const style = el.style === "primary" ? "42;30" : el.style === "danger" ? "41;37" : "7";
    return ansi(color, style, ` ${n++} ${label} `);
  };
  for (const block of blocks) {
    const b = block as unknown as Record<string, unknown>;
    const blockId = typeof b.block_id === "string" ? b.block_id : undefined;
    switch (b.type) {
      case "header":
        out.push("", ansi(color, "1;4", textOf(b.text, o)));
        break;
      case "divider":
        out.push(ansi(color, "2", "─".repeat(Math.min(width, 60))));
        break;
      case "section": {
        if (b.text) out.push(textOf(b.text, o));
        if (Array.isArray(b.fields)) {
          const cells = b.fields.map((f) => textOf(f, o));
          // Two columns, as Slack shows fields; each cell may span several lines.
          for (let i = 0; i < cells.length; i += 2) {
            const left = (cells[i] ?? "").split("\n");
            const right = cells[i + 1]?.split("\n") ?? [];
            for (let l = 0; l < Math.max(left.length, right.length); l++) {
              const r = right[l];
              out.push(r === undefined ? (left[l] ?? "") : `${padVisible(left[l] ?? "", Math.floor(width / 2))}${r}`);
            }
          }
        }
        const acc = b.accessory as Record<string, unknown> | undefined;
        if (acc?.type === "button") out.push(`  ${button(acc, blockId)}`);
        break;
      }
      case "context":
        if (Array.isArray(b.elements))
          out.push(
            ansi(
              color,
              "2",
              b.elements
                .map((e) => textOf(e, o))
                .filter(Boolean)
                .join("  ·  "),
            ),
          );
        break;
      case "actions":
        if (Array.isArray(b.elements)) {
          const shown = (b.elements as Record<string, unknown>[])
            .filter((e) => e.type === "button")
            .map((e) => button(e, blockId));
          if (shown.length) out.push(shown.join(" "));
        }
        break;
      case "input":
        out.push(`${textOf(b.label, o)} : …`);
        break;
      case "rich_text":
        out.push(renderRichText(b.elements));
        break;
      case "image":
        out.push(`[image : ${String(b.alt_text ?? "")}]`);
        break;
      default:
        break;
    }
  }
  return { text: out.join("\n").replace(/^\n+/, ""), buttons };
}

function renderRichText(elements: unknown): string {
  if (!Array.isArray(elements)) return "";
  const flat = (v: unknown): string =>
    Array.isArray(v)
      ? v.map(flat).join("")
      : v && typeof v === "object"
        ? "text" in v && typeof v.text === "string"
          ? v.text
          : "elements" in v
            ? flat(v.elements)
            : ""
        : "";
  return elements.map(flat).join("\n");
}

// Pads by visible length: ANSI codes take no room on screen.
function padVisible(s: string, width: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the ANSI escape character is the purpose
  const visible = s.replace(/\x1b\[[0-9;]*m/g, "").length;
  return visible >= width ? `${s}  ` : s + " ".repeat(width - visible);
}
