// `/csi destinataires` (coordinators): list, add and remove the people outside Slack who receive e-mails.
// Plain inputs in, a result or a typed refusal out; the listener renders it.
import type { AppDeps } from "../app/deps.js";
import { type ConfidentialityFinding, checkFreeText } from "../domain/confidentiality.js";
import { matchParty } from "../domain/parties.js";
import {
  cleanAddress,
  isValidAddress,
  parseRecipient,
  parseRecipientChanges,
  type RecipientChangeProblem,
} from "../domain/recipient-input.js";
import { normalizeText } from "../domain/text.js";
import type { Contract } from "../domain/types.js";
import type { MailRecipient } from "../store/mail-recipients-repo.js";

type RecipientsAction = "list" | "add" | "edit" | "remove" | "usage";

const ACTION_WORDS: Record<string, RecipientsAction> = {
  liste: "list",
  list: "list",
  ajouter: "add",
  ajout: "add",
  add: "add",
  modifier: "edit",
  changer: "edit",
  edit: "edit",
  retirer: "remove",
  supprimer: "remove",
  enlever: "remove",
  remove: "remove",
  aide: "usage",
  help: "usage",
};

/** The action the first word asks for (`list` when there is none). */
export const recipientsActionOf = (word: string | undefined): RecipientsAction | null =>
  word === undefined || word === "" ? "list" : (ACTION_WORDS[normalizeText(word)] ?? null);

export type RecipientsResult =
  | { kind: "list"; recipients: MailRecipient[] }
  | { kind: "added"; recipient: MailRecipient }
  | { kind: "removed"; recipient: MailRecipient }
  | { kind: "edited"; recipient: MailRecipient; changed: string[] }
  | { kind: "invalid"; problem: RecipientChangeProblem }
  /** Personal data in a field (the view words the findings). */
  | { kind: "guard"; field: "name" | "organisation"; findings: ConfidentialityFinding[] }
  | { kind: "duplicate"; existing: MailRecipient }
  | { kind: "not_found"; typed: string };

type Deps = Pick<AppDeps, "store" | "now">;

export async function listRecipients(deps: Deps, contract: Contract): Promise<RecipientsResult> {
  return { kind: "list", recipients: await deps.store.mailRecipients.list(contract.id) };
}

/** `text`: everything after `ajouter`, as typed. */
export async function addRecipient(
  deps: Deps,
  actorId: string,
  contract: Contract,
  text: string,
): Promise<RecipientsResult> {
  const parsed = parseRecipient(text);
  if (!parsed.ok) return { kind: "invalid", problem: parsed.problem };
  const { value } = parsed;
  // The name is a contact's name by design (« M. Durand »), not case data: the guard reads the organisation.
  const findings = checkFreeText(value.organisation);
  if (findings) return { kind: "guard", field: "organisation", findings };
  const partyCode = partyOfOrganisation(value.organisation, contract);
  const added = await deps.store.mailRecipients.add(contract.id, { ...value, partyCode }, actorId, deps.now());
  return added.ok ? { kind: "added", recipient: added.recipient } : { kind: "duplicate", existing: added.duplicate };
}

/** The party an organisation names (« Préfecture de la Savoie » → none, « Parquet de Chambéry » → PARQUET). */
const partyOfOrganisation = (organisation: string | null, contract: Contract): string | null =>
  organisation
    ? (organisation
        .split(/\s+/)
        .map((w) => matchParty(w, contract.parties))
        .find((p) => p !== null) ?? null)
    : null;

/** The recipient a word names: their address, or their number in the list. */
async function recipientNamed(
  deps: Deps,
  contract: Contract,
  word: string,
): Promise<{ recipient: MailRecipient | null } | { problem: RecipientChangeProblem }> {
  const all = await deps.store.mailRecipients.list(contract.id);
  if (/^\d{1,4}$/.test(word)) return { recipient: all[Number(word) - 1] ?? null };
  const address = cleanAddress(word);
  if (!isValidAddress(address))
    return { problem: word ? { kind: "bad_address", typed: word } : { kind: "no_address" } };
  return { recipient: all.find((r) => r.address === address) ?? null };
}

/**
 * `text`: everything after `modifier`, as typed: who (address or number), then `champ valeur` pairs
 * (`nom …, adresse …, organisation …, partie …, envois …`). A new organisation without `partie` takes the
 * party it names, as when adding.
 */
export async function editRecipient(
  deps: Deps,
  actorId: string,
  contract: Contract,
  text: string,
): Promise<RecipientsResult> {
  const trimmed = text.trim();
  const [word = ""] = trimmed.split(/\s+/);
  const found = await recipientNamed(deps, contract, word);
  if ("problem" in found) return { kind: "invalid", problem: found.problem };
  if (!found.recipient) return { kind: "not_found", typed: word };
  const parsed = parseRecipientChanges(trimmed.slice(word.length), (typed) => matchParty(typed, contract.parties));
  if (!parsed.ok) return { kind: "invalid", problem: parsed.problem };
  const { changes } = parsed;
  if (changes.organisation) {
    const findings = checkFreeText(changes.organisation);
    if (findings) return { kind: "guard", field: "organisation", findings };
  }
  if (changes.organisation !== undefined && changes.partyCode === undefined)
    changes.partyCode = partyOfOrganisation(changes.organisation, contract);
  const updated = await deps.store.mailRecipients.update(contract.id, found.recipient.id, changes, actorId, deps.now());
  if (updated.ok) return { kind: "edited", recipient: updated.recipient, changed: updated.changed };
  return updated.reason === "duplicate"
    ? { kind: "duplicate", existing: updated.duplicate }
    : { kind: "not_found", typed: word };
}

/** `typed`: the address, or the number shown by the list. */
export async function removeRecipient(
  deps: Deps,
  actorId: string,
  contract: Contract,
  typed: string,
): Promise<RecipientsResult> {
  const word = typed.trim();
  const found = await recipientNamed(deps, contract, word);
  if ("problem" in found) return { kind: "invalid", problem: found.problem };
  const removed = found.recipient
    ? await deps.store.mailRecipients.remove(contract.id, found.recipient.address, actorId, deps.now())
    : null;
  return removed ? { kind: "removed", recipient: removed } : { kind: "not_found", typed: word };
}
