// Text an author could type to make Vigie ping a whole channel, impersonate someone or mislead with a
// link label, and the check that none of it comes out live in what Vigie sends to Slack.

/** Every kind of Slack markup that would come out live if relayed unescaped. */
export const HOSTILE =
  "Bilan <!channel> <!here> <!everyone> <@UEVIL0001> <@WEVIL0002|boss> <#CEVIL0003|general> <!subteam^SEVIL0004> " +
  "<https://evil.example/x|Justificatif officiel> <mailto:evil@example.org|DPO> &lt;!channel&gt; & fin";

/** A link whose label the author chose, in one piece (no space), as a URL field accepts it. */
export const HOSTILE_URL = "https://evil.example/x|Justificatif_officiel";

export interface Trusted {
  /** User ids Slack gave (owners, authors, coordinators): Vigie may mention these. */
  users: readonly string[];
  /** Channel ids chosen in a channel picker. */
  channels?: readonly string[];
}

/** Every `<…>` sequence Slack would turn into something live that Vigie did not put there itself. */
export function liveMarkup(text: string, trusted: Trusted): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/<([^<>]*)>/g)) {
    const inner = m[1] ?? "";
    if (inner.startsWith("@") && trusted.users.includes(inner.slice(1))) continue;
    if (inner.startsWith("#") && (trusted.channels ?? []).includes(inner.slice(1))) continue;
    // A link shown as the URL itself (no label); the hostile one with its `|` kept inside the address.
    if (/^https?:\/\/[^|\s]+$/.test(inner)) continue;
    found.push(m[0]);
  }
  return found;
}

/** Text Slack reads as mrkdwn: mrkdwn text objects, a message's fallback `text` (beside its blocks), a bare string. */
export function mrkdwnTexts(v: unknown, top = true): string[] {
  if (typeof v === "string") return top ? [v] : [];
  if (Array.isArray(v)) return v.flatMap((x) => mrkdwnTexts(x, top));
  if (!v || typeof v !== "object") return [];
  const o = v as Record<string, unknown>;
  const out: string[] = [];
  if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
  if (top && typeof o.text === "string" && Array.isArray(o.blocks)) out.push(o.text);
  for (const [k, x] of Object.entries(o)) {
    if (k === "text" && typeof x === "string") continue;
    if (k === "value" || k === "private_metadata" || k === "initial_value") continue;
    out.push(...mrkdwnTexts(x, false));
  }
  return out;
}
