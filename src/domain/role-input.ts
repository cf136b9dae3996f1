// `/csi role @user coordinateur|membre|lecteur`: reading the mention and the role word. Pure.
import { normalizeText } from "./text.js";
import type { Role } from "./types.js";

const ROLE_WORDS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ["coordinateur", "COORDINATOR"],
  ["coordinatrice", "COORDINATOR"],
  ["coordonnateur", "COORDINATOR"],
  ["coordonnatrice", "COORDINATOR"],
  ["coordinator", "COORDINATOR"],
  ["membre", "MEMBER"],
  ["member", "MEMBER"],
  ["lecteur", "READER"],
  ["lectrice", "READER"],
  ["reader", "READER"],
]);

export function parseRoleWord(word: string): Role | null {
  return ROLE_WORDS.get(normalizeText(word)) ?? null;
}

/** `<@U123|camille>`, `<@U123>` (as Slack sends mentions in command text) or a bare `U123`. */
export function parseUserMention(word: string): string | null {
  const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word.trim()) ?? /^([UW][A-Z0-9]{2,})$/.exec(word.trim());
  return m?.[1] ?? null;
}

type RoleCommand =
  | { ok: true; userId: string; role: Role }
  /** `typedName`: an `@name` left as typed (Slack escapes only the people it knows). */
  | { ok: false; problem: "no_user" | "no_role" | "usage"; typedName?: string };

export function parseRoleCommand(args: readonly string[]): RoleCommand {
  if (args.length === 0) return { ok: false, problem: "usage" };
  let userId: string | null = null;
  let role: Role | null = null;
  for (const a of args) {
    userId ??= parseUserMention(a);
    role ??= parseRoleWord(a);
  }
  if (!userId) {
    const typedName = args.find((a) => a.startsWith("@") && a.length > 1);
    return typedName ? { ok: false, problem: "no_user", typedName } : { ok: false, problem: "no_user" };
  }
  if (!role) return { ok: false, problem: "no_role" };
  return { ok: true, userId, role };
}
