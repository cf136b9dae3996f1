import { contractDigest } from "../../../use-cases/build-digest.js";
import { digestMessage } from "../../views/digest-blocks.js";
import type { CommandHandler } from "../context.js";

/**
 * `/csi digest`: a coordinator (permissions.ts) sees the next weekly digest now, as it would go out (nothing is
 * marked as reported).
 */
export const showDigest: CommandHandler = async ({ deps, locale, contract }) => {
  // The digest of the contract the command is about (its channel's, the person's choice…), in its zone.
  const built = await contractDigest(deps, contract ?? (await deps.store.contracts.findDefault()));
  if (!built) return null;
  const { digest, contractTitle, timezone } = built;
  return digestMessage(digest, { timezone, locale, contractTitle, preview: true });
};
