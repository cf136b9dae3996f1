import { refusalOf } from "../../domain/permissions.js";
import { findRef, normalizeRef } from "../../domain/refs.js";
import { closest } from "../../domain/text.js";
import type { Locale } from "../../domain/types.js";
import { contractOfRequest } from "../../use-cases/contract-of.js";
import { closedContract } from "../../use-cases/renew-contract.js";
import { coordinatorsOf, roleOf } from "../../use-cases/role-of.js";
import { appLocaleOf } from "../user-locale.js";
import { helpReply } from "../views/help-blocks.js";
import type { Nav } from "../views/pagination.js";
import { unknownCommandNotice } from "../views/read-replies.js";
import { refusalReply } from "../views/refusal-blocks.js";
import { contractClosedReply } from "../views/renewal-blocks.js";
import type { Reply } from "../views/reply.js";
import type { CommandContext } from "./context.js";
import { parseCommandText, SUBCOMMAND_WORDS } from "./parse.js";
import { CHANGES_CONTRACT, PERMISSIONS } from "./permissions.js";
import { HANDLERS } from "./router.js";

type CommandRequest = Omit<CommandContext, "args" | "rest" | "locale" | "nav" | "role" | "contract"> & {
  text: string;
  /** The caller's Slack locale when known (fr-FR, en-US…). */
  userLocale?: string;
  /** Asks Slack for the caller's locale, only when the words typed do not choose the language. */
  resolveUserLocale?: () => Promise<string | undefined>;
  /** 0-based page (pagination buttons). */
  page?: number;
  /** The answer is being shared in the channel: no per-user buttons. */
  shared?: boolean;
  /** The language of the answer a button belongs to. */
  locale?: Locale;
};

async function localeOf(req: CommandRequest, chosen: Locale | null): Promise<Locale> {
  if (req.locale) return req.locale;
  if (chosen) return chosen;
  return appLocaleOf(req.userLocale ?? (await req.resolveUserLocale?.().catch(() => undefined)));
}

const cleanWord = (s: string, max: number): string => s.slice(0, max).replace(/[`*_~<>&|]/g, "");

/** « Vouliez-vous dire » for a first word Vigie does not know: a near sub-command, or a ref typed alone. */
async function suggestionsFor(req: CommandRequest, word: string, rest: string): Promise<string[]> {
  const out: string[] = [];
  if (normalizeRef(word)) {
    const contract = await req.deps.store.contracts.findDefault();
    const refs = contract ? await req.deps.store.commitments.listRefs(contract.id) : [];
    const match = findRef(word, refs);
    if (match.exact) out.push(`voir ${match.exact}`);
  }
  const tail = rest ? ` ${cleanWord(rest, 60)}` : "";
  for (const w of closest(word, SUBCOMMAND_WORDS, (x) => x, { max: 2 })) out.push(`${w}${tail}`);
  return out;
}

/** Reads the command text and answers it; never throws for anything a user can type. */
export async function answerCsiCommand(req: CommandRequest): Promise<Reply | null> {
  const parsed = parseCommandText(req.text);
  if (parsed.kind === "empty") return helpReply(await localeOf(req, null));
  if (parsed.kind === "unknown") {
    const locale = await localeOf(req, null);
    const word = cleanWord(parsed.word, 40);
    return helpReply(locale, {
      notice: unknownCommandNotice(word, locale),
      suggestions: await suggestionsFor(req, parsed.word, parsed.rest),
    });
  }
  const locale = await localeOf(req, parsed.locale);
  // Roles are per contract: the contract first (its channel, the person's choice, their only one), then the role in it.
  const found = await contractOfRequest(req.deps.store, { userId: req.userId, channelId: req.channelId });
  const contract = found.kind === "found" ? found.contract : null;
  const role = await roleOf(req.deps.store, req.userId, contract?.id ?? null);
  const refusal = refusalOf(PERMISSIONS[parsed.name], role, req.deps.config.readAccess);
  if (refusal) return refusalReply(refusal, locale, await coordinatorsOf(req.deps.store, contract?.id));
  // A contract closed by its renewal takes no change: said at once, naming the contract that follows.
  const closed =
    contract?.closedAt && CHANGES_CONTRACT.has(parsed.name) ? await closedContract(req.deps, contract.id) : null;
  if (closed) return contractClosedReply(closed, locale);
  const handler = HANDLERS[parsed.name];
  const nav: Nav = { text: parsed.text, locale, page: req.page ?? 0, shared: req.shared ?? false };
  const { text: _text, userLocale: _ul, resolveUserLocale: _rl, page: _p, shared: _s, locale: _l, ...base } = req;
  const choices = found.kind === "choose" ? { choices: found.contracts } : {};
  return handler({ ...base, role, contract, ...choices, args: parsed.args, rest: parsed.rest, locale, nav });
}
