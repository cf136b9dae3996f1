// What a coordinator types to schedule a meeting. The date and time are read in the contract's time
// zone (Europe/Paris) and stored as a UTC instant. Pure: no Slack, no Prisma.
import { DateTime } from "luxon";
import { z } from "zod";
import { type DateWindow, dateWindowError, withinWindow } from "./bounds.js";
import { isIsoDate } from "./calendar.js";
import type { FieldErrors, Validation } from "./commitment-input.js";
import { confidentialityError, findPersonalData } from "./confidentiality.js";
import { tr } from "./locale.js";
import { type Locale, MEETING_KINDS, type MeetingKind } from "./types.js";

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
  locale: Locale;
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

const optionalText = (max: number, locale: Locale) =>
  z
    .string()
    .nullable()
    .transform((s) => (s ?? "").trim())
    .pipe(z.string().max(max, tr(locale, `${max} caractères au plus.`, `${max} characters at most.`)))
    .transform((s) => (s === "" ? null : s));

const pastDate = (locale: Locale) =>
  tr(
    locale,
    "Cette date est passée : une réunion se planifie dans le futur.",
    "This date is in the past: a meeting is scheduled in the future.",
  );

export function validateMeetingForm(
  raw: MeetingFormValues,
  ctx: MeetingFormContext,
): Validation<MeetingInput, MeetingField> {
  const { locale } = ctx;
  const schema = z.object({
    kind: z.enum(MEETING_KINDS, { error: tr(locale, "Choisissez le type de réunion.", "Choose the kind of meeting.") }),
    title: optionalText(150, locale),
    date: z
      .string({ error: tr(locale, "Choisissez la date.", "Choose the date.") })
      .refine(isIsoDate, tr(locale, "Date invalide.", "Invalid date."))
      .refine(
        (d) => !isIsoDate(d) || withinWindow(d, ctx.dateWindow),
        ctx.dateWindow ? dateWindowError(ctx.dateWindow, locale) : "",
      ),
    time: z
      .string({ error: tr(locale, "Choisissez l'heure.", "Choose the time.") })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, tr(locale, "Heure invalide (HH:MM).", "Invalid time (HH:MM).")),
    place: optionalText(200, locale),
    channelId: z
      .string()
      .regex(/^[CGD][A-Z0-9]+$/, tr(locale, "Choisissez un canal dans la liste.", "Pick a channel from the list."))
      .nullable(),
    attendees: z
      .array(
        z
          .string()
          .regex(
            /^[UW][A-Z0-9]+$/,
            tr(locale, "Choisissez les participants dans la liste.", "Pick the attendees from the list."),
          ),
      )
      .max(MAX_ATTENDEES, tr(locale, `${MAX_ATTENDEES} participants au plus.`, `${MAX_ATTENDEES} attendees at most.`)),
    agenda: optionalText(MAX_AGENDA, locale),
  });
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
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  const freeText: [MeetingField, string | null][] = [
    ["title", raw.title],
    ["place", raw.place],
    ["agenda", raw.agenda],
  ];
  for (const [field, text] of freeText) {
    const message = text ? confidentialityError(findPersonalData(text), locale) : null;
    if (message) errors[field] = message;
  }
  let startsAt: Date | null = null;
  // A valid day already past is said at once, even while the time is still wrong: every error in one go.
  if (!errors.meeting_date && errors.meeting_time && raw.date && isIsoDate(raw.date)) {
    const today = DateTime.fromJSDate(ctx.now, { zone: ctx.timezone }).toFormat("yyyy-LL-dd");
    if (raw.date < today) errors.meeting_date = pastDate(locale);
  }
  if (!errors.meeting_date && !errors.meeting_time && raw.date && raw.time) {
    const at = localInstant(raw.date, raw.time, ctx.timezone);
    if (!at.ok && at.reason === "nonexistent") {
      errors.meeting_time = tr(
        locale,
        `Cette heure n'existe pas le ${raw.date.split("-").reverse().join("/")} : à 2 h, les horloges passent directement à 3 h (heure d'été). Choisissez une autre heure.`,
        `This time does not exist on ${raw.date}: clocks jump from 2 am to 3 am (summer time). Choose another time.`,
      );
    } else if (!at.ok) {
      errors.meeting_time = tr(locale, "Heure invalide (HH:MM).", "Invalid time (HH:MM).");
    } else if (at.instant.getTime() <= ctx.now.getTime()) {
      errors.meeting_date = pastDate(locale);
    } else if (at.instant.getTime() - ctx.now.getTime() > 3 * 366 * 86_400_000) {
      errors.meeting_date = tr(
        locale,
        "Date trop lointaine (plus de 3 ans) : vérifiez l'année.",
        "Date too far ahead (over 3 years): check the year.",
      );
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
