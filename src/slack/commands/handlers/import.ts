import { openImportModal } from "../../coordinator-modals.js";
import type { CommandHandler } from "../context.js";

/** `/csi import` (coordinators): opens the modal where spreadsheet lines are pasted, one commitment per line. */
export const importCommitmentsCommand: CommandHandler = async ({ deps, client, triggerId, userId, locale, contract }) =>
  openImportModal({ deps, client, triggerId, userId, locale, contract });
