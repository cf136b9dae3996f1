// The « Pilotes » column of an imported spreadsheet: who owns the commitment, written as a Slack mention
// (`<@U0ABC>`, what `/csi export` writes after the name), a user id (`U0ABC123`) or an e-mail address
// (resolved by the caller with Slack's users.lookupByEmail). Pure: the caller resolves the addresses.

type OwnerToken = { id: string } | { email: string } | { unknown: string };
/** A name of the cell that is not an account: an address no account has, or neither a mention, an id nor an address. */
export type OwnerProblem = { email: string } | { unknown: string };

const MENTION = /<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>/;
/** A bare Slack user id: U or W, then capitals and digits with at least one digit (« URGENT » is a word). */
const USER_ID = /^@?([UW](?=[A-Z]*\d)[A-Z0-9]{4,})$/;
const EMAIL = /[^\s<>"',;()]+@[^\s<>"',;()]+\.[A-Za-z]{2,}/;

/** The people named in one cell, separated by commas, semicolons or line breaks. */
function readOwnersCell(cell: string): OwnerToken[] {
  return cell
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((item): OwnerToken => {
      const mention = MENTION.exec(item);
      if (mention?.[1]) return { id: mention[1] };
      const id = USER_ID.exec(item);
      if (id?.[1]) return { id: id[1] };
      const email = EMAIL.exec(item);
      if (email) return { email: email[0].toLowerCase() };
      return { unknown: item };
    });
}

/** Every e-mail address the cells name, once each, to resolve before checking the rows. */
export const ownerEmails = (cells: readonly string[]): string[] => [
  ...new Set(cells.flatMap((c) => readOwnersCell(c).flatMap((t) => ("email" in t ? [t.email] : [])))),
];

/**
 * The user ids of a cell, or what is wrong with it: a name Slack cannot tell apart, an address no account of
 * the workspace has. `emailIds`: address → user id (null: no such account).
 */
export function ownersOf(
  cell: string,
  emailIds: ReadonlyMap<string, string | null>,
): { ok: true; ids: string[] } | { ok: false; problems: OwnerProblem[] } {
  const ids: string[] = [];
  const problems: OwnerProblem[] = [];
  for (const token of readOwnersCell(cell)) {
    if ("id" in token) ids.push(token.id);
    else if ("email" in token) {
      const id = emailIds.get(token.email);
      if (id) ids.push(id);
      else problems.push({ email: token.email });
    } else problems.push({ unknown: token.unknown });
  }
  return problems.length ? { ok: false, problems } : { ok: true, ids: [...new Set(ids)] };
}
