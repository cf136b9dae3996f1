// Sends e-mails through SMTP with nodemailer, or (local mode) writes each as an .eml file. The answer says
// whether a failure is temporary (SMTP 4xx, connection lost: retry later) or permanent (5xx: record it as
// failed and report it), so the caller's delivery keys decide what happens next.
//
// The hand-over: an SMTP server delivers nothing before the end of the message data (the final « . »;
// RFC 5321 §4.1.1.4: a transaction cut before it is dropped). The message is therefore streamed to nodemailer
// and its end held back until `beforeEnd` has answered (the caller records « handed to SMTP » there): a crash
// before that point can be sent again safely; only the instant between the final « . » and the server's answer
// stays uncertain, which no SMTP client can close (RFC 1047).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { organizerOf, type SmtpSettings } from "./smtp-settings.js";

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
  /**
   * permanent: the server refused for good (5xx); otherwise retry later. code: the server's SMTP code, null when
   * the connection failed without one. heldBack: `beforeEnd` said no, the message was never completed.
   */
  | { ok: false; permanent: boolean; reason: string; code: number | null; heldBack?: true };

/** Called once the whole message is written, before its end: false (or a rejection) cancels the transfer. */
type BeforeEnd = () => Promise<boolean>;

export interface MailSender {
  send(mail: OutgoingMail, beforeEnd?: BeforeEnd): Promise<MailResult>;
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
 *
 * nodemailer composes the message (MailComposer) and speaks SMTP (its SMTPConnection, STARTTLS and login as
 * SMTP_URL says); the transport object is not used because its pipeline reads a message ahead of the DATA
 * command, which would ask `beforeEnd` before the server has seen a byte.
 */
export function createSmtpSender(settings: SmtpSettings, options: { pool?: boolean } = {}): MailSender {
  const { auth, ...connection } = parseConnectionUrl(settings.url);
  const envelopeFrom = organizerOf(settings.from).email;
  let open: Promise<SMTPConnection> | null = null;

  const connect = async (): Promise<SMTPConnection> => {
    const c = new SMTPConnection(connection);
    await new Promise<void>((resolve, reject) => {
      c.once("error", reject);
      c.connect(() => {
        c.removeListener("error", reject);
        resolve();
      });
    });
    if (auth?.user) await new Promise<void>((resolve, reject) => c.login(auth, (e) => (e ? reject(e) : resolve())));
    return c;
  };
  const connectionFor = (): Promise<SMTPConnection> => {
    if (!options.pool) return connect();
    if (!open) {
      const opening = connect();
      open = opening;
      opening.then(
        (c) => {
          c.on("error", () => undefined); // an idle connection that fails is dropped, opened again when needed
          c.once("end", () => {
            if (open === opening) open = null;
          });
        },
        () => {
          if (open === opening) open = null;
        },
      );
    }
    return open;
  };
  const drop = (c: SMTPConnection | null) => {
    if (open && c) open = null;
    c?.close();
  };

  return {
    close: () => {
      void open?.then((c) => c.quit()).catch(() => undefined);
      open = null;
    },
    async send(mail, beforeEnd) {
      const gate = { heldBack: false };
      let c: SMTPConnection | null = null;
      try {
        const bytes = await new MailComposer(message(mail, settings.from)).compile().build();
        c = await connectionFor();
        const sending = c;
        await new Promise<void>((resolve, reject) => {
          // A connection lost mid-way is told by an « error » or « end » event, not by send's callback.
          const lost = (e?: unknown) =>
            reject(e instanceof Error ? e : Object.assign(new Error("connexion fermée"), { code: "ECONNECTION" }));
          const settle = (e: Error | null) => {
            sending.removeListener("error", lost);
            sending.removeListener("end", lost);
            if (e) reject(e);
            else resolve();
          };
          sending.once("error", lost);
          sending.once("end", lost);
          sending.send(
            { from: envelopeFrom, to: mail.to.map((r) => r.address) },
            endHeldBack(bytes, beforeEnd, gate),
            settle,
          );
        });
        if (!options.pool) c.quit();
        return { ok: true, messageId: messageIdOf(mail.key) };
      } catch (error) {
        // After any failure the conversation's state is unknown: this connection is not used again.
        drop(c);
        const code = codeOf(error);
        return {
          ok: false,
          permanent: code !== null && code >= 500,
          reason: gate.heldBack ? "envoi annulé avant la fin du message" : reasonOf(error, mail),
          code,
          ...(gate.heldBack ? { heldBack: true as const } : {}),
        };
      }
    },
  };
}

/** The message's bytes as a stream whose end waits for `beforeEnd` (none: ends at once); a « no » breaks it. */
function endHeldBack(bytes: Buffer, beforeEnd: BeforeEnd | undefined, gate: { heldBack: boolean }): Readable {
  let step: "data" | "end" | "asked" = "data";
  return new Readable({
    read() {
      if (step === "data") {
        step = "end";
        this.push(bytes);
        return;
      }
      if (step !== "end") return;
      step = "asked";
      if (!beforeEnd) {
        this.push(null);
        return;
      }
      beforeEnd().then(
        (go) => {
          if (go) this.push(null);
          else {
            gate.heldBack = true;
            this.destroy(new Error("hand-over refused"));
          }
        },
        (error: unknown) => {
          gate.heldBack = true;
          this.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
  });
}

/** Local mode: each e-mail as `<key>.eml` in `dir` (data/courriels/), to open in any mail program. */
export function createEmlWriter(dir: string, from = "Vigie <vigie@localhost>"): MailSender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail, beforeEnd) {
      const info = await transport.sendMail(message(mail, from));
      if (beforeEnd && !(await beforeEnd()))
        return { ok: false, permanent: false, reason: "envoi annulé avant l'écriture", code: null, heldBack: true };
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${mail.key.replace(/[^A-Za-z0-9._-]+/g, "_")}.eml`), info.message as Buffer);
      return { ok: true, messageId: info.messageId };
    },
  };
}
