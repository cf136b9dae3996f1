import { openCommitmentModal } from "../../coordinator-modals.js";
import type { CommandHandler } from "../context.js";

/** `/csi nouveau [PARTIE]` (coordinators): opens the create-commitment modal, the party preselected if given. */
export const newCommitment: CommandHandler = async ({ deps, client, triggerId, userId, locale, args, contract }) =>
  openCommitmentModal({ deps, client, triggerId, userId, locale, contract, ...(args[0] ? { party: args[0] } : {}) });
