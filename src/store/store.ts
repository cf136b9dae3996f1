import type { PrismaClient } from "../generated/prisma/client.js";
import { createAuditRepo } from "./audit-repo.js";
import { createCommitmentsRepo } from "./commitments-repo.js";
import { createContractsRepo } from "./contracts-repo.js";
import { createFollowersRepo } from "./followers-repo.js";
import { createMeetingsRepo } from "./meetings-repo.js";
import { createRolesRepo } from "./roles-repo.js";
import { createUpdatesRepo } from "./updates-repo.js";

/** Every repository, over one Prisma client. Repositories return plain domain objects. */
export function createStore(prisma: PrismaClient) {
  return {
    contracts: createContractsRepo(prisma),
    commitments: createCommitmentsRepo(prisma),
    updates: createUpdatesRepo(prisma),
    meetings: createMeetingsRepo(prisma),
    roles: createRolesRepo(prisma),
    audit: createAuditRepo(prisma),
    followers: createFollowersRepo(prisma),
  };
}
export type Store = ReturnType<typeof createStore>;
