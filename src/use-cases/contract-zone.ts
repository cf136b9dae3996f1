import type { UseCaseDeps } from "./coordinators.js";

/**
 * The time zone of a contract: every date computed for it (today, a meeting's hour, a decision's day) is read in it.
 * The configured zone (CSI_TIMEZONE) is only what a new contract starts with, and the answer for a contract that is
 * no longer there.
 */
export async function zoneOfContract(
  deps: Pick<UseCaseDeps, "store" | "config">,
  contractId: string | null | undefined,
): Promise<string> {
  const contract = contractId ? (await deps.store.contracts.list()).find((c) => c.id === contractId) : undefined;
  return contract?.timezone ?? deps.config.schedule.timezone;
}
