// The one place that owns cron and reads the real clock. Every minute it asks the database what is due;
// a restart runs the same pass at once (catch-up), and several instances share the work through claims.

import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import cron, { type ScheduledTask } from "node-cron";
import type { AppDeps } from "../app/deps.js";
import { localDateOf } from "../domain/due-instants.js";
import type { MailSender } from "../mail/mail-sender.js";
import type { SlackSender } from "../slack/slack-sender.js";
import type { DeliveryRecord, DeliveryScope } from "../store/delivery-rows.js";
import { DEFAULT_DELIVERY_OPTIONS, type DeliveryOptions, type JobDeps, type SharedReads } from "./job-deps.js";
import { planDeliveries } from "./plan-deliveries.js";
import { runRetention } from "./retention.js";
import { emptyReport, type PassReport, sendDueDeliveries } from "./send-due-deliveries.js";
import { addMailReports, type MailPassReport, organizerOf, sendDueMail } from "./send-mail.js";

/** The zone of the every-minute tick: one without clock changes. */
export const TICK_ZONE = "Etc/UTC";

export interface Scheduler {
  /** Runs the catch-up pass now, then a pass every minute (Slack messages, then e-mails when a mailer is given). */
  start(): void;
  /** Stops the cron first, then waits for the message in hand (never leaves one half-sent by choice). */
  stop(): Promise<void>;
  /** One pass at `now` (tests drive this with a fixed clock; a pass already running is awaited first). */
  runPass(now: Date): Promise<PassReport & { mail?: MailPassReport }>;
  readonly instanceId: string;
}

/** One workspace's share of a pass (OAuth mode): its contracts and the sender holding its token. */
export interface WorkspacePass {
  teamId: string | null;
  pass: NonNullable<JobDeps["pass"]>;
  sender: SlackSender;
}

interface SchedulerOptions {
  delivery?: Partial<DeliveryOptions>;
  /** E-mails to recipients outside Slack: sent (or written as .eml) after each pass of Slack messages. */
  mailer?: { sender: MailSender; from: string };
  /**
   * OAuth mode: the workspaces installed now, each served with its own token (asked again at every pass, so
   * that a refreshed token is used and an uninstalled workspace gets nothing more). Absent: one pass with `sender`.
   */
  workspaces?: () => Promise<WorkspacePass[]>;
  /** Cron expression of the tick; every minute by default. */
  cron?: string;
}

