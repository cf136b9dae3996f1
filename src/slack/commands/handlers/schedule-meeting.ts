import { openMeetingModal } from "../../coordinator-modals.js";
import type { CommandHandler } from "../context.js";

/** `/csi reunion` (coordinators): opens the modal to schedule a GLTD, COPIL or CLSPD. */
export const scheduleMeetingCommand: CommandHandler = async ({ deps, client, triggerId, userId, locale, contract }) =>
  openMeetingModal({ deps, client, triggerId, userId, locale, contract });
