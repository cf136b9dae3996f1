// A meeting's invitation, update or cancellation to one Slack attendee (issue 12): a short message in their
// language, then the .ics in the same conversation — the same UID and SEQUENCE as the e-mails, METHOD:REQUEST
// or CANCEL. The message carries the delivery key (exactly once, as every scheduled message); the file follows
// it once recorded: a crash in between leaves a message without its file (logged), never a second message.
import type { AppDeps } from "../app/deps.js";
import { meetingsIcs } from "../documents/meetings-ics.js";
import type { ReminderRef } from "../domain/reminder-keys.js";
import type { Locale } from "../domain/types.js";
import { organizerOf } from "../mail/smtp-settings.js";
import { invitationMessage } from "../slack/views/invitation-message.js";
import type { RenderCache, Rendered } from "./render-delivery.js";

type InviteRef = Extract<ReminderRef, { kind: "invite" | "invite-cancel" }>;

export async function renderInvitation(
  deps: AppDeps,
  cache: RenderCache,
  ref: InviteRef,
  now: Date,
  locale: Locale,
): Promise<Rendered> {
  const m = await deps.store.meetings.findForMail(ref.meetingId);
  if (!m || m.startsAt <= now) return { obsolete: "meeting held or removed" };
  if (!m.attendees.includes(ref.attendeeId)) return { obsolete: "no longer an attendee" };
  if (ref.kind === "invite" && (m.cancelledAt || m.sequence !== ref.sequence))
    return { obsolete: "superseded by a later change" };
  if (ref.kind === "invite-cancel" && !m.cancelledAt) return { obsolete: "not cancelled" };
  const { timezone } = await cache.settingsOf(m.contractId);
  const contractTitle = (await cache.contract(m.contractId))?.title ?? "CSI";
  const change = ref.kind === "invite-cancel" ? "cancelled" : m.sequence > 0 ? "moved" : "scheduled";
  const method = change === "cancelled" ? "CANCEL" : "REQUEST";
  return {
    reply: invitationMessage({ meeting: m, change, timezone, locale }),
    afterSent: async () => {
      if (!cache.shareFile) return;
      // ORGANIZER: CSI_ORGANIZER_EMAIL or SMTP_FROM's address, named after the contract; ATTENDEE: the person,
      // with the address Slack gives (users:read.email) — calendars then file the update and the cancellation
      // against the event already there.
      const { organizerEmail, smtp } = deps.config.mail;
      const email = organizerEmail ?? (smtp ? organizerOf(smtp.from).email : null);
      const contact = await cache.contactOf?.(ref.attendeeId);
      const ics = meetingsIcs({
        meetings: [m],
        timezone,
        contractTitle,
        method,
        sequence: m.sequence,
        stamp: now,
        ...(email ? { organizer: { name: contractTitle, email } } : {}),
        ...(contact?.email ? { attendee: { name: contact.name ?? contact.email, email: contact.email } } : {}),
      });
      try {
        await cache.shareFile({
          userId: ref.attendeeId,
          filename: change === "cancelled" ? "annulation.ics" : "invitation.ics",
          title: change === "cancelled" ? "Annulation de réunion" : "Invitation à la réunion",
          content: ics,
        });
      } catch (error) {
        deps.log.warn("invitation.file_failed", {
          meetingId: m.id,
          attendeeId: ref.attendeeId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
  };
}
