import type { KnownBlock } from "@slack/types";
import { overallFigures, type PartyFigures } from "../../domain/dashboard.js";
import { localDateOf } from "../../domain/due-instants.js";
import {
  formatDateLong,
  formatDuration,
  formatInstant,
  formatRelativeDays,
  meetingKindLabel,
  progressBar,
  statusEmoji,
  statusLabel,
} from "../../domain/format.js";
import type { RequestKind } from "../../domain/requests.js";
import { daysUntil } from "../../domain/status.js";
import {
  type Contract,
  type IsoDate,
  type Locale,
  type Meeting,
  type MeetingKind,
  STATUSES,
} from "../../domain/types.js";
import { context, divider, header, plain, section } from "./blocks.js";
import { countText } from "./list-blocks.js";
import { tr } from "./locale.js";
import { footerBlocks, type Nav } from "./pagination.js";
import type { Reply } from "./reply.js";

/** Per party counts, as the store gives them. */
export type PartyStatus = PartyFigures;

interface ContractStatusInput {
  contract: Contract;
  parties: readonly PartyStatus[];
  /** The next meeting of each kind shown (GLTD, COPIL), null when none is planned. */
  nextMeetings: readonly { kind: MeetingKind; meeting: Meeting | null }[];
  /** Requests (« Réalisé », a new due date) no coordinator has decided yet, oldest first. */
  pending?: readonly { ref: string; kind: RequestKind }[];
  today: IsoDate;
  timezone: string;
  nav: Nav;
}

/** Pending requests named at most in `/csi etat` (the rest counted). */
const MAX_PENDING_NAMED = 10;

/** « ⏳ 2 demandes en attente de validation : PARQUET-01 (Réalisé), VILLE-02 (nouvelle échéance) ». */
function pendingText(pending: readonly { ref: string; kind: RequestKind }[], locale: Locale): string {
  const n = pending.length;
  const named = pending
    .slice(0, MAX_PENDING_NAMED)
    .map(
      (p) =>
        `${plain(p.ref, 40)} (${p.kind === "DONE" ? tr(locale, "Réalisé", "Done") : tr(locale, "nouvelle échéance", "new due date")})`,
    );
  const more = n - named.length;
  const rest = more > 0 ? tr(locale, ` et ${more} autre${more > 1 ? "s" : ""}`, ` and ${more} more`) : "";
  return tr(
    locale,
    `:hourglass: *${n} demande${n > 1 ? "s" : ""} en attente de validation* par un coordonnateur : ${named.join(", ")}${rest}`,
    `:hourglass: *${n} request${n > 1 ? "s" : ""} awaiting a coordinator's sign-off*: ${named.join(", ")}${rest}`,
  );
}

/** Parties shown at most (a contract has 3; imported data could have more). */
const MAX_PARTIES = 30;

const overdueText = (n: number, locale: Locale): string =>
  n === 0
    ? tr(locale, "aucune échéance dépassée", "nothing overdue")
    : tr(
        locale,
        `:warning: *${n} échéance${n > 1 ? "s" : ""} dépassée${n > 1 ? "s" : ""}*`,
        `:warning: *${n} overdue*`,
      );

function partyText(p: PartyStatus, label: string, signatory: string, locale: Locale): string {
  const sep = locale === "fr" ? " : " : ": ";
  const counts = STATUSES.filter((s) => p.byStatus[s] > 0).map(
    (s) => `${statusEmoji(s)} ${statusLabel(s, locale)}${sep}${p.byStatus[s]}`,
  );
  return [
    `*${plain(label, 200)}*${signatory ? ` — ${plain(signatory, 200)}` : ""}`,
    `${progressBar(p.averageProgress, 10, locale)} · ${countText(p.total, locale)} · ${overdueText(p.overdue, locale)}`,
    counts.join(" · ") || tr(locale, "aucun engagement", "no commitments"),
  ].join("\n");
}

function contractEnd(contract: Contract, today: IsoDate, locale: Locale): string {
  const end = formatDateLong(contract.endsOn, locale);
  const days = daysUntil(today, contract.endsOn);
  if (days < 0) return tr(locale, `Le contrat a pris fin le ${end}.`, `The contract ended on ${end}.`);
  if (days === 0) return tr(locale, `Le contrat prend fin aujourd'hui, ${end}.`, `The contract ends today, ${end}.`);
  const left = formatDuration(today, contract.endsOn, locale);
  return tr(locale, `Fin du contrat le ${end} : il reste *${left}*.`, `The contract ends on ${end}: *${left}* left.`);
}

/** `/csi etat`: the whole contract at a glance. At most 2 + 2 + 30 + 3 blocks. */
export function contractStatusReply(input: ContractStatusInput): Reply {
  const { contract, today, nav } = input;
  const locale = nav.locale;
  const { total, overdue, done, averageProgress: avg } = overallFigures(input.parties);

  const blocks: KnownBlock[] = [
    header(contract.title),
    context(
      tr(locale, `Situation au ${formatDateLong(today, locale)}`, `As of ${formatDateLong(today, locale)}`),
      contractEnd(contract, today, locale),
    ),
    section(
      [
        tr(
          locale,
          `*Ensemble du contrat* : ${countText(total, locale)}, dont ${done} réalisé${done > 1 ? "s" : ""}`,
          `*Whole contract*: ${countText(total, locale)}, ${done} done`,
        ),
        `${progressBar(avg, 20, locale)} ${tr(locale, "d'avancement moyen", "average progress")} · ${overdueText(overdue, locale)}`,
      ].join("\n"),
    ),
  ];
  if (input.pending?.length) blocks.push(section(pendingText(input.pending, locale)));
  blocks.push(divider());
  for (const p of input.parties.slice(0, MAX_PARTIES)) {
    const party = contract.parties.find((x) => x.code === p.party);
    blocks.push(section(partyText(p, party?.label ?? p.party, party?.signatory ?? "", locale)));
  }
  const meetingLines = input.nextMeetings.map(({ kind, meeting }) => {
    const label = `*${meetingKindLabel(kind, locale, "short")}*`;
    if (!meeting) return tr(locale, `${label} : aucune réunion planifiée`, `${label}: none scheduled`);
    const days = daysUntil(today, localDateOf(meeting.startsAt, input.timezone));
    const when = formatInstant(meeting.startsAt, input.timezone, locale);
    const place = meeting.place ? ` — ${plain(meeting.place, 150)}` : "";
    return `${label}${locale === "fr" ? " : " : ": "}${when} (${formatRelativeDays(days, locale)})${place}`;
  });
  if (meetingLines.length) {
    blocks.push(
      divider(),
      section(`*${tr(locale, "Prochaines réunions", "Next meetings")}*\n${meetingLines.join("\n")}`),
    );
  }
  blocks.push(...footerBlocks(nav));
  return {
    text: tr(
      locale,
      `État du contrat : ${countText(total, locale)}, ${overdue} en retard`,
      `Contract status: ${countText(total, locale)}, ${overdue} overdue`,
    ),
    blocks,
  };
}
