import { MAIL_KEY_PREFIX } from "../domain/mail-plan.js";

/** One row of the Delivery table, as the scheduler sees it. */
export interface DeliveryRecord {
  id: string;
  key: string;
  kind: string;
  target: string;
  occurrence: string;
  dueAt: Date;
  state: "CLAIMED" | "SENT" | "FAILED" | "UNDELIVERABLE" | "SKIPPED";
  claimedAt: Date;
  claimedBy: string | null;
  attempts: number;
  sentAt: Date | null;
  channel: string | null;
  ts: string | null;
  error: string | null;
  reported: boolean;
  /** The contract it is about; null for rows recorded before contracts had their own deliveries (the first one's). */
  contractId: string | null;
}

export interface ClaimInput {
  key: string;
  kind: string;
  target: string;
  occurrence: string;
  dueAt: Date;
  contractId?: string | null;
}

/**
 * The contracts a scheduler pass serves (one workspace's, OAuth mode); `withUnassigned`: also the rows of no
 * contract (recorded before contracts had their own, the first contract's). Absent: every row.
 */
export interface DeliveryScope {
  contractIds: readonly string[];
  withUnassigned: boolean;
}

// Under AND: the queries below have their own OR.
export const inContracts = (scope?: DeliveryScope) =>
  scope
    ? {
        AND: [
          {
            OR: [
              { contractId: { in: [...scope.contractIds] } },
              ...(scope.withUnassigned ? [{ contractId: null }] : []),
            ],
          },
        ],
      }
    : {};

/** Proof that this process holds a claim: later writes only land while it still does. */
export interface Claim {
  key: string;
  attempts: number;
  claimedBy: string;
}

/** Error text of deliveries that no longer apply (meeting passed, commitment done): never reported. */
export const OBSOLETE = "obsolete";

/** Which deliveries a pass serves: Slack messages, or e-mails (keys `mail-…`, jobs/send-mail.ts). */
export type Scope = "slack" | "mail";
export const scoped = (scope: Scope) =>
  scope === "mail" ? { key: { startsWith: MAIL_KEY_PREFIX } } : { NOT: { key: { startsWith: MAIL_KEY_PREFIX } } };

/** `channel` of an e-mail once handed to the SMTP server: a crash after it may have sent it, so it is never re-sent. */
export const HANDED_TO_SMTP = "smtp";
