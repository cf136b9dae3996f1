import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { type Claim, HANDED_TO_SMTP, OBSOLETE } from "./delivery-rows.js";

/**
 * How a claimed delivery ends (sent, failed, undeliverable, obsolete, handed to SMTP): each write lands only
 * while the claim it is given still holds, and says whether it did.
 */
export function createDeliveryOutcomes(prisma: PrismaClient) {
  const holds = (c: Claim) => ({ key: c.key, state: "CLAIMED" as const, attempts: c.attempts, claimedBy: c.claimedBy });
  return {
    /**
     * An e-mail is about to be handed to the SMTP server: recorded first, so that a crash from here on (the
     * message may have left) is never followed by a second sending.
     */
    async markHandedToSmtp(claim: Claim): Promise<boolean> {
      const { count } = await prisma.delivery.updateMany({ where: holds(claim), data: { channel: HANDED_TO_SMTP } });
      return count === 1;
    },

    async markSent(claim: Claim, sent: { channel: string; ts: string; at: Date }): Promise<boolean> {
      const { count } = await prisma.delivery.updateMany({
        where: holds(claim),
        data: { state: "SENT", channel: sent.channel, ts: sent.ts, sentAt: sent.at, error: null },
      });
      return count === 1;
    },

    /** A failure worth retrying later (HTTP 5xx, network, unexpected Slack error). */
    async markFailed(claim: Claim, reason: string): Promise<boolean> {
      const { count } = await prisma.delivery.updateMany({
        where: holds(claim),
        data: { state: "FAILED", error: reason.slice(0, 500) },
      });
      return count === 1;
    },

    /** The recipient cannot be reached (deactivated, bot not in channel…): kept with the reason for the next digest. */
    async markUndeliverable(claim: Claim, reason: string, now: Date): Promise<boolean> {
      const { count } = await prisma.delivery.updateMany({
        where: holds(claim),
        data: { state: "UNDELIVERABLE", error: reason.slice(0, 500), claimedAt: now, reported: false },
      });
      return count === 1;
    },

    /** Gives up on a row whose attempts are exhausted (not held by anyone). */
    async giveUp(key: string, attempts: number, reason: string, now: Date): Promise<boolean> {
      const { count } = await prisma.delivery.updateMany({
        where: { key, attempts, state: { in: ["CLAIMED", "FAILED"] } },
        data: { state: "UNDELIVERABLE", error: reason.slice(0, 500), claimedAt: now, reported: false },
      });
      return count === 1;
    },

    /** The reminder no longer applies (meeting started, commitment closed): closed without a message. */
    async markObsolete(claim: Claim): Promise<boolean> {
      const { count } = await prisma.delivery.updateMany({
        where: holds(claim),
        data: { state: "FAILED", error: OBSOLETE, reported: true },
      });
      return count === 1;
    },
  };
}
