// E-mails to recipients outside Slack (`/csi destinataires`), a function of (deps, now) run by the scheduler
// after each pass of Slack messages. Same Delivery table, same keys discipline: claim → render → mark « handed
// to SMTP » → send → record.
// - SMTP 2xx: SENT (ts = Message-ID).
// - 4xx or a network failure: FAILED, retried at the next pass (at a decent hour), up to maxAttempts; then given
//   up and reported in the coordinators' digest.
// - 5xx: UNDELIVERABLE at once, reported in the coordinators' digest.
// - The hand-over is recorded when the whole message has been written, just before its end of data (the final
//   « . », mail-sender.ts): no server delivers a message whose end it did not receive (RFC 5321 §4.1.1.4).
// - A crash before the hand-over (also while the message was being written): the stale claim is taken over and
//   sent (nothing can have been delivered).
// - A crash after the hand-over, or a connection lost between the end of data and the server's answer: the
//   server may have accepted it, so it is never sent again; it is recorded UNDELIVERABLE « interrompu » and
//   reported, and a coordinator decides. A reported gap, never a duplicate. That instant cannot be closed by
//   any SMTP client (RFC 1047): no SMTP command asks a server whether it accepted a message.
import type { AppDeps } from "../app/deps.js";
import { contractSchedule } from "../domain/contract-schedule.js";
import { localDateOf, mayGoOutAt } from "../domain/due-instants.js";
import { formatInstant, meetingKindLabel } from "../domain/format.js";
import { type MailRef, type PlannedMail, parseMailKey, planDueMail } from "../domain/mail-plan.js";
import type { Contract } from "../domain/types.js";
import { digestMail } from "../mail/digest-mail.js";
import { invitationMail } from "../mail/invitation-mail.js";
import type { MailSender, OutgoingMail } from "../mail/mail-sender.js";
import { reportMail } from "../mail/report-mail.js";
import type { Claim } from "../store/delivery-rows.js";
import type { MailRecipient } from "../store/mail-recipients-repo.js";
import { buildDigest, type DigestWithContext } from "../use-cases/build-digest.js";
import { buildReport } from "../use-cases/build-report.js";
import { type Work as ClaimWork, claimWork } from "./claim-work.js";
import type { DeliveryOptions, JobDeps } from "./job-deps.js";

interface MailJobDeps extends AppDeps {
  mailer: MailSender;
  /** The organizer written in invitations: SMTP_FROM's name and address. */
  organizer: { name: string; email: string };
  instanceId: string;
  delivery: DeliveryOptions;
  stopping?: () => boolean;
  /** OAuth mode: one workspace's contracts and delivery rows, as for its Slack pass; every contract when absent. */
  pass?: JobDeps["pass"];
}

export interface MailPassReport {
  planned: number;
  retried: number;
  sent: number;
  /** Temporary refusals (4xx, network): retried at a later pass. */
  failed: number;
  /** Permanent refusals (5xx), reported in the coordinators' digest. */
  undeliverable: number;
  /** Handed to SMTP by a process that stopped before the answer: never re-sent, reported. */
  interrupted: number;
  gaveUp: number;
  obsolete: number;
  skipped: number;
  ms: number;
}

type Work = ClaimWork<PlannedMail>;
type Rendered = { mail: OutgoingMail } | { obsolete: string };

const emptyMailReport = (): MailPassReport => ({
  planned: 0,
  retried: 0,
  sent: 0,
  failed: 0,
  undeliverable: 0,
  interrupted: 0,
  gaveUp: 0,
  obsolete: 0,
  skipped: 0,
  ms: 0,
});

/** « Marie Durand (Préfecture) » : how a failure names its recipient in the digest (never the address). */
const whoOf = (r: Pick<MailRecipient, "name" | "organisation"> | null): string =>
  r ? `${r.name}${r.organisation ? ` (${r.organisation})` : ""}` : "destinataire retiré";

/** The organizer of e-mailed invitations: SMTP_FROM (mail/smtp-settings.ts). */
export { organizerOf } from "../mail/smtp-settings.js";

