import type { AppDeps } from "../app/deps.js";
import type { Absence } from "../domain/absence.js";
import type { PlannedDelivery } from "../domain/reminder-keys.js";
import type { SlackSender } from "../slack/slack-sender.js";
import type { DeliveryRecord, DeliveryScope } from "../store/delivery-rows.js";
import type { PassContracts } from "./plan-deliveries.js";

export interface DeliveryOptions {
  /** A claim older than this was left by a crash and may be taken over (after checking Slack). */
  staleAfterMinutes: number;
  /** Attempts before a delivery is given up and reported in the digest. */
  maxAttempts: number;
  /** Recipients served in parallel; each recipient's messages go one after the other, paced. */
  lanes: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = { staleAfterMinutes: 10, maxAttempts: 5, lanes: 8 };

/** What the scheduler's jobs are given besides `now`: the app's deps, a sender, and who is claiming. */
export interface JobDeps extends AppDeps {
  sender: SlackSender;
  /** Written into Delivery.claimedBy, so a log line says which process sent what. */
  instanceId: string;
  delivery: DeliveryOptions;
  /** The contracts this pass serves and the delivery rows it retries (one workspace's in OAuth mode); all when absent. */
  pass?: { contracts: PassContracts; deliveries: DeliveryScope; shared?: SharedReads };
  /** Set when the scheduler stops: passes finish the message in hand and take no new one. */
  stopping?: () => boolean;
}

/**
 * What a pass over several workspaces reads once for all of them (OAuth mode), instead of once per workspace:
 * the deliveries due for this workspace's contracts (planned with every other workspace's, recorded keys
 * already dropped), its delivery rows to retry or give up, and the absences in progress.
 */
export interface SharedReads {
  planned: readonly PlannedDelivery[];
  retryable: readonly DeliveryRecord[];
  exhausted: readonly DeliveryRecord[];
  absences: readonly Absence[];
}
