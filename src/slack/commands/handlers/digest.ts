import { canManage } from "../../../domain/permissions.js";
import { buildDigest } from "../../../use-cases/build-digest.js";
import { digestMessage } from "../../views/digest-blocks.js";
import { tr } from "../../views/locale.js";
import { textReply } from "../../views/reply.js";
import type { CommandHandler } from "../context.js";

/** `/csi digest`: a coordinator sees the next weekly digest now, as it would go out (nothing is marked as reported). */
export const showDigest: CommandHandler = async ({ deps, role, locale }) => {
  if (!canManage(role)) {
    const text = tr(
      locale,
      ":lock: Le digest hebdomadaire est réservé aux coordonnateurs. Pour l'état des engagements, essayez `/csi etat` ou `/csi retards`.",
      ":lock: The weekly digest is for coordinators. For the state of the commitments, try `/csi status` or `/csi overdue`.",
    );
    return textReply(text);
  }
  const { digest, contractTitle } = await buildDigest(deps, deps.now());
  return digestMessage(digest, { timezone: deps.config.schedule.timezone, locale, contractTitle, preview: true });
};
