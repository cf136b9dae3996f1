// Navigation shared by every /csi answer: pages, and the button that shares an answer with the channel.
// A button's value carries the command text (not the blocks: Slack caps a value at 2,000 characters),
// so a listener can rebuild the same answer, on another page or for the channel.
import type { Button, KnownBlock } from "@slack/types";
import { z } from "zod";
import type { Locale } from "../../domain/types.js";
import { ACTIONS } from "../ids.js";
import { actions, button, context, esc, LIMITS, mention } from "./blocks.js";
import { tr } from "./locale.js";

/** How an answer is being shown: to its author (ephemeral, with buttons) or shared in the channel. */
export interface Nav {
  /** The command text after `/csi`, e.g. `liste ville en-retard`. */
  text: string;
  locale: Locale;
  /** 0-based page. */
  page: number;
  shared: boolean;
}

export const ephemeralNav = (text: string, locale: Locale, page = 0): Nav => ({ text, locale, page, shared: false });

const navValueSchema = z.object({
  t: z.string().max(LIMITS.buttonValue),
  p: z.number().int().min(0).max(100_000).default(0),
  l: z.enum(["fr", "en"]),
  /** The commitment a button acts on (follow/unfollow), when there is one. */
  id: z.string().max(64).optional(),
});
export type NavValue = z.infer<typeof navValueSchema>;

/** JSON that fits in a button value whatever the command text (a very long text is cut). */
export function encodeNavValue(text: string, locale: Locale, page = 0, id?: string): string {
  let t = text;
  const make = () => JSON.stringify(id ? { t, p: page, l: locale, id } : { t, p: page, l: locale });
  let out = make();
  while (out.length > LIMITS.buttonValue) {
    t = t.slice(0, Math.max(0, t.length - (out.length - LIMITS.buttonValue) - 1));
    out = make();
  }
  return out;
}

/** The value of a button built by encodeNavValue, or null for anything else (forged, truncated). */
export function decodeNavValue(raw: unknown): NavValue | null {
  if (typeof raw !== "string") return null;
  try {
    const parsed = navValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface Page<T> {
  items: T[];
  /** 0-based, clamped to the pages that exist. */
  page: number;
  pages: number;
  total: number;
  /** Index of the first item of this page in the whole list. */
  start: number;
}

export function paginate<T>(all: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = Math.min(Math.max(0, Number.isFinite(page) ? Math.floor(page) : 0), pages - 1);
  return { items: all.slice(p * size, p * size + size), page: p, pages, total: all.length, start: p * size };
}

/** Under an answer shared in the channel: who shared it, from which command (as typed, never live). */
export function sharedByContext(userId: string, commandText: string, locale: Locale): KnownBlock {
  const typed = esc(commandText.slice(0, 200).replace(/`/g, ""));
  return context(
    tr(
      locale,
      `:mega: Partagé par ${mention(userId)} depuis \`/csi ${typed}\``,
      `:mega: Shared by ${mention(userId)} from \`/csi ${typed}\``,
    ),
  );
}

export const shareButton = (nav: Nav): Button =>
  button(
    ACTIONS.share,
    tr(nav.locale, ":mega: Partager", ":mega: Share"),
    encodeNavValue(nav.text, nav.locale, nav.page),
  );

/**
 * The closing blocks of an answer: « page 2 sur 5 », previous/next and share buttons. Shared answers
 * (already in the channel) get the page line only. At most 2 blocks.
 */
export function footerBlocks(
  nav: Nav,
  page?: Pick<Page<unknown>, "page" | "pages">,
  extra: Button[] = [],
): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const many = page !== undefined && page.pages > 1;
  if (many)
    blocks.push(
      context(tr(nav.locale, `Page ${page.page + 1} sur ${page.pages}`, `Page ${page.page + 1} of ${page.pages}`)),
    );
  if (nav.shared) return blocks;
  const buttons: Button[] = [...extra];
  if (many && page.page > 0) {
    buttons.push(
      button(
        ACTIONS.pagePrev,
        tr(nav.locale, "◀ Précédents", "◀ Previous"),
        encodeNavValue(nav.text, nav.locale, page.page - 1),
      ),
    );
  }
  if (many && page.page < page.pages - 1) {
    buttons.push(
      button(
        ACTIONS.pageNext,
        tr(nav.locale, "Suivants ▶", "Next ▶"),
        encodeNavValue(nav.text, nav.locale, page.page + 1),
      ),
    );
  }
  buttons.push(shareButton({ ...nav, page: page?.page ?? nav.page }));
  blocks.push(actions(buttons));
  return blocks;
}
