// Who may act on a commitment, named to someone refused: its owners and the coordinators. Pure.
import type { Commitment, Locale } from "../../domain/types.js";
import { mentions } from "./commitment-text.js";
import { tr } from "./locale.js";

/** « Ses pilotes : @a, @b. » and « La coordination : @c. », each null when there is no one to name. */
export function whoMayAct(
  c: Pick<Commitment, "owners">,
  coordinators: readonly string[],
  locale: Locale,
): { owners: string | null; coordinators: string | null } {
  return {
    owners: c.owners.length
      ? tr(locale, `Ses pilotes : ${mentions(c.owners, locale)}.`, `Its owners: ${mentions(c.owners, locale)}.`)
      : null,
    coordinators: coordinators.length
      ? tr(
          locale,
          `La coordination : ${mentions(coordinators, locale)}.`,
          `The coordinators: ${mentions(coordinators, locale)}.`,
        )
      : null,
  };
}
