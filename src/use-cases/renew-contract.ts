// `/csi contrat renouveler`: a coordinator of an ending contract makes the next one. The unfinished commitments they
// pick carry over (new refs, a link to the old sheet, owners and indicators kept); the ending contract is closed:
// read-only from then on, its digest and reminders stop. Its final report is then sent to the coordinator.
import { type ContractField, validateContractForm } from "../domain/contract-input.js";
import { canManage } from "../domain/permissions.js";
import type { FieldProblems } from "../domain/problems.js";
import { type ClosedContract, carriedRefs, renewalDefaults, unfinished } from "../domain/renewal.js";
import type { Commitment, Contract, Locale } from "../domain/types.js";
import { ContractRefTakenError } from "../store/contract-admin-repo.js";
import { AlreadyRenewedError } from "../store/renewal-repo.js";
import type { UseCaseDeps } from "./coordinators.js";
import { roleOf } from "./role-of.js";

/** Why a renewal cannot start: not a coordinator of that contract, or it was renewed already (by whom it is followed). */
export type RenewalRefusal = { why: "not_coordinator" } | { why: "already_renewed"; closed: ClosedContract };

type RenewalStart =
  | { kind: "refused"; refusal: RenewalRefusal }
  | { kind: "ready"; defaults: ReturnType<typeof renewalDefaults>; candidates: Commitment[] };

/** What the form proposes, or why it is not opened. */
export async function startRenewal(deps: UseCaseDeps, userId: string, contract: Contract): Promise<RenewalStart> {
  const refusal = await renewalRefusal(deps, userId, contract.id);
  if (refusal) return { kind: "refused", refusal };
  const candidates = unfinished(await deps.store.commitments.listFiltered(contract.id, { openOnly: true }));
  return { kind: "ready", defaults: renewalDefaults(contract), candidates };
}

async function renewalRefusal(deps: UseCaseDeps, userId: string, contractId: string): Promise<RenewalRefusal | null> {
  if (!canManage(await roleOf(deps.store, userId, contractId))) return { why: "not_coordinator" };
  const closed = await deps.store.renewal.closure(contractId);
  return closed ? { why: "already_renewed", closed } : null;
}

export interface RenewalValues {
  ref: string | null;
  title: string | null;
  signedOn: string | null;
  endsOn: string | null;
  /** Ids of the commitments ticked to carry over. */
  carried: string[];
}

export type RenewalField = Extract<ContractField, "contract_ref" | "title" | "signed_on" | "ends_on">;

export type RenewContractResult =
  | { kind: "refused"; refusal: RenewalRefusal }
  | { kind: "invalid"; errors: FieldProblems<RenewalField> }
  | {
      kind: "renewed";
      old: Contract;
      next: Contract;
      carried: { from: string; to: string }[];
      /** The same form submitted twice: the contract it made, nothing written again. */
      duplicate: boolean;
    };

export async function renewContract(
  deps: UseCaseDeps,
  req: { actorId: string; contractId: string; values: RenewalValues; locale: Locale; submissionKey?: string },
): Promise<RenewContractResult> {
  const all = await deps.store.contracts.list();
  const old = all.find((c) => c.id === req.contractId);
  if (!old) return { kind: "refused", refusal: { why: "not_coordinator" } };
  if (!canManage(await roleOf(deps.store, req.actorId, old.id)))
    return { kind: "refused", refusal: { why: "not_coordinator" } };
  if (old.closedAt) {
    // The same form submitted twice (a double click, Slack's retry): answered as the first time, nothing written.
    const made = await deps.store.renewal.madeBy(old.id, req.submissionKey);
    const next = made ? all.find((c) => c.id === made) : undefined;
    if (next) return { kind: "renewed", old, next, carried: [], duplicate: true };
    const closed = await deps.store.renewal.closure(old.id);
    if (closed) return { kind: "refused", refusal: { why: "already_renewed", closed } };
  }
  const checked = validateContractForm(
    {
      ref: req.values.ref,
      title: req.values.title,
      parties: old.parties.map((p) => `${p.code} ; ${p.label} ; ${p.signatory}`).join("\n"),
      signedOn: req.values.signedOn,
      endsOn: req.values.endsOn,
      timezone: old.timezone,
      channelId: old.channelId ?? null,
      digestChannelId: old.digestChannelId ?? null,
    },
    { existingRefs: all.map((c) => c.ref) },
  );
  if (!checked.ok) {
    const { contract_ref, title, signed_on, ends_on } = checked.errors;
    return { kind: "invalid", errors: { contract_ref, title, signed_on, ends_on } };
  }
  const candidates = unfinished(await deps.store.commitments.listFiltered(old.id, { openOnly: true }));
  const chosen = candidates.filter((c) => req.values.carried.includes(c.id));
  const refs = carriedRefs(chosen);
  try {
    const { id, duplicate } = await deps.store.renewal.renew({
      contractId: old.id,
      next: checked.value,
      carried: refs,
      actorId: req.actorId,
      at: deps.now(),
      submissionKey: req.submissionKey,
    });
    const next = (await deps.store.contracts.list()).find((c) => c.id === id);
    if (!next) throw new Error("The contract just created was not found");
    const carried = duplicate ? [] : chosen.map((c) => ({ from: c.ref, to: refs.get(c.id) ?? "?" }));
    return { kind: "renewed", old: { ...old, closedAt: deps.now(), successorId: id }, next, carried, duplicate };
  } catch (e) {
    if (e instanceof AlreadyRenewedError)
      return {
        kind: "refused",
        refusal: { why: "already_renewed", closed: { ref: old.ref, title: old.title, successor: e.successor } },
      };
    if (e instanceof ContractRefTakenError)
      return {
        kind: "invalid",
        errors: { contract_ref: { code: "contract-ref-just-taken", ref: e.ref } },
      };
    throw e;
  }
}

/** Null when contract `contractId` takes changes; else the closed contract, named with the one that follows it. */
export const closedContract = (deps: UseCaseDeps, contractId: string): Promise<ClosedContract | null> =>
  deps.store.renewal.closure(contractId);