export async function sendDueMail(deps: MailJobDeps, now: Date): Promise<MailPassReport> {
  const started = performance.now();
  const { store, delivery: opt, log } = deps;
  const report = emptyMailReport();
  const staleBefore = new Date(now.getTime() - opt.staleAfterMinutes * 60_000);
  // In OAuth mode a pass serves one workspace: its contracts' recipients, meetings and delivery rows only.
  const scope = deps.pass?.deliveries;
  const contractIds = deps.pass ? deps.pass.contracts.contracts.map((c) => c.id) : undefined;
  const inScope = (r: MailRecipient) => !contractIds || contractIds.includes(r.contractId);
  const recipients = new Map((await store.mailRecipients.listAll()).filter(inScope).map((r) => [r.id, r]));

  for (const row of await store.deliveries.listInterruptedMail(staleBefore, scope)) {
    const why = `${whoOf(recipients.get(row.target) ?? null)} — envoi interrompu après remise au serveur SMTP : arrivée non vérifiable, non renvoyé`;
    if (await store.deliveries.giveUp(row.key, row.attempts, why, now)) {
      report.interrupted += 1;
      log.warn("mail.interrupted", { key: row.key });
    }
  }
  for (const row of await store.deliveries.listExhausted(staleBefore, opt.maxAttempts, "mail", scope)) {
    if (await store.deliveries.giveUp(row.key, row.attempts, row.error ?? "no answer", now)) {
      report.gaveUp += 1;
      log.warn("mail.gave_up", { key: row.key, attempts: row.attempts });
    }
  }
  // A late e-mail waits for a decent hour in its own contract's zone.
  const zones = new Map((await store.contracts.list()).map((c) => [c.id, contractSchedule(deps.config.schedule, c)]));
  const settingsOf = (contractId: string | null) => (contractId && zones.get(contractId)) || deps.config.schedule;
  const retries = (await store.deliveries.listRetryable(staleBefore, opt.maxAttempts, 500, "mail", scope)).filter(
    (row) => mayGoOutAt(row.dueAt, now, settingsOf(row.contractId)),
  );
  const due = planDueMail({
    now,
    settingsOf,
    recipients: [...recipients.values()],
    meetings: await store.meetings.listForMail(now, contractIds),
  }).filter((p) => mayGoOutAt(p.dueAt, now, settingsOf(p.contractId)));
  const missing = await store.deliveries.missingKeys(due.map((p) => p.key));
  const planned = due.filter((p) => missing.has(p.key));
  report.planned = planned.length;

  const render = createMailRenderer(deps, now, recipients);
  const work: Work[] = [
    ...retries.map((row): Work => ({ kind: "retry", row })),
    ...planned.map((p): Work => ({ kind: "new", p })),
  ];
  for (const w of work) {
    if (deps.stopping?.()) break;
    const claim = await claimWork(deps, w, staleBefore, now, report);
    if (!claim) continue;
    try {
      await serve(deps, claim, render, recipients, now, report);
    } catch (error) {
      // A rendering or database error: the claim goes stale (nothing was handed over) and is taken over later.
      report.failed += 1;
      log.error("mail.error", { key: claim.key, error: error instanceof Error ? error.message : String(error) });
    }
  }
  report.ms = Math.round(performance.now() - started);
  if (report.sent || report.failed || report.undeliverable || report.interrupted || report.gaveUp)
    log.info("mail.pass", { ...report });
  return report;
}

/** The reports of several passes (one per workspace) as one. */
export function addMailReports(reports: readonly MailPassReport[]): MailPassReport {
  const total = emptyMailReport();
  for (const r of reports) for (const k of Object.keys(total) as (keyof MailPassReport)[]) total[k] += r[k];
  return total;
}

async function serve(
  deps: MailJobDeps,
  claim: Claim,
  render: (ref: MailRef, key: string) => Promise<Rendered>,
  recipients: ReadonlyMap<string, MailRecipient>,
  now: Date,
  report: MailPassReport,
): Promise<void> {
  const { store, log } = deps;
  const ref = parseMailKey(claim.key);
  const rendered = ref ? await render(ref, claim.key) : { obsolete: "unknown key" };
  if ("obsolete" in rendered) {
    await store.deliveries.markObsolete(claim);
    report.obsolete += 1;
    log.debug("mail.obsolete", { key: claim.key, why: rendered.obsolete });
    return;
  }
  // « Handed to SMTP » is recorded once the whole message is written, just before its end (mail-sender.ts):
  // nothing was delivered before it, so a crash before it is sent again once stale; after it, never.
  let handed = false;
  const result = await deps.mailer.send(rendered.mail, async () => {
    handed = await store.deliveries.markHandedToSmtp(claim);
    return handed;
  });
  if (!result.ok && result.heldBack) {
    log.warn("mail.claim_lost", { key: claim.key });
    return;
  }
  if (result.ok) {
    if (!(await store.deliveries.markSent(claim, { channel: "smtp", ts: result.messageId, at: now })))
      log.warn("mail.claim_lost", { key: claim.key });
    report.sent += 1;
    return;
  }
  const who = whoOf(ref ? (recipients.get(ref.recipientId) ?? null) : null);
  const why = `${who} — ${result.reason}`;
  if (handed && result.code === null) {
    // The end of the message went out and the connection failed before the server's answer: it may have been
    // accepted. Not sent again; reported like an interrupted one.
    await store.deliveries.markUndeliverable(
      claim,
      `${who} — connexion perdue après la remise au serveur SMTP : arrivée non vérifiable, non renvoyé (${result.reason})`,
      now,
    );
    report.interrupted += 1;
    log.warn("mail.interrupted", { key: claim.key, reason: result.reason });
    return;
  }
  if (result.permanent) {
    await store.deliveries.markUndeliverable(claim, why, now);
    report.undeliverable += 1;
    log.warn("mail.undeliverable", { key: claim.key, reason: result.reason });
  } else {
    await store.deliveries.markFailed(claim, why);
    report.failed += 1;
    log.warn("mail.failed", { key: claim.key, reason: result.reason });
  }
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
function createMailRenderer(deps: MailJobDeps, now: Date, recipients: ReadonlyMap<string, MailRecipient>) {
  const tz = deps.config.schedule.timezone;
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
    return contract ? buildReport({ store: deps.store, now: () => now }, contract, null, tz) : null;
  });

  return async (ref: MailRef, key: string): Promise<Rendered> => {
    const r = recipients.get(ref.recipientId);
    if (!r) return { obsolete: "recipient removed" };
    const contract = await contractOf(r.contractId);
    if (!contract) return { obsolete: "contract removed" };
    // A contract closed by its renewal sends nothing more (its final report went to the coordinator who renewed it).
    if (contract.closedAt) return { obsolete: "contract closed" };
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
