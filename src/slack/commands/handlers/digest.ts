import { buildDigest } from "../../../use-cases/build-digest.js";
import { digestMessage } from "../../views/digest-blocks.js";
import type { CommandHandler } from "../context.js";

/**
 * `/csi digest`: a coordinator (permissions.ts) sees the next weekly digest now, as it would go out (nothing is
 * marked as reported).
 */
export const showDigest: CommandHandler = async ({ deps, locale }) => {
  const { digest, contractTitle } = await buildDigest(deps, deps.now());
  return digestMessage(digest, { timezone: deps.config.schedule.timezone, locale, contractTitle, preview: true });
};
