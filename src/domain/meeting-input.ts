// What a coordinator types to schedule a meeting. The date and time are read in the contract's time
// zone (Europe/Paris) and stored as a UTC instant. Pure: no Slack, no Prisma.
import { DateTime } from "luxon";
import { z } from "zod";
import { type DateWindow, withinWindow } from "./bounds.js";
import { isIsoDate } from "./calendar.js";
import type { FieldErrors, Validation } from "./commitment-input.js";
import { findPersonalData } from "./confidentiality.js";
import { type Problem, personalData, problem, problemOfIssue, type SimpleProblemCode } from "./problems.js";
import { MEETING_KINDS, type MeetingKind } from "./types.js";

const MEETING_FIELDS = [
  "meeting_kind",
  "title",
  "meeting_date",
  "meeting_time",
  "place",
  "channel",
  "attendees",
  "agenda",
] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

export const MAX_AGENDA = 3000;
const MAX_ATTENDEES = 100;

export interface MeetingFormValues {
  kind: string | null;
  title: string | null;
  date: string | null;
  time: string | null;
  place: string | null;
  channelId: string | null;
  attendees: string[];
  agenda: string | null;
}

export interface MeetingInput {
  kind: MeetingKind;
  title: string | null;
  startsAt: Date;
  place: string | null;
  channelId: string | null;
  attendees: string[];
  agenda: string | null;
}

interface MeetingFormContext {
  now: Date;
  timezone: string;
  /** The contract's years (± a margin): a meeting outside is refused. */
  dateWindow?: DateWindow;
}

type LocalInstant = { ok: true; instant: Date } | { ok: false; reason: "invalid" | "nonexistent" };

/** The instant of a wall-clock date and time in `timezone`; refuses the hour skipped when clocks go forward. */
export function localInstant(date: string, time: string, timezone: string): LocalInstant {
  if (!isIsoDate(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return { ok: false, reason: "invalid" };
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: timezone });
  if (!dt.isValid) return { ok: false, reason: "invalid" };
  // Luxon moves a non-existent time (02:30 on spring-forward day) an hour later: detect it by reading back.
  if (dt.toFormat("yyyy-LL-dd") !== date || dt.toFormat("HH:mm") !== time) return { ok: false, reason: "nonexistent" };
  return { ok: true, instant: dt.toUTC().toJSDate() };
}

// A schema's message is the code of the problem (problems.ts); a text too long says its maximum by itself.
const code = (c: SimpleProblemCode): string => c;

const optionalText = (max: number) =>
  z
    .string()
    .nullable()
    .transform((s) => (s ?? "").trim())
    .pipe(z.string().max(max))
    .transform((s) => (s === "" ? null : s));

export function validateMeetingForm(
  raw: MeetingFormValues,
  ctx: MeetingFormContext,
): Validation<MeetingInput, MeetingField> {
  const schema = z.object({
    kind: z.enum(MEETING_KINDS, { error: code("meeting-kind-missing") }),
    title: optionalText(150),
    date: z
      .string({ error: code("meeting-date-missing") })
      .refine(isIsoDate, code("date-invalid"))
      .refine((d) => !isIsoDate(d) || withinWindow(d, ctx.dateWindow), "outside"),
    time: z
      .string({ error: code("meeting-time-missing") })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, code("meeting-time-invalid")),
    place: optionalText(200),
    channelId: z
      .string()
      .regex(/^[CGD][A-Z0-9]+$/, code("channel-not-in-list"))
      .nullable(),
    attendees: z.array(z.string().regex(/^[UW][A-Z0-9]+$/, code("attendees-not-in-list"))).max(MAX_ATTENDEES),
    agenda: optionalText(MAX_AGENDA),
  });
  const fieldProblem = (field: MeetingField, issue: z.core.$ZodIssue): Problem => {
    if (field === "attendees" && issue.code === "too_big") return { code: "too-many-attendees", max: MAX_ATTENDEES };
    if (field === "meeting_date" && issue.message === "outside" && ctx.dateWindow)
      return { code: "date-outside-contract", window: ctx.dateWindow };
    return problemOfIssue(issue);
  };
  const fieldOf: Record<keyof MeetingFormValues, MeetingField> = {
    kind: "meeting_kind",
    title: "title",
    date: "meeting_date",
    time: "meeting_time",
    place: "place",
    channelId: "channel",
    attendees: "attendees",
    agenda: "agenda",
  };
  const errors: FieldErrors<MeetingField> = {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof MeetingFormValues | undefined;
      const field = key ? fieldOf[key] : undefined;
      if (field && !errors[field]) errors[field] = fieldProblem(field, issue);
    }
  }
  const freeText: [MeetingField, string | null][] = [
    ["title", raw.title],
    ["place", raw.place],
    ["agenda", raw.agenda],
  ];
  for (const [field, text] of freeText) {
    const refused = text ? personalData(findPersonalData(text)) : null;
    if (refused) errors[field] = refused;
  }
  let startsAt: Date | null = null;
  // A valid day already past is said at once, even while the time is still wrong: every error in one go.
  if (!errors.meeting_date && errors.meeting_time && raw.date && isIsoDate(raw.date)) {
    const today = DateTime.fromJSDate(ctx.now, { zone: ctx.timezone }).toFormat("yyyy-LL-dd");
    if (raw.date < today) errors.meeting_date = problem("meeting-in-past");
  }
  if (!errors.meeting_date && !errors.meeting_time && raw.date && raw.time) {
    const at = localInstant(raw.date, raw.time, ctx.timezone);
    if (!at.ok && at.reason === "nonexistent") {
      errors.meeting_time = { code: "time-skipped-by-summer-time", date: raw.date };
    } else if (!at.ok) {
      errors.meeting_time = problem("meeting-time-invalid");
    } else if (at.instant.getTime() <= ctx.now.getTime()) {
      errors.meeting_date = problem("meeting-in-past");
    } else if (at.instant.getTime() - ctx.now.getTime() > 3 * 366 * 86_400_000) {
      errors.meeting_date = problem("meeting-too-far-ahead");
    } else {
      startsAt = at.instant;
    }
  }
  if (!parsed.success || startsAt === null || Object.keys(errors).length > 0) return { ok: false, errors };
  const v = parsed.data;
  return {
    ok: true,
    value: {
      kind: v.kind,
      title: v.title,
      startsAt,
      place: v.place,
      channelId: v.channelId,
      attendees: [...new Set(v.attendees)],
      agenda: v.agenda,
    },
  };
}
