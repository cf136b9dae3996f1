import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../../app/deps.js";
import type { Contract, Locale, Role } from "../../domain/types.js";
import type { Nav } from "../views/pagination.js";
import type { Reply } from "../views/reply.js";

/** Everything a sub-command handler knows about the request. */
export interface CommandContext {
  deps: AppDeps;
  client: WebClient;
  userId: string;
  /** The workspace the request comes from (team_id), when known. */
  teamId?: string | null;
  /** Its Enterprise Grid organisation (enterprise_id), when it has one. */
  enterpriseId?: string | null;
  channelId: string;
  triggerId: string;
  /** Words after the sub-command, and the same text unsplit. */
  args: string[];
  rest: string;
  locale: Locale;
  /** The caller's role in `contract` (roles are per contract). */
  role: Role | null;
  /**
   * The contract the command is about (contract-of.ts): its channel's, the person's choice, their only one;
   * null when none is loaded, or when several could be meant (`choices` then lists them: Vigie asks).
   */
  contract: Contract | null;
  choices?: Contract[];
  /**
   * The command text, page and whether the answer is being shared in the channel: what read answers need
   * for their pagination and « Partager » buttons. Absent when a handler is called directly.
   */
  nav?: Nav;
}

/** Returns the reply to post, or null when the handler answered otherwise (e.g. opened a modal). */
export type CommandHandler = (ctx: CommandContext) => Promise<Reply | null>;
