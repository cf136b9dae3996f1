// Test data for the scheduler: commitments and meetings written straight into the real database.
import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { RecordedCall } from "../support/fake-slack.js";
import { defaultContractId, insertMeeting } from "../support/fixtures.js";

let n = 0;
/** The creation instant of test commitments and meetings unless told otherwise. */
export const LONG_AGO = new Date("2026-01-05T09:00:00Z");

export async function addCommitment(
  prisma: PrismaClient,
  o: {
    dueOn: string | null;
    owners: string[];
    status?: "ON_TRACK" | "AT_RISK" | "LATE" | "DONE";
    lastUpdateAt?: Date | null;
    title?: string;
    /** Long before the tests' fixed clocks unless told: a reminder due before creation is not owed. */
    createdAt?: Date;
  },
): Promise<string> {
  const row = await prisma.commitment.create({
    data: {
      contractId: await defaultContractId(prisma),
      ref: `T-${String(++n).padStart(4, "0")}`,
      partyCode: "VILLE",
      title: o.title ?? `Engagement de test ${n}`,
      dueOn: o.dueOn ? new Date(`${o.dueOn}T00:00:00Z`) : null,
      status: o.status ?? "ON_TRACK",
      lastUpdateAt: o.lastUpdateAt === undefined ? new Date("2026-11-20T10:00:00Z") : o.lastUpdateAt,
      createdAt: o.createdAt ?? LONG_AGO,
      owners: { create: o.owners.map((userId) => ({ userId })) },
    },
  });
  return row.id;
}

export async function addMeeting(
  prisma: PrismaClient,
  o: {
    startsAt: Date;
    channelId?: string | null;
    attendees?: string[];
    agenda?: string;
    kind?: "GLTD" | "COPIL" | "CLSPD";
    createdAt?: Date;
  },
): Promise<string> {
  // A COPIL in #copil unless told otherwise: the scheduler posts meeting reminders to the meeting's channel.
  return insertMeeting(prisma, {
    ...o,
    kind: o.kind ?? "COPIL",
    channelId: o.channelId === undefined ? "C0COPIL" : o.channelId,
    createdAt: o.createdAt ?? LONG_AGO,
  });
}

/** Removes what the scheduler tests add, so each test starts from the seeded contract alone. */
export async function clearScheduling(prisma: PrismaClient): Promise<void> {
  await prisma.delivery.deleteMany();
  await prisma.snooze.deleteMany();
  await prisma.meeting.deleteMany();
  await prisma.commitment.deleteMany({ where: { ref: { startsWith: "T-" } } });
}

/** The delivery key a chat.postMessage carried in its metadata. */
export function keyOf(call: RecordedCall): string {
  const meta = call.params.metadata as { event_payload?: { key?: string } } | undefined;
  return meta?.event_payload?.key ?? "";
}

/** Every delivery key a chat.postMessage carried (several when reminders were folded into one message). */
export function keysOf(call: RecordedCall): string[] {
  const meta = call.params.metadata as { event_payload?: { key?: string; keys?: string } } | undefined;
  const keys = (meta?.event_payload?.keys ?? "").split(" ").filter(Boolean);
  return keys.length ? keys : [keyOf(call)];
}

/** Posts (successful or not) carrying a delivery key that starts with `prefix`. */
export const postsOf = (calls: RecordedCall[], prefix = ""): RecordedCall[] =>
  calls.filter((c) => c.method === "chat.postMessage" && keysOf(c).some((k) => k.startsWith(prefix)));
