import type { Role } from "../domain/types.js";
import type { Store } from "../store/store.js";

/** A person's role, or null when they have none: the one place Vigie reads a role (a command, a button, a job). */
export async function roleOf(store: Pick<Store, "roles">, userId: string): Promise<Role | null> {
  return (await store.roles.find(userId))?.role ?? null;
}
