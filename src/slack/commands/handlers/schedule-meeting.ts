import { normalizeText } from "../../../domain/text.js";
import { changeMeeting } from "../../../use-cases/change-meeting.js";
import { openMeetingModal } from "../../coordinator-modals.js";
import {
  meetingAmbiguous,
  meetingCancelled,
  meetingChangeInvalid,
  meetingMoved,
  meetingNotFound,
} from "../../views/meeting-change-messages.js";
import type { CommandHandler } from "../context.js";
import { contractOrReply } from "../read-helpers.js";

const ACTIONS: Record<string, "move" | "cancel"> = {
  deplacer: "move",
  reporter: "move",
  move: "move",
  annuler: "cancel",
  cancel: "cancel",
};

/**
 * `/csi reunion` (coordinators): opens the modal to schedule a GLTD, COPIL or CLSPD; `/csi reunion deplacer …`
 * and `/csi reunion annuler …` move or cancel one (e-mail recipients get the update or the cancellation).
 */
export const scheduleMeetingCommand: CommandHandler = async (ctx) => {
  const { deps, client, triggerId, userId, locale, contract } = ctx;
  const action = ACTIONS[normalizeText(ctx.args[0] ?? "")];
  if (!action) return openMeetingModal({ deps, client, triggerId, userId, locale, contract });
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const typed = `/csi ${ctx.nav?.text ?? `reunion ${ctx.rest}`}`;
  const tz = found.contract.timezone;
  const r = await changeMeeting(deps, userId, found.contract, action, ctx.args.slice(1));
  switch (r.kind) {
    case "invalid":
      return meetingChangeInvalid(r.problem, typed, locale);
    case "not_found":
      return meetingNotFound(r.on, typed, locale);
    case "ambiguous":
      return meetingAmbiguous(r.meetings, tz, typed, locale);
    case "moved":
      return meetingMoved(r.before, r.after, r.recipients, tz, locale);
    case "cancelled":
      return meetingCancelled(r.meeting, r.recipients, tz, locale);
  }
};
