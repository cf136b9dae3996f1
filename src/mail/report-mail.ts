// The e-mail that carries the COPIL report (and, when given, the meetings' .ics) to a recipient outside
// Slack: French, plain text and HTML, the figures of the report in the body.

import type { OverallFigures } from "../domain/dashboard.js";
import { formatDateLong } from "../domain/format.js";
import type { IsoDate } from "../domain/types.js";
import { CLOSING, html, htmlPage } from "./mail-html.js";
import type { OutgoingMail } from "./mail-sender.js";

interface ReportMailInput {
  key: string;
  recipient: { name: string; address: string };
  contractTitle: string;
  today: IsoDate;
  overall: OverallFigures;
  pdf: { filename: string; bytes: Buffer };
  /** The meeting the report prepares, in words (« COPIL du jeudi 17 décembre 2026 à 10 h »). */
  before?: string;
  /** Upcoming meetings as an iCalendar file, attached when given. */
  ics?: { filename: string; content: string };
}

export function reportMail(input: ReportMailInput): OutgoingMail {
  const { overall } = input;
  const when = formatDateLong(input.today, "fr");
  const figures = [
    `${overall.total} engagements suivis`,
    `${overall.averageProgress} % d'avancement moyen`,
    `${overall.done} réalisé${overall.done > 1 ? "s" : ""}`,
    `${overall.overdue} échéance${overall.overdue > 1 ? "s" : ""} dépassée${overall.overdue > 1 ? "s" : ""}`,
  ];
  const lines = [
    `Bonjour ${input.recipient.name},`,
    "",
    `Veuillez trouver ci-joint le rapport de suivi du ${input.contractTitle}, situation au ${when}${input.before ? `, en vue du ${input.before}` : ""}.`,
    "",
    ...figures.map((f) => `- ${f}`),
    "",
    input.ics ? "Les prochaines réunions sont jointes au format agenda (.ics)." : null,
    "Document de travail — diffusion restreinte aux membres du COPIL.",
    "",
    CLOSING,
  ].filter((l): l is string => l !== null);
  const body = `<p>Bonjour ${html(input.recipient.name)},</p>
<p>Veuillez trouver ci-joint le rapport de suivi du <strong>${html(input.contractTitle)}</strong>, situation au ${html(when)}${input.before ? `, en vue du ${html(input.before)}` : ""}.</p>
<ul>${figures.map((f) => `<li>${html(f)}</li>`).join("")}</ul>
${input.ics ? "<p>Les prochaines réunions sont jointes au format agenda (.ics).</p>" : ""}
<p><em>Document de travail — diffusion restreinte aux membres du COPIL.</em></p>`;
  return {
    key: input.key,
    to: [input.recipient],
    subject: input.before
      ? `Rapport de suivi du CSI — ${input.contractTitle} — en vue du ${input.before}`
      : `Rapport de suivi du CSI — ${input.contractTitle} — situation au ${when}`,
    text: lines.join("\n"),
    html: htmlPage(body),
    attachments: [
      { filename: input.pdf.filename, content: input.pdf.bytes, contentType: "application/pdf" },
      ...(input.ics
        ? [
            {
              filename: input.ics.filename,
              content: input.ics.content,
              contentType: "text/calendar; charset=utf-8; method=PUBLISH",
            },
          ]
        : []),
    ],
  };
}
