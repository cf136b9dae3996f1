import { assignRole } from "../../../use-cases/assign-role.js";
import {
  coordinatorsOnly,
  lastCoordinator,
  roleAssigned,
  roleUnchanged,
  roleUsage,
} from "../../views/admin-messages.js";
import type { CommandHandler } from "../context.js";

/** `/csi role @personne coordinateur|membre|lecteur` (coordinators only; the last coordinator stays). */
export const roleCommand: CommandHandler = async ({ deps, userId, locale, args }) => {
  const result = await assignRole(deps, userId, args);
  switch (result.kind) {
    case "refused":
      return coordinatorsOnly(locale, result.coordinators);
    case "usage":
      return roleUsage(locale, result.problem);
    case "last_coordinator":
      return lastCoordinator(locale);
    case "unchanged":
      return roleUnchanged(locale, result.userId, result.role);
    case "assigned":
      return roleAssigned(locale, result.userId, result.role, result.before);
  }
};
