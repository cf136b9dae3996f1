// A process that dies while sending an e-mail: the whole message written, its end not yet (the instant the mail
// pass records « handed to SMTP »), it kills itself with SIGKILL, as a crash would. Run by the mail-sender test:
//   node --import tsx test/support/crash-before-end.ts smtp://127.0.0.1:PORT
import { createSmtpSender } from "../../src/mail/mail-sender.js";

const sender = createSmtpSender({ url: process.argv[2] ?? "", from: "Vigie <vigie@chambery.example>" });
await sender.send(
  {
    key: "mail-digest:2026-W49:crash",
    to: [{ name: "Claire Dupont", address: "claire.dupont@savoie.gouv.example" }],
    subject: "Point hebdomadaire",
    text: "Bonjour,\n".repeat(2000),
    html: "<p>Bonjour,</p>",
    attachments: [],
  },
  async () => {
    process.kill(process.pid, "SIGKILL");
    return true;
  },
);
