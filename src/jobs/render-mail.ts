// The e-mail each planned key stands for, rendered from the data as it is now, or why it is no longer owed.
import type { AppDeps } from "../app/deps.js";
import { contractSchedule } from "../domain/contract-schedule.js";
import { localDateOf } from "../domain/due-instants.js";
import { formatInstant, meetingKindLabel } from "../domain/format.js";
import type { MailRef } from "../domain/mail-plan.js";
import type { Contract } from "../domain/types.js";
import { digestMail } from "../mail/digest-mail.js";
import { invitationMail } from "../mail/invitation-mail.js";
import type { OutgoingMail } from "../mail/mail-sender.js";
import { reportMail } from "../mail/report-mail.js";
import type { MailRecipient } from "../store/mail-recipients-repo.js";
import { buildDigest, type DigestWithContext } from "../use-cases/build-digest.js";
import { buildReport } from "../use-cases/build-report.js";

/** An e-mail to send, or why its key is closed without one. */
export type RenderedMail = { mail: OutgoingMail } | { obsolete: string };

/** What rendering needs: the app's deps and the organizer written in invitations. */
export interface MailRenderDeps extends AppDeps {
  /** The organizer written in invitations: SMTP_FROM's name and address. */
  organizer: { name: string; email: string };
}

const once = <K, V>(load: (k: K) => Promise<V>): ((k: K) => Promise<V>) => {
  const cache = new Map<K, Promise<V>>();
  return (k) => {
    let v = cache.get(k);
    if (!v) cache.set(k, (v = load(k)));
    return v;
  };
};

/** The e-mail for one key, from the data as it is now (shared reads cached for the pass: one PDF per meeting). */
export function createMailRenderer(deps: MailRenderDeps, now: Date, recipients: ReadonlyMap<string, MailRecipient>) {
  // Dates and hours are written in each contract's own zone (an overseas contract's recipients read theirs).
  const zoneOf = (c: Contract) => contractSchedule(deps.config.schedule, c).timezone;
  const contracts = once(async (_: "all") => new Map((await deps.store.contracts.list()).map((c) => [c.id, c])));
  const contractOf = async (id: string): Promise<Contract | null> => (await contracts("all")).get(id) ?? null;
  // One digest per week and contract: a recipient reads only their own contract's commitments and meetings.
  const firstEver = once(async (_: "first") => (await deps.store.contracts.findFirstEver())?.id ?? null);
  const digest = once(async (weekAndContract: string): Promise<DigestWithContext> => {
    const [isoWeek = "", contractId = ""] = weekAndContract.split("|");
    const contract = await contractOf(contractId);
    return buildDigest(deps, now, {
      scheduledWeek: isoWeek,
      ...(contract ? { contract, first: (await firstEver("first")) === contract.id } : {}),
    });
  });
  const chart = once(async (weekAndContract: string): Promise<Buffer | null> => {
    const { parties } = (await digest(weekAndContract)).digest;
    if (!parties.length) return null;
    try {
      const { progressChartPng } = await import("../documents/chart-images.js");
      return await progressChartPng(parties.map((p) => ({ label: p.label, progress: p.meanProgress })));
    } catch (error) {
      deps.log.warn("mail.chart_failed", { error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  });
  const meeting = once((id: string) => deps.store.meetings.findForMail(id));
  const reportFor = once(async (contractId: string): Promise<Awaited<ReturnType<typeof buildReport>> | null> => {
    const contract = await contractOf(contractId);
    return contract ? buildReport({ store: deps.store, now: () => now }, contract, null, zoneOf(contract)) : null;
  });

  return async (ref: MailRef, key: string): Promise<RenderedMail> => {
    const r = recipients.get(ref.recipientId);
    if (!r) return { obsolete: "recipient removed" };
    const contract = await contractOf(r.contractId);
    if (!contract) return { obsolete: "contract removed" };
    // A contract closed by its renewal sends nothing more (its final report went to the coordinator who renewed it).
    if (contract.closedAt) return { obsolete: "contract closed" };
    const tz = zoneOf(contract);
    const to = { name: r.name, address: r.address };
    switch (ref.kind) {
      case "mail-digest": {
        if (!r.receives.digest) return { obsolete: "no longer receives the digest" };
        const built = await digest(`${ref.isoWeek}|${contract.id}`);
        return {
          mail: digestMail({
            key,
            recipient: to,
            contractTitle: contract.title,
            digest: built.digest,
            timezone: tz,
            chartPng: await chart(`${ref.isoWeek}|${contract.id}`),
          }),
        };
      }
      case "mail-report": {
        const m = await meeting(ref.meetingId);
        if (!r.receives.report) return { obsolete: "no longer receives the report" };
        if (!m || m.cancelledAt || m.startsAt <= now) return { obsolete: "meeting cancelled, held or removed" };
        const built = await reportFor(m.contractId);
        if (!built) return { obsolete: "contract removed" };
        return {
          mail: reportMail({
            key,
            recipient: to,
            contractTitle: contract.title,
            today: localDateOf(now, tz),
            overall: built.data.overall,
            pdf: { filename: built.filename, bytes: built.pdf },
            before: `${meetingKindLabel(m.kind, "fr", "short")} du ${formatInstant(m.startsAt, tz, "fr")}`,
          }),
        };
      }
      case "mail-invite":
      case "mail-cancel": {
        const m = await meeting(ref.meetingId);
        if (!r.receives.meetings) return { obsolete: "no longer receives invitations" };
        if (!m || m.startsAt <= now) return { obsolete: "meeting held or removed" };
        if (ref.kind === "mail-invite" && (m.cancelledAt || m.sequence !== ref.sequence))
          return { obsolete: "superseded by a later change" };
        if (ref.kind === "mail-cancel" && !m.cancelledAt) return { obsolete: "not cancelled" };
        // « Moved » to whoever could know the former date; someone added since gets a plain invitation.
        const moved = m.sequence > 0 && m.changedAt !== null && r.createdAt <= m.changedAt;
        const change = ref.kind === "mail-cancel" ? "cancelled" : moved ? "moved" : "scheduled";
        return {
          mail: invitationMail({
            key,
            recipient: to,
            organizer: deps.organizer,
            contractTitle: contract.title,
            meeting: m,
            change,
            timezone: tz,
            stamp: now,
          }),
        };
      }
    }
  };
}
