// `/csi contrat renouveler`: a coordinator of an ending contract makes the next one. The unfinished commitments they
// pick carry over (new refs, a link to the old sheet, owners and indicators kept); the ending contract is closed:
// read-only from then on, its digest and reminders stop. Its final report is then sent to the coordinator.
import { type ContractField, type ContractInput, validateContractForm } from "../domain/contract-input.js";
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

type RenewalRequest = {
  actorId: string;
  contractId: string;
  values: RenewalValues;
  locale: Locale;
  submissionKey?: string;
};

/** Checked and ready to write: what `applyRenewal` needs. */
export interface ReadyRenewal {
  kind: "ready";
  req: RenewalRequest;
  old: Contract;
  next: ContractInput;
  chosen: Commitment[];
  refs: Map<string, string>;
}

/** Checks and writes in one go (see prepareRenewal and applyRenewal for a form answered before the writing). */
export async function renewContract(deps: UseCaseDeps, req: RenewalRequest): Promise<RenewContractResult> {
  const ready = await prepareRenewal(deps, req);
  return ready.kind === "ready" ? applyRenewal(deps, ready) : ready;
}

/**
 * Everything the form can be told inline, read without writing (a few queries): the permission, a contract renewed
 * already (or by this very form: answered as the first time), the fields. Writing the new contract with its
 * commitments may take longer than the 3 s Slack waits for a form's answer: `applyRenewal` does it after.
 */
export async function prepareRenewal(
  deps: UseCaseDeps,
  req: RenewalRequest,
): Promise<RenewContractResult | ReadyRenewal> {
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
  return { kind: "ready", req, old, next: checked.value, chosen, refs: carriedRefs(chosen) };
}

/** Writes a checked renewal: the next contract, the carried commitments, the old contract closed (one transaction). */
export async function applyRenewal(deps: UseCaseDeps, ready: ReadyRenewal): Promise<RenewContractResult> {
  const { req, old, chosen, refs } = ready;
  try {
    const { id, duplicate } = await deps.store.renewal.renew({
      contractId: old.id,
      next: ready.next,
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
