// What happened to a commitment's sheet besides progress updates — creation, coordinators' edits, DONE
// confirmed or refused, milestones from meetings — read from the audit trail, for `/csi historique`.
// Follows are left out: they say who reads, not what the commitment became.
import { type AuditEntry, isStatus, type Status } from "./types.js";

/** The fields of the sheet a coordinator's edit can change, in the order the history lists them. */
const EDITABLE_FIELDS = [
  "ref",
  "party",
  "title",
  "description",
  "leadService",
  "owners",
  "dueOn",
  "indicators",
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export type FieldValue = string | null | readonly string[];

export interface FieldChange {
  field: EditableField;
  before: FieldValue;
  after: FieldValue;
}

interface EventBase {
  at: Date;
  actorId: string;
}

export type CommitmentEvent =
  | (EventBase & { kind: "created"; via: "form" | "meeting" | "import" })
  | (EventBase & { kind: "edited"; changes: FieldChange[]; keptIndicators: string[] })
  | (EventBase & { kind: "done_confirmed"; requestedBy: string | null })
  | (EventBase & {
      kind: "done_rejected";
      requestedBy: string | null;
      statusKept: Status | null;
      progressKept: number | null;
      reason: string | null;
    })
  | (EventBase & { kind: "due_date_requested"; from: string | null; to: string | null; reason: string | null })
  | (EventBase & { kind: "due_date_confirmed"; requestedBy: string | null; from: string | null; to: string | null })
  | (EventBase & { kind: "due_date_refused"; requestedBy: string | null; reason: string | null })
  | (EventBase & { kind: "milestone_added"; title: string; fromMeeting: boolean; dueOn: string | null })
  | (EventBase & { kind: "milestone_done"; title: string })
  | (EventBase & { kind: "milestone_dated"; title: string; from: string | null; to: string | null });

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const status = (v: unknown): Status | null => (isStatus(v) ? v : null);

const figure = (v: unknown): string | null =>
  typeof v === "number" || (typeof v === "string" && v !== "") ? String(v) : null;

/** An indicator as one readable line, the same in both languages: « Caméras installées (caméras) 0 → 10 ». */
function indicatorLine(v: unknown): string {
  const i = record(v);
  const unit = text(i.unit) ? ` (${String(i.unit)})` : "";
  const [baseline, target] = [figure(i.baseline), figure(i.target)];
  const range =
    baseline === null && target === null ? "" : ` ${baseline ?? ""}${baseline === null ? "" : " "}→ ${target ?? "?"}`;
  return `${text(i.label) ?? "?"}${unit}${range}`;
}

function fieldValue(field: EditableField, snapshot: Record<string, unknown>): FieldValue {
  const v = snapshot[field];
  if (field === "owners") return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  if (field === "indicators") return Array.isArray(v) ? v.map(indicatorLine) : [];
  return text(v);
}

const same = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between two snapshots of the sheet (as the audit trail keeps them). */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  return EDITABLE_FIELDS.flatMap((field) => {
    const b = fieldValue(field, before);
    const a = fieldValue(field, after);
    return same(a, b) ? [] : [{ field, before: b, after: a }];
  });
}

/** The audit entries of one commitment as events of its history, oldest first; other entries are left out. */
export function commitmentEventsFrom(entries: readonly AuditEntry[]): CommitmentEvent[] {
  const events: CommitmentEvent[] = [];
  for (const e of entries) {
    const d = record(e.details);
    const base = { at: e.at, actorId: e.actorId };
    switch (e.action) {
      case "commitment.create":
        events.push({
          ...base,
          kind: "created",
          via: typeof d.meetingId === "string" ? "meeting" : d.imported === true ? "import" : "form",
        });
        break;
      case "commitment.edit": {
        const changes = fieldChanges(record(d.before), record(d.after));
        const keptIndicators = Array.isArray(d.keptIndicators)
          ? d.keptIndicators.filter((x): x is string => typeof x === "string")
          : [];
        // An edit saved without any change is not worth a line.
        if (changes.length || keptIndicators.length) events.push({ ...base, kind: "edited", changes, keptIndicators });
        break;
      }
      case "commitment.done_confirmed":
        events.push({ ...base, kind: "done_confirmed", requestedBy: text(d.requestedBy) });
        break;
      case "commitment.done_rejected": {
        // Older entries kept the status as `to`; newer ones keep { status, progress }.
        const to = record(d.to);
        events.push({
          ...base,
          kind: "done_rejected",
          requestedBy: text(d.requestedBy),
          statusKept: status(d.to) ?? status(to.status),
          progressKept: typeof to.progress === "number" ? to.progress : null,
          reason: text(d.reason),
        });
        break;
      }
      case "commitment.due_date_requested":
        events.push({
          ...base,
          kind: "due_date_requested",
          from: text(d.dueOnFrom),
          to: text(d.dueOnTo),
          reason: text(d.reason),
        });
        break;
      case "commitment.due_date_confirmed":
        events.push({
          ...base,
          kind: "due_date_confirmed",
          requestedBy: text(d.requestedBy),
          from: text(d.dueOnFrom),
          to: text(d.dueOnTo),
        });
        break;
      case "commitment.due_date_refused":
        events.push({ ...base, kind: "due_date_refused", requestedBy: text(d.requestedBy), reason: text(d.reason) });
        break;
      case "milestone.done":
        events.push({ ...base, kind: "milestone_done", title: text(d.title) ?? "?" });
        break;
      case "milestone.date":
        events.push({
          ...base,
          kind: "milestone_dated",
          title: text(d.title) ?? "?",
          from: text(d.from),
          to: text(d.to),
        });
        break;
      case "milestone.create":
        events.push({
          ...base,
          kind: "milestone_added",
          title: text(d.title) ?? "?",
          fromMeeting: typeof d.meetingId === "string",
          dueOn: text(d.dueOn),
        });
        break;
    }
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
