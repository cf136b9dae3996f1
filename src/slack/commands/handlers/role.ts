import type { Role } from "../../../domain/types.js";
import { assignRole } from "../../../use-cases/assign-role.js";
import { appLocaleOf, userLocaleOf } from "../../user-locale.js";
import {
  coordinatorsOnly,
  lastCoordinator,
  roleAssigned,
  roleGranted,
  roleUnchanged,
  roleUsage,
} from "../../views/admin-messages.js";
import type { CommandContext, CommandHandler } from "../context.js";

/** `/csi role @personne coordonnateur|membre|lecteur` (coordinators only; the last coordinator stays). */
export const roleCommand: CommandHandler = async (ctx) => {
  const { deps, userId, locale, args } = ctx;
  const result = await assignRole(deps, userId, args, ctx.contract?.id ?? null);
  switch (result.kind) {
    case "refused":
      return coordinatorsOnly(locale, result.coordinators, result.closed);
    case "usage":
      return roleUsage(locale, result.problem, result.typedName);
    case "last_coordinator":
      return lastCoordinator(locale);
    case "unchanged":
      return roleUnchanged(locale, result.userId, result.role);
    case "assigned":
      if (result.userId !== userId) await tellThePerson(ctx, result.userId, result.role);
      return roleAssigned(locale, result.userId, result.role, result.before);
  }
};

/** The person given a role learns it by direct message, in their language; a failure is only logged. */
async function tellThePerson({ deps, client, userId }: CommandContext, personId: string, role: Role): Promise<void> {
  try {
    const notice = roleGranted(appLocaleOf(await userLocaleOf(deps, client, personId)), userId, role);
    await client.chat.postMessage({ channel: personId, text: notice.text, blocks: notice.blocks });
  } catch (error) {
    deps.log.warn("role.notify_failed", {
      userId: personId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
