// Meetings as an iCalendar file (RFC 5545) for the participants' calendars: ical-generator writes it, the
// time zone's VTIMEZONE comes from @touch4it/ical-timezones, so that start times stay right across the
// daylight-saving change in any calendar. Each meeting keeps one UID: an update or a cancellation replaces
// the event already in the calendar instead of adding a second one.
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { meetingKindLabel } from "../domain/format.js";
import type { Meeting } from "../domain/types.js";

/** How long a meeting lasts in calendars (the schedule records its start only). */
const MEETING_HOURS = 2;

type CalendarMethod = "PUBLISH" | "REQUEST" | "CANCEL";

interface MeetingsCalendar {
  meetings: readonly Pick<Meeting, "id" | "kind" | "title" | "startsAt" | "place" | "agenda">[];
  timezone: string;
  contractTitle: string;
  /** PUBLISH: a file to import; REQUEST: an invitation or its update; CANCEL: a cancellation. */
  method: CalendarMethod;
  /** Revision of each event (0 when scheduled, +1 each time it moves or is cancelled). */
  sequence?: number;
  /** When the file is made (DTSTAMP). */
  stamp: Date;
  /** An invitation's sender and its invitee (REQUEST and CANCEL need both to be recognised by calendars). */
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
}

/** The one identifier of a meeting in every calendar, whatever its later changes. */
export const meetingUid = (meetingId: string): string => `reunion-${meetingId}@vigie.csi`;

export function meetingsIcs(c: MeetingsCalendar): string {
  const calendar = ical({
    prodId: { company: "Vigie", product: "Suivi du CSI", language: "FR" },
    name: `Réunions — ${c.contractTitle}`,
    method: ICalCalendarMethod[c.method],
    timezone: { name: c.timezone, generator: getVtimezoneComponent },
  });
  for (const m of c.meetings) {
    const kind = meetingKindLabel(m.kind, "fr");
    calendar.createEvent({
      id: meetingUid(m.id),
      sequence: c.sequence ?? 0,
      // Local wall-clock times (luxon, in the contract's zone): written as DTSTART;TZID=Europe/Paris:…
      start: DateTime.fromJSDate(m.startsAt, { zone: c.timezone }),
      end: DateTime.fromJSDate(m.startsAt, { zone: c.timezone }).plus({ hours: MEETING_HOURS }),
      timezone: c.timezone,
      summary: m.title ? `${kind} — ${m.title}` : kind,
      location: m.place ?? undefined,
      description: [c.contractTitle, m.agenda ? `Ordre du jour : ${m.agenda}` : null].filter(Boolean).join("\n"),
      status: c.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: DateTime.fromJSDate(c.stamp, { zone: "utc" }),
      ...(c.organizer ? { organizer: c.organizer } : {}),
      ...(c.attendee
        ? {
            attendees: [
              {
                name: c.attendee.name,
                email: c.attendee.email,
                rsvp: true,
                role: ICalAttendeeRole.REQ,
                status: ICalAttendeeStatus.NEEDSACTION,
              },
            ],
          }
        : {}),
    });
  }
  return calendar.toString();
}
