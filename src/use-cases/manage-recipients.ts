// `/csi destinataires` (coordinators): list, add and remove the people outside Slack who receive e-mails.
// Plain inputs in, a result or a typed refusal out; the listener renders it.
import type { AppDeps } from "../app/deps.js";
import { checkFreeText } from "../domain/confidentiality.js";
import { matchParty } from "../domain/parties.js";
import { cleanAddress, isValidAddress, parseRecipient, type RecipientProblem } from "../domain/recipient-input.js";
import { normalizeText } from "../domain/text.js";
import type { Contract, Locale } from "../domain/types.js";
import type { MailRecipient } from "../store/mail-recipients-repo.js";

type RecipientsAction = "list" | "add" | "remove" | "usage";

const ACTION_WORDS: Record<string, RecipientsAction> = {
  liste: "list",
  list: "list",
  ajouter: "add",
  ajout: "add",
  add: "add",
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
  | { kind: "invalid"; problem: RecipientProblem }
  | { kind: "guard"; field: "name" | "organisation"; message: string }
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
  locale: Locale,
): Promise<RecipientsResult> {
  const parsed = parseRecipient(text);
  if (!parsed.ok) return { kind: "invalid", problem: parsed.problem };
  const { value } = parsed;
  // The name is a contact's name by design (« M. Durand »), not case data: the guard reads the organisation.
  const message = checkFreeText(value.organisation, locale);
  if (message) return { kind: "guard", field: "organisation", message };
  const partyCode = value.organisation
    ? (value.organisation
        .split(/\s+/)
        .map((w) => matchParty(w, contract.parties))
        .find((p) => p !== null) ?? null)
    : null;
  const added = await deps.store.mailRecipients.add(contract.id, { ...value, partyCode }, actorId, deps.now());
  return added.ok ? { kind: "added", recipient: added.recipient } : { kind: "duplicate", existing: added.duplicate };
}

/** `typed`: the address, or the number shown by the list. */
export async function removeRecipient(
  deps: Deps,
  actorId: string,
  contract: Contract,
  typed: string,
): Promise<RecipientsResult> {
  const word = typed.trim();
  let address = cleanAddress(word);
  if (/^\d{1,4}$/.test(word)) {
    const all = await deps.store.mailRecipients.list(contract.id);
    address = all[Number(word) - 1]?.address ?? "";
  } else if (!isValidAddress(address))
    return { kind: "invalid", problem: word ? { kind: "bad_address", typed: word } : { kind: "no_address" } };
  const removed = address ? await deps.store.mailRecipients.remove(contract.id, address, actorId, deps.now()) : null;
  return removed ? { kind: "removed", recipient: removed } : { kind: "not_found", typed: word };
}
