// « Suivre » / « Ne plus suivre » a commitment: anyone who may read the contract, for themselves only.
import type { AppDeps } from "../app/deps.js";
import { canRead } from "../domain/permissions.js";
import { coordinatorsOf, roleOf } from "./role-of.js";

interface FollowInput {
  userId: string;
  commitmentId: string;
  follow: boolean;
}

type FollowOutcome =
  /** `changed` is false when the person already followed (or did not follow) it: nothing was written. */
  | { kind: "done"; ref: string; changed: boolean }
  /** Reading is limited to committee members and coordinators (CSI_READ_ACCESS=members): whom to ask. */
  | { kind: "refused"; refusal: "read-access"; coordinators: string[] }
  | { kind: "missing" };

export async function setFollowing(
  deps: Pick<AppDeps, "store" | "config">,
  input: FollowInput,
): Promise<FollowOutcome> {
  const commitment = await deps.store.commitments.findById(input.commitmentId).catch(() => null);
  if (!commitment) return { kind: "missing" };
  const role = await roleOf(deps.store, input.userId, commitment.contractId);
  if (!canRead(role, deps.config.readAccess))
    return {
      kind: "refused",
      refusal: "read-access",
      coordinators: await coordinatorsOf(deps.store, commitment.contractId),
    };
  const changed = input.follow
    ? await deps.store.followers.follow(commitment.id, input.userId)
    : await deps.store.followers.unfollow(commitment.id, input.userId);
  return { kind: "done", ref: commitment.ref, changed };
}
