// `/csi journal [REF|role|reunions|imports] [page N]`: which part of the audit trail a coordinator asks for,
// read from the words typed. Pure: the store selects, the view words each entry.
import { normalizeRef } from "./refs.js";
import type { AuditEntry } from "./types.js";

export type JournalFilter =
  | { kind: "all" }
  | { kind: "commitment"; ref: string }
  | { kind: "roles" }
  | { kind: "meetings" }
  | { kind: "imports" };

interface JournalArgs {
  filter: JournalFilter;
  /** 0-based page when `page N` was typed, else null (the button's page then counts). */
  page: number | null;
  /** Words understood as nothing: echoed back, never silently dropped. */
  unknown: string[];
}

/** An audit entry as the journal lists it: with the ref of the commitment it concerns, when it does. */
export type JournalEntry = AuditEntry & { ref: string | null };

/** Entries per page of the journal. */
export const JOURNAL_PAGE_SIZE = 20;

type WordFilter = Exclude<JournalFilter, { kind: "commitment" }>;
const ROLES: WordFilter = { kind: "roles" };
const MEETINGS: WordFilter = { kind: "meetings" };
const IMPORTS: WordFilter = { kind: "imports" };
const ALL: WordFilter = { kind: "all" };
const WORDS: Record<string, WordFilter> = {
  role: ROLES,
  roles: ROLES,
  rôle: ROLES,
  rôles: ROLES,
  reunion: MEETINGS,
  reunions: MEETINGS,
  réunion: MEETINGS,
  réunions: MEETINGS,
  meeting: MEETINGS,
  meetings: MEETINGS,
  import: IMPORTS,
  imports: IMPORTS,
  tout: ALL,
  all: ALL,
};

export function parseJournalArgs(args: readonly string[]): JournalArgs {
  const out: JournalArgs = { filter: { kind: "all" }, page: null, unknown: [] };
  const words = args.filter(Boolean).slice(0, 20);
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] ?? "").toLowerCase();
    const next = words[i + 1];
    if (word === "page" && next !== undefined && /^\d{1,5}$/.test(next)) {
      out.page = Math.max(0, Number(next) - 1);
      i++;
      continue;
    }
    const filter = WORDS[word];
    if (filter) {
      out.filter = filter;
      continue;
    }
    const ref = normalizeRef(words[i] ?? "");
    if (ref) {
      out.filter = { kind: "commitment", ref };
      continue;
    }
    out.unknown.push(words[i] ?? "");
  }
  return out;
}
