// A real SMTP server on 127.0.0.1 (the smtp-server package) for tests and benches: it keeps what it accepts and
// answers the next DATA commands with the codes queued in `answers` (250 when the queue is empty); « drop »
// closes the connection once the whole message is received, without answering (the case an SMTP client
// cannot settle: was it accepted?).
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  raw: Buffer;
}

export interface SmtpTestServer {
  url: string;
  received: ReceivedMail[];
  /** SMTP codes for the next messages: 451 (temporary), 550 (permanent)…, or « drop » (no answer at all). */
  answers: (number | "drop")[];
  /** Messages whose data began to arrive (received or not: a client may stop before the end). */
  dataStarted(): number;
  parsed(): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const answers: (number | "drop")[] = [];
  let started = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // No reverse DNS of 127.0.0.1 on each connection (it only slows the tests).
    disableReverseLookup: true,
    onData(stream, session, callback) {
      started += 1;
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const code = answers.shift() ?? 250;
        if (code === "drop") {
          // smtp-server keeps its connections (and their sockets) unexported: reached by the session's id.
          const { connections } = server as unknown as {
            connections: Set<{ session?: { id?: string }; _socket?: { destroy(): void } }>;
          };
          for (const c of connections) if (c.session?.id === session.id) c._socket?.destroy();
          return;
        }
        if (code >= 400) {
          callback(
            Object.assign(new Error(code >= 500 ? "Mailbox unavailable" : "Try again later"), { responseCode: code }),
          );
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    answers,
    dataStarted: () => started,
    parsed: () => Promise.all(received.map((r) => simpleParser(r.raw))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
