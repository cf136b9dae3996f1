import type { Role } from "../domain/types.js";
import type { Store } from "../store/store.js";

type RoleStore = Pick<Store, "roles" | "contracts">;

/** The contract a role is read in: the one named, else the workspace's first (default) contract. */
async function contractIdOf(store: RoleStore, contractId?: string | null): Promise<string | null> {
  return contractId ?? (await store.contracts.findDefault())?.id ?? null;
}

/**
 * A person's role in a contract, or null when they have none there: the one place Vigie reads a role (a command,
 * a button, a job). Roles are per contract; without a contract named, the default one's.
 */
export async function roleOf(store: RoleStore, userId: string, contractId?: string | null): Promise<Role | null> {
  const id = await contractIdOf(store, contractId);
  return id ? ((await store.roles.find(userId, id))?.role ?? null) : null;
}

/** The coordinators of a contract (the default one when none is named), oldest first: whom a refusal names. */
export async function coordinatorsOf(store: RoleStore, contractId?: string | null): Promise<string[]> {
  const id = await contractIdOf(store, contractId);
  return id ? store.roles.listByRole("COORDINATOR", id) : [];
}
