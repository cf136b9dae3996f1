// Sends e-mails through SMTP with nodemailer, or (local mode) writes each as an .eml file. The answer says
// whether a failure is temporary (SMTP 4xx, connection lost: retry later) or permanent (5xx: record it as
// failed and report it), so the caller's delivery keys decide what happens next.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { SmtpSettings } from "./smtp-settings.js";

interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType: string;
  /** Content-ID, for an image shown inside the HTML body (`<img src="cid:…">`). */
  cid?: string;
}

export interface OutgoingMail {
  to: { name: string; address: string }[];
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  /**
   * A meeting invitation, update or cancellation (iCalendar METHOD REQUEST or CANCEL): sent by nodemailer as the
   * text/calendar alternative that Outlook and Thunderbird offer to accept, and as an `invitation.ics` attachment.
   */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
  /** The delivery key: also the Message-ID's left part, so a message is recognisable in any mailbox. */
  key: string;
}

type MailResult =
  | { ok: true; messageId: string }
  /** permanent: the server refused for good (5xx); otherwise retry later. */
  | { ok: false; permanent: boolean; reason: string };

export interface MailSender {
  send(mail: OutgoingMail): Promise<MailResult>;
  /** Closes pooled connections (when the scheduler stops). */
  close?(): void;
}

/** A stable Message-ID from the delivery key (no address in it). */
export const messageIdOf = (key: string, domain = "vigie.csi"): string =>
  `<${key.replace(/[^A-Za-z0-9._-]+/g, ".")}@${domain}>`;

/** SMTP answer code of a nodemailer error, when the server gave one. */
const codeOf = (error: unknown): number | null => {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" ? code : null;
};

/** The reason kept for the record: the SMTP code and the server's words, never the recipient's address. */
function reasonOf(error: unknown, mail: OutgoingMail): string {
  const code = codeOf(error);
  let words = error instanceof Error ? error.message : String(error);
  for (const r of mail.to) words = words.split(r.address).join("<destinataire>");
  return `${code ?? "réseau"} ${words}`.slice(0, 300);
}

function message(mail: OutgoingMail, from: string) {
  return {
    from,
    to: mail.to.map((r) => ({ name: r.name, address: r.address })),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageIdOf(mail.key),
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
      ...(a.cid ? { cid: a.cid } : {}),
    })),
    ...(mail.calendar
      ? { icalEvent: { method: mail.calendar.method, filename: "invitation.ics", content: mail.calendar.content } }
      : {}),
  };
}

/**
 * `pool`: keep the SMTP connection open between messages (the scheduler's passes: a new connection cost
 * ~110 ms per message against a local server, a pooled one ~7 ms; see bench/mail-bench.ts). Closed by `close()`.
 */
export function createSmtpSender(settings: SmtpSettings, options: { pool?: boolean } = {}): MailSender {
  const transport = options.pool
    ? nodemailer.createTransport({ url: settings.url, pool: true, maxConnections: 1 })
    : nodemailer.createTransport(settings.url);
  return {
    close: () => transport.close(),
    async send(mail) {
      try {
        const info = await transport.sendMail(message(mail, settings.from));
        return { ok: true, messageId: info.messageId };
      } catch (error) {
        const code = codeOf(error);
        return { ok: false, permanent: code !== null && code >= 500, reason: reasonOf(error, mail) };
      }
    },
  };
}

/** Local mode: each e-mail as `<key>.eml` in `dir` (data/courriels/), to open in any mail program. */
export function createEmlWriter(dir: string, from = "Vigie <vigie@localhost>"): MailSender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(mail, from));
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${mail.key.replace(/[^A-Za-z0-9._-]+/g, "_")}.eml`), info.message as Buffer);
      return { ok: true, messageId: info.messageId };
    },
  };
}
