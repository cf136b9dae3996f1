import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { createAbsencesRepo } from "./absences-repo.js";
import { createAuditRepo } from "./audit-repo.js";
import { createCommitmentAdminRepo } from "./commitment-admin-repo.js";
import { createCommitmentsRepo } from "./commitments-repo.js";
import { createContractAdminRepo } from "./contract-admin-repo.js";
import { createContractsRepo } from "./contracts-repo.js";
import { createDashboardQueries } from "./dashboard-queries.js";
import { createDeliveriesRepo } from "./deliveries-repo.js";
import { createDigestQueries } from "./digest-queries.js";
import { createFollowersRepo } from "./followers-repo.js";
import { createImportRepo } from "./import-repo.js";
import { createInstallationsRepo } from "./installations-repo.js";
import type { Clock } from "./kept-reads.js";
import { createMailRecipientsRepo } from "./mail-recipients-repo.js";
import { createMeetingsRepo } from "./meetings-repo.js";
import { createMilestonesRepo } from "./milestones-repo.js";
import { createRenewalRepo } from "./renewal-repo.js";
import { createReportQueries } from "./report-queries.js";
import { createRequestsRepo } from "./requests-repo.js";
import { createRetentionRepo } from "./retention-repo.js";
import { createRoleAdminRepo } from "./role-admin-repo.js";
import { createRolesRepo } from "./roles-repo.js";
import { createScheduleRepo } from "./schedule-repo.js";
import { createSnoozesRepo } from "./snoozes-repo.js";
import { createTokenCipher } from "./token-cipher.js";
import { createUpdatesRepo } from "./updates-repo.js";

/**
 * Every repository, over one Prisma client. Repositories return plain domain objects. `tokenKey` (OAuth mode)
 * seals the workspaces' tokens at rest. `keepReadsForMs` and `clock`: how long the installations and a workspace's
 * contracts are kept (kept-reads.ts; 0 keeps nothing), measured on that clock.
 */
export function createStore(
  prisma: PrismaClient,
  options: { tokenKey?: Buffer; keepReadsForMs?: number; clock?: Clock } = {},
) {
  const keep = {
    ...(options.keepReadsForMs !== undefined ? { keepForMs: options.keepReadsForMs } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  const contracts = createContractsRepo(prisma, keep);
  const roles = createRolesRepo(prisma, keep);
  // A contract written (created, its settings, its renewal) changes what the contracts repository keeps, and gives
  // roles (its first coordinator, the roles carried over): both are read again.
  const changed = () => {
    contracts.forget();
    roles.forget();
  };
  return {
    installations: createInstallationsRepo(prisma, options.tokenKey ? createTokenCipher(options.tokenKey) : null, keep),
    contracts,
    contractAdmin: createContractAdminRepo(prisma, changed),
    renewal: createRenewalRepo(prisma, changed),
    commitments: createCommitmentsRepo(prisma),
    updates: createUpdatesRepo(prisma),
    meetings: createMeetingsRepo(prisma),
    milestones: createMilestonesRepo(prisma),
    roles,
    audit: createAuditRepo(prisma),
    commitmentAdmin: createCommitmentAdminRepo(prisma),
    imports: createImportRepo(prisma),
    roleAdmin: createRoleAdminRepo(prisma, () => roles.forget()),
    followers: createFollowersRepo(prisma),
    requests: createRequestsRepo(prisma),
    deliveries: createDeliveriesRepo(prisma),
    snoozes: createSnoozesRepo(prisma),
    schedule: createScheduleRepo(prisma),
    dashboard: createDashboardQueries(prisma),
    digest: createDigestQueries(prisma),
    report: createReportQueries(prisma),
    retention: createRetentionRepo(prisma),
    mailRecipients: createMailRecipientsRepo(prisma),
    absences: createAbsencesRepo(prisma),
  };
}
export type Store = ReturnType<typeof createStore>;
