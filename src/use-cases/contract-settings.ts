// `/csi contrat reglages`: a coordinator of the contract changes its digest day and hour, reminder hour, quiet
// hours, channels and time zone. Stored on the contract and audited; the scheduler reads them at its next pass.
import { contractSchedule } from "../domain/contract-schedule.js";
import {
  type ContractSettings,
  type SettingsField,
  type SettingsFormValues,
  validateSettingsForm,
} from "../domain/contract-settings.js";
import type { FieldProblems } from "../domain/problems.js";
import type { ClosedContract } from "../domain/renewal.js";
import type { Contract } from "../domain/types.js";
import { coordinatorGate, type UseCaseDeps } from "./coordinators.js";

type Refused = { kind: "refused"; coordinators: string[]; closed?: ClosedContract };

/** The values in force: the contract's own, else the configuration's (what the form shows first). */
export function settingsInForce(deps: Pick<UseCaseDeps, "config">, contract: Contract): ContractSettings {
  const { digestWeekday, digestTime, reminderHour, quietHours, timezone } = contractSchedule(
    deps.config.schedule,
    contract,
  );
  const channels = { channelId: contract.channelId ?? null, digestChannelId: contract.digestChannelId ?? null };
  return { digestWeekday, digestTime, reminderHour, quietHours, timezone, ...channels };
}

/** The form's first values, or why it is not opened (not a coordinator of the contract, or the contract is closed). */
export async function startSettings(
  deps: UseCaseDeps,
  userId: string,
  contract: Contract,
): Promise<Refused | { kind: "ready"; current: ContractSettings }> {
  const gate = await coordinatorGate(deps, userId, contract.id);
  if (!gate.allowed) return { kind: "refused", coordinators: gate.coordinators, closed: gate.closed };
  return { kind: "ready", current: settingsInForce(deps, contract) };
}

export type SaveSettingsResult =
  | Refused
  | { kind: "invalid"; errors: FieldProblems<SettingsField> }
  | { kind: "saved"; contract: Contract; settings: ContractSettings };

export async function saveSettings(
  deps: UseCaseDeps,
  req: { actorId: string; contractId: string; values: SettingsFormValues },
): Promise<SaveSettingsResult> {
  const contract = (await deps.store.contracts.list()).find((c) => c.id === req.contractId);
  // Another workspace's contract (a forged form) is not listed: refused like a contract one does not coordinate.
  if (!contract) return { kind: "refused", coordinators: [] };
  const gate = await coordinatorGate(deps, req.actorId, contract.id);
  if (!gate.allowed) return { kind: "refused", coordinators: gate.coordinators, closed: gate.closed };
  const checked = validateSettingsForm(req.values);
  if (!checked.ok) return { kind: "invalid", errors: checked.errors };
  await deps.store.contractAdmin.updateSettings(contract.id, checked.value, req.actorId, deps.now());
  return { kind: "saved", contract, settings: checked.value };
}
