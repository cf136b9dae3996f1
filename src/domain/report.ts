// The COPIL report (« Rapport de suivi du CSI ») as data: what the PDF shows, section by section.
// Pure: the caller passes the figures `/csi etat` shows, the commitments, the updates in force and the meetings.
import { type OverallFigures, overallFigures, type PartyFigures } from "./dashboard.js";
import { localDateOf } from "./due-instants.js";
import { fileSlug } from "./export-csv.js";
import { isOverdue, sortByUrgency } from "./status.js";
import type {
  Commitment,
  Contract,
  Indicator,
  IndicatorValue,
  IsoDate,
  Meeting,
  MeetingKind,
  Party,
  Status,
} from "./types.js";

/** An update in force (not replaced by a correction), as the report reads it. */
export interface ReportUpdate {
  commitmentId: string;
  createdAt: Date;
  comment: string | null;
  nextStep: string | null;
  indicatorValues: IndicatorValue[];
}

interface ReportInput {
  contract: Contract;
  /** The party the report is limited to, or null for the whole contract. */
  party: string | null;
  /** Per-party figures exactly as `/csi etat` counts them (store.commitments.countByParty). */
  figures: readonly PartyFigures[];
  /** The commitments reported on (the party's when limited), any order. */
  commitments: readonly Commitment[];
  /** Updates in force of those commitments, any order. */
  updates: readonly ReportUpdate[];
  /** Meetings already held, most recent first; their decisions are listed. */
  pastMeetings: readonly Meeting[];
  /** Meetings to come, soonest first. */
  nextMeetings: readonly Meeting[];
  today: IsoDate;
  generatedAt: Date;
  timezone: string;
}

export interface ReportLine {
  ref: string;
  title: string;
  leadService: string | null;
  status: Status;
  progress: number;
  dueOn: IsoDate | null;
  overdue: boolean;
  /** The latest news in force: its date (local) and its words (comment, else next step), or null. */
  lastNews: { on: IsoDate; text: string | null } | null;
  pendingDone: boolean;
  withoutOwner: boolean;
}

export interface ReportPoint {
  on: IsoDate;
  value: number;
}

export interface ReportIndicator extends Omit<Indicator, "id"> {
  ref: string;
  commitmentTitle: string;
  /** Values recorded over time (the baseline first when dated), one per day, oldest first. */
  series: ReportPoint[];
}

export interface ReportMeeting {
  kind: MeetingKind;
  title: string | null;
  startsAt: Date;
  place: string | null;
  decisions: string[];
}

interface ReportParty extends PartyFigures {
  label: string;
  signatory: string;
}

export interface ReportData {
  contract: Pick<Contract, "ref" | "title" | "signedOn" | "endsOn">;
  signatories: Pick<Party, "label" | "signatory">[];
  /** The party label the report is limited to, or null for the whole contract. */
  scope: string | null;
  today: IsoDate;
  generatedAt: Date;
  timezone: string;
  overall: OverallFigures;
  byStatus: Record<Status, number>;
  parties: ReportParty[];
  overdue: ReportLine[];
  atRisk: ReportLine[];
  withoutOwner: ReportLine[];
  pendingDone: ReportLine[];
  /** Every commitment, grouped by party (the contract's order), by ref within a party. */
  sections: { party: string; label: string; lines: ReportLine[] }[];
  indicators: ReportIndicator[];
  pastMeetings: ReportMeeting[];
  nextMeetings: ReportMeeting[];
}

const byCreated = (a: ReportUpdate, b: ReportUpdate) => a.createdAt.getTime() - b.createdAt.getTime();

function lineOf(c: Commitment, latest: ReportUpdate | undefined, today: IsoDate, timezone: string): ReportLine {
  return {
    ref: c.ref,
    title: c.title,
    leadService: c.leadService,
    status: c.status,
    progress: c.progress,
    dueOn: c.dueOn,
    overdue: isOverdue(c, today),
    lastNews: latest
      ? { on: localDateOf(latest.createdAt, timezone), text: latest.comment ?? latest.nextStep ?? null }
      : c.lastUpdateAt
        ? { on: localDateOf(c.lastUpdateAt, timezone), text: null }
        : null,
    pendingDone: c.pending.some((p) => p.kind === "DONE"),
    withoutOwner: c.owners.length === 0,
  };
}