export function createScheduler(deps: AppDeps, sender: SlackSender, options: SchedulerOptions = {}): Scheduler {
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  let stopped = false;
  const jobDeps: JobDeps = {
    ...deps,
    sender,
    instanceId,
    delivery: { ...DEFAULT_DELIVERY_OPTIONS, ...options.delivery },
    stopping: () => stopped,
  };
  let task: ScheduledTask | undefined;
  type FullReport = PassReport & { mail?: MailPassReport };
  let running: Promise<FullReport> | undefined;
  const mail = options.mailer;
  const mailDeps = mail && { ...jobDeps, mailer: mail.sender, organizer: organizerOf(mail.from) };

  const runPass = async (now: Date): Promise<FullReport> => {
    while (running) await running.catch(() => undefined);
    const pass = (async (): Promise<FullReport> => {
      const workspaces = options.workspaces ? await options.workspaces() : null;
      const slack = await (workspaces ? workspacePasses(workspaces, now) : sendDueDeliveries(jobDeps, now));
      // E-mails after Slack messages: a slow SMTP server never delays a reminder. In OAuth mode, per workspace
      // as its Slack pass: its own contracts' recipients and delivery rows.
      if (!mailDeps || stopped) return slack;
      const mail = workspaces
        ? addMailReports(await eachWorkspace(workspaces, (w) => sendDueMail({ ...mailDeps, pass: w.pass }, now)))
        : await sendDueMail(mailDeps, now);
      return { ...slack, mail };
    })();
    running = pass;
    try {
      return await pass;
    } finally {
      running = undefined;
    }
  };
  /** `run` for each workspace in turn, until the scheduler stops. */
  const eachWorkspace = async <R>(list: WorkspacePass[], run: (w: WorkspacePass) => Promise<R>): Promise<R[]> => {
    const out: R[] = [];
    for (const w of list) {
      if (stopped) break;
      out.push(await run(w));
    }
    return out;
  };
  /**
   * Each workspace in turn, with its token (one whose token cannot be had was logged and left out of the list).
   * What is due is planned once for every workspace's contracts, and their delivery rows to retry or give up
   * are read once (one read of each table and one look-up of the recorded keys per pass, not per workspace);
   * then each workspace sends its share.
   */
  const workspacePasses = async (list: WorkspacePass[], now: Date): Promise<PassReport> => {
    const total = emptyReport();
    const [first] = list;
    if (!first) return total;
    const contracts = [...new Map(list.flatMap((w) => w.pass.contracts.contracts).map((c) => [c.id, c])).values()];
    const planned = await planDeliveries(jobDeps, now, undefined, {
      contracts,
      firstContractId: first.pass.contracts.firstContractId,
    });
    const { store, config } = deps;
    const { staleAfterMinutes, maxAttempts } = jobDeps.delivery;
    const staleBefore = new Date(now.getTime() - staleAfterMinutes * 60_000);
    const every: DeliveryScope = {
      contractIds: contracts.map((c) => c.id),
      withUnassigned: list.some((w) => w.pass.deliveries.withUnassigned),
    };
    // As many rows to retry as the workspaces' own passes would take (500 each).
    const retryable = await store.deliveries.listRetryable(staleBefore, maxAttempts, 500 * list.length, "slack", every);
    const exhausted = await store.deliveries.listExhausted(staleBefore, maxAttempts, "slack", every);
    const absences = await store.absences.listActiveOn(localDateOf(now, config.schedule.timezone));
    for (const report of await eachWorkspace(list, (w) => {
      const ids = new Set(w.pass.contracts.contracts.map((c) => c.id));
      const mine = (row: DeliveryRecord) =>
        row.contractId === null ? w.pass.deliveries.withUnassigned : ids.has(row.contractId);
      const shared: SharedReads = {
        planned: planned.filter((p) => p.contractId !== undefined && ids.has(p.contractId)),
        retryable: retryable.filter(mine),
        exhausted: exhausted.filter(mine),
        absences,
      };
      return sendDueDeliveries({ ...jobDeps, sender: w.sender, pass: { ...w.pass, shared } }, now);
    }))
      for (const k of Object.keys(total) as (keyof PassReport)[]) total[k] += report[k];
    return total;
  };
  // Retention runs once a (UTC) day, beside the deliveries; a failed run is tried again at the next tick.
  let retentionDay: string | undefined;
  let retaining: Promise<unknown> | undefined;
  const retention = (now: Date) => {
    const day = now.toISOString().slice(0, 10);
    if (day === retentionDay || retaining) return;
    retentionDay = day;
    retaining = runRetention(deps, now)
      .catch((error: unknown) => {
        retentionDay = undefined;
        deps.log.error("retention.failed", { error: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        retaining = undefined;
      });
  };
  const tick = (why: string) => {
    if (stopped || running) return; // a long pass (many messages, paced) is not overlapped
    // The real clock is read here and nowhere else; jobs receive it as `now`.
    const now = new Date();
    void runPass(now).catch((error: unknown) =>
      deps.log.error("scheduler.pass_failed", { why, error: error instanceof Error ? error.message : String(error) }),
    );
    retention(now);
  };

  return {
    instanceId,
    runPass,
    start() {
      if (task || stopped) return;
      deps.log.info("scheduler.started", { instanceId, timezone: deps.config.schedule.timezone });
      tick("catch-up");
      // The tick only asks the database what is due, so it runs on UTC minutes: in the contract's zone the
      // repeated autumn hour made node-cron skip 60 minutes and warn « missed execution » for each. Due
      // instants are still computed in the contract's zone (src/domain/due-instants.ts).
      task = cron.schedule(options.cron ?? "* * * * *", () => tick("cron"), {
        timezone: TICK_ZONE,
        noOverlap: true,
      });
    },
    async stop() {
      stopped = true;
      await task?.destroy();
      task = undefined;
      await running?.catch(() => undefined);
      mail?.sender.close?.();
      await retaining;
    },
  };
}
