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
import { contractSchedule } from "../domain/contract-schedule.js";
import { mayGoOutAt } from "../domain/due-instants.js";
import { type MailRef, type PlannedMail, parseMailKey, planDueMail } from "../domain/mail-plan.js";
import type { MailSender } from "../mail/mail-sender.js";
import type { Claim } from "../store/delivery-rows.js";
import type { MailRecipient } from "../store/mail-recipients-repo.js";
import { type Work as ClaimWork, claimWork } from "./claim-work.js";
import type { DeliveryOptions, JobDeps } from "./job-deps.js";
import { createMailRenderer, type MailRenderDeps, type RenderedMail } from "./render-mail.js";

interface MailJobDeps extends MailRenderDeps {
  mailer: MailSender;
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
  render: (ref: MailRef, key: string) => Promise<RenderedMail>,
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