/** The values an indicator was given over time, one per local day (the last of the day wins). */
export function indicatorSeries(
  indicator: Commitment["indicators"][number],
  updates: readonly ReportUpdate[],
  timezone: string,
): ReportPoint[] {
  const byDay = new Map<IsoDate, number>();
  if (indicator.baseline !== null && indicator.baselineOn) byDay.set(indicator.baselineOn, indicator.baseline);
  for (const u of [...updates].sort(byCreated)) {
    const v = u.indicatorValues.find((x) => x.indicatorId === indicator.id);
    if (v && Number.isFinite(v.value)) byDay.set(localDateOf(u.createdAt, timezone), v.value);
  }
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([on, value]) => ({ on, value }));
}

const meetingOf = (m: Meeting): ReportMeeting => ({
  kind: m.kind,
  title: m.title,
  startsAt: m.startsAt,
  place: m.place,
  decisions: m.decisions.map((d) => d.text),
});

export function buildReportData(input: ReportInput): ReportData {
  const { contract, today, timezone } = input;
  const partyOf = (code: string) => contract.parties.find((p) => p.code === code);
  const figures = input.party ? input.figures.filter((f) => f.party === input.party) : input.figures;

  const updatesOf = new Map<string, ReportUpdate[]>();
  for (const u of input.updates) {
    const list = updatesOf.get(u.commitmentId) ?? [];
    list.push(u);
    updatesOf.set(u.commitmentId, list);
  }
  const commitments = [...input.commitments].sort((a, b) => a.ref.localeCompare(b.ref));
  const lines = new Map(
    commitments.map((c) => [c.id, lineOf(c, (updatesOf.get(c.id) ?? []).sort(byCreated).at(-1), today, timezone)]),
  );
  const lineFor = (c: Commitment): ReportLine => lines.get(c.id) as ReportLine;
  const select = (keep: (c: Commitment) => boolean) => sortByUrgency(commitments.filter(keep), today).map(lineFor);

  const byStatus = Object.fromEntries(
    (Object.keys(figures[0]?.byStatus ?? {}) as Status[]).map((s) => [
      s,
      figures.reduce((a, f) => a + f.byStatus[s], 0),
    ]),
  ) as Record<Status, number>;

  return {
    contract: { ref: contract.ref, title: contract.title, signedOn: contract.signedOn, endsOn: contract.endsOn },
    signatories: contract.parties.map((p) => ({ label: p.label, signatory: p.signatory })),
    scope: input.party ? (partyOf(input.party)?.label ?? input.party) : null,
    today,
    generatedAt: input.generatedAt,
    timezone,
    overall: overallFigures(figures),
    byStatus,
    parties: figures.map((f) => ({
      ...f,
      label: partyOf(f.party)?.label ?? f.party,
      signatory: partyOf(f.party)?.signatory ?? "",
    })),
    overdue: select((c) => isOverdue(c, today)),
    atRisk: select((c) => c.status === "AT_RISK"),
    withoutOwner: select((c) => c.owners.length === 0 && c.status !== "DONE" && c.status !== "DROPPED"),
    pendingDone: select((c) => c.pending.some((p) => p.kind === "DONE")),
    sections: figures
      .map((f) => ({
        party: f.party,
        label: partyOf(f.party)?.label ?? f.party,
        lines: commitments.filter((c) => c.party === f.party).map(lineFor),
      }))
      .filter((s) => s.lines.length > 0),
    indicators: commitments.flatMap((c) =>
      c.indicators.map((indicator) => {
        const { id: _id, ...fields } = indicator;
        return {
          ...fields,
          ref: c.ref,
          commitmentTitle: c.title,
          series: indicatorSeries(indicator, updatesOf.get(c.id) ?? [], timezone),
        };
      }),
    ),
    pastMeetings: input.pastMeetings.map(meetingOf),
    nextMeetings: input.nextMeetings.map(meetingOf),
  };
}

/** `rapport-csi-chambery-2026-11-23.pdf`, `rapport-csi-chambery-ville-2026-11-23.pdf`. */
export function reportFileName(contractRef: string, party: string | null, today: IsoDate): string {
  const parts = [fileSlug(contractRef) || "csi", party ? fileSlug(party) : "", today];
  return `rapport-${parts.filter(Boolean).join("-")}.pdf`;
}
