// Small Block Kit constructors that respect Slack's limits by construction: whatever the data, a text
// is cut (with "…") before Slack would refuse the whole message.
import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from "@slack/types";
import { truncate } from "../../domain/text.js";

export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  fields: 10,
  fieldText: 2000,
  actionsElements: 25,
  contextElements: 10,
} as const;

/** Escapes what Slack would read as markup: `<!channel>`, `<@U…>`, `&…;` typed by a user stay plain text. */
export const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** User text cut to `max` then escaped (cut first, so an entity is never split). */
export const plain = (s: string, max: number): string => esc(truncate(s, max));

/**
 * A URL someone typed, shown as the URL itself: never with a label (Slack would show the author's words,
 * « Justificatif officiel », instead of where the link goes), a `|` kept inside the address. Anything that
 * is not one plain http(s) address, or too long for a message, is shown as escaped text.
 */
export function link(url: string, max = 500): string {
  const u = url.trim();
  if (u.length > max || !/^https?:\/\/[^\s<>]+$/i.test(u)) return plain(u, max);
  return `<${esc(u).replace(/\|/g, "%7C")}>`;
}

/**
 * A Slack user id Vigie got from Slack (owner, author, coordinator), as a mention. Anything that does not
 * look like a user id (a stored value gone wrong, text typed in an import) is shown as text, never live;
 * Vigie's own actors (`system:seed`, `system:env`…) are « Vigie ».
 */
export const mention = (id: string): string =>
  /^[UW][A-Z0-9]+$/i.test(id) ? `<@${id}>` : id.startsWith("system:") ? "Vigie" : esc(id);

/** A channel id chosen in a channel picker, as a channel link (no label); anything else as text. */
export const channelLink = (id: string): string => (/^[CGD][A-Z0-9]+$/i.test(id) ? `<#${id}>` : esc(id));

export const header = (text: string): HeaderBlock => ({
  type: "header",
  text: { type: "plain_text", text: truncate(text.trim() || "—", LIMITS.headerText), emoji: true },
});

export const section = (text: string, accessory?: Button): SectionBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: truncate(text || " ", LIMITS.sectionText) },
  ...(accessory ? { accessory } : {}),
});

export const fieldsSection = (fields: string[]): SectionBlock => ({
  type: "section",
  fields: fields
    .slice(0, LIMITS.fields)
    .map((f) => ({ type: "mrkdwn" as const, text: truncate(f || " ", LIMITS.fieldText) })),
});

export const context = (...texts: string[]): ContextBlock => ({
  type: "context",
  elements: texts
    .slice(0, LIMITS.contextElements)
    .map((t) => ({ type: "mrkdwn" as const, text: truncate(t || " ", LIMITS.sectionText) })),
});

export const button = (actionId: string, text: string, value: string, style?: "primary" | "danger"): Button => ({
  type: "button",
  action_id: actionId,
  text: { type: "plain_text", text: truncate(text, LIMITS.buttonText), emoji: true },
  // A value that would not fit is a bug in the caller: cut rather than have Slack refuse the message.
  value: value.slice(0, LIMITS.buttonValue),
  ...(style ? { style } : {}),
});

export const actions = (elements: Button[]): ActionsBlock => ({
  type: "actions",
  elements: elements.slice(0, LIMITS.actionsElements),
});

export const divider = (): KnownBlock => ({ type: "divider" });

/** « Statut : » in French (space before the colon), "Status: " in English. */
export const colon = (locale: "fr" | "en"): string => (locale === "fr" ? " : " : ": ");
