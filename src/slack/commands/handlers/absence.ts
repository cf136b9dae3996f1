import { runAbsenceCommand } from "../../../use-cases/absence.js";
import { tellStandIn } from "../../tell-stand-in.js";
import { absenceReply } from "../../views/absence-messages.js";
import type { CommandHandler } from "../context.js";

/** `/csi absence [DÉBUT FIN [@remplaçant] | fin]`: one's own absence; a stand-in named is told by direct message. */
export const absenceCommand: CommandHandler = async ({ deps, client, userId, locale, args }) => {
  const outcome = await runAbsenceCommand(deps, userId, args);
  if (outcome.kind === "declared") await tellStandIn(deps, client, outcome.absence);
  return absenceReply(outcome, locale);
};
