// The weekly digest by e-mail, for signatories outside Slack: the same data as the coordinators' Slack digest
// (use-cases/build-digest.ts), in French plain text and HTML, with the per-party progress chart attached (PNG,
// shown inline by mail programs that display images). No Slack user ids: people outside Slack could not read them.
import type { Digest, DigestCommitment } from "../domain/digest.js";
import { formatDateLong, formatInstant, meetingKindLabel, shownStatus } from "../domain/format.js";
import { CLOSING, html, htmlPage } from "./mail-html.js";
import type { OutgoingMail } from "./mail-sender.js";

interface DigestMailInput {
  key: string;
  recipient: { name: string; address: string };
  contractTitle: string;
  digest: Digest;
  timezone: string;
  /** The per-party progress chart; the e-mail goes without it when it could not be drawn. */
  chartPng?: Buffer | null;
}

/** Items listed per section; the rest is counted (« … et 12 autres »). */
const TOP = 10;

const commitmentLine = (c: DigestCommitment): string =>
  `${c.ref} — ${c.title} (${shownStatus(c, "fr").label}, ${c.progress} %${c.dueOn ? `, échéance le ${formatDateLong(c.dueOn, "fr")}` : ""})`;

const section = (title: string, items: readonly string[]): { title: string; items: string[] } | null =>
  items.length === 0
    ? null
    : {
        title: `${title} (${items.length})`,
        items: [
          ...items.slice(0, TOP),
          ...(items.length > TOP ? [`… et ${items.length - TOP} autre${items.length - TOP > 1 ? "s" : ""}`] : []),
        ],
      };

export function digestMail(input: DigestMailInput): OutgoingMail {
  const { digest: d, timezone } = input;
  const when = formatDateLong(d.today, "fr");
  const progress = d.parties.map(
    (p) =>
      `${p.label} : ${p.meanProgress} % d'avancement moyen, ${p.total} engagement${p.total > 1 ? "s" : ""}, ${p.done} réalisé${p.done > 1 ? "s" : ""}, ${p.overdue} échéance${p.overdue > 1 ? "s" : ""} dépassée${p.overdue > 1 ? "s" : ""}`,
  );
  const sections = [
    section("Avancement par partie", progress),
    section(
      "Ce qui a changé depuis le dernier point",
      d.changes.map(
        (ch) =>
          `${ch.commitment.ref} — ${ch.commitment.title}${ch.before && ch.after ? ` : ${ch.before.progress} % → ${ch.after.progress} %` : ""}`,
      ),
    ),
    section("Échéances dépassées", d.overdue.map(commitmentLine)),
    section("Points de vigilance", d.atRisk.map(commitmentLine)),
    section("Échéances des deux prochaines semaines", d.dueSoon.map(commitmentLine)),
    section(
      "Réunions des deux prochaines semaines",
      d.meetingsSoon.map(
        (m) =>
          `${meetingKindLabel(m.kind, "fr")}${m.title ? ` — ${m.title}` : ""} : ${formatInstant(m.startsAt, timezone, "fr")}${m.place ? `, ${m.place}` : ""}`,
      ),
    ),
    section("Engagements sans pilote désigné", d.ownerless.map(commitmentLine)),
  ].filter((s): s is { title: string; items: string[] } => s !== null);
  const intro = `Voici le point hebdomadaire du ${input.contractTitle}, situation au ${when}.`;
  const text = [
    `Bonjour ${input.recipient.name},`,
    "",
    intro,
    "",
    ...sections.flatMap((s) => [s.title, ...s.items.map((i) => `- ${i}`), ""]),
    "Document de travail — diffusion restreinte aux membres du COPIL.",
    "",
    CLOSING,
  ].join("\n");
  const chart = input.chartPng
    ? '<p><img src="cid:avancement@vigie" alt="Avancement moyen par partie" style="max-width:100%"></p>'
    : "";
  const body = `<p>Bonjour ${html(input.recipient.name)},</p>
<p>${html(intro)}</p>${chart}
${sections.map((s) => `<h3 style="font-size:15px;margin:16px 0 4px">${html(s.title)}</h3><ul>${s.items.map((i) => `<li>${html(i)}</li>`).join("")}</ul>`).join("\n")}
<p><em>Document de travail — diffusion restreinte aux membres du COPIL.</em></p>`;
  return {
    key: input.key,
    to: [input.recipient],
    subject: `Point hebdomadaire du CSI — ${input.contractTitle} — ${when}`,
    text,
    html: htmlPage(body),
    attachments: input.chartPng
      ? [{ filename: "avancement.png", content: input.chartPng, contentType: "image/png", cid: "avancement@vigie" }]
      : [],
  };
}
