import { describe, expect, it } from "vitest";
import type { JournalEntry } from "../../../src/domain/journal.js";
import { journalLine } from "../../../src/slack/views/journal-blocks.js";

const entry = (
  action: string,
  entity: string,
  details: Record<string, unknown>,
  ref: string | null = null,
): JournalEntry => ({
  id: "1",
  at: new Date("2026-11-23T09:00:00Z"),
  actorId: "U0COORD01",
  action,
  entity,
  entityId: "x",
  details,
  ref,
});
const line = (e: JournalEntry) => journalLine(e, "Europe/Paris", "fr");

describe("journal lines in plain French", () => {
  it("says meetings moved and cancelled, e-mail recipients, an uninstall, with dates in words", () => {
    expect(
      line(entry("meeting.reschedule", "meeting", { from: "2026-12-07T13:30:00Z", to: "2026-12-08T09:00:00Z" })),
    ).toBe(
      "*lundi 23 novembre 2026 à 10 h* — :calendar: <@U0COORD01> a déplacé une réunion du lundi 7 décembre 2026 à 14 h 30 au mardi 8 décembre 2026 à 10 h",
    );
    expect(line(entry("meeting.cancel", "meeting", { kind: "COPIL", startsAt: "2026-12-07T13:30:00Z" }))).toContain(
      "a annulé la réunion (Comité de pilotage) du lundi 7 décembre 2026 à 14 h 30",
    );
    expect(
      line(
        entry("recipient.add", "mail_recipient", {
          name: "Cabinet du préfet",
          organisation: "Préfecture",
          address: "cab@savoie.gouv.fr",
        }),
      ),
    ).toContain("a ajouté Cabinet du préfet (Préfecture) aux destinataires par courriel");
    expect(line(entry("installation.revoke", "installation", {}))).toContain(
      "Vigie a été retiré de l'espace de travail",
    );
  });

  it("says a milestone ticked off and dated with the commitment's ref, and lists an unknown kind by its name", () => {
    expect(line(entry("milestone.done", "commitment", { title: "Bilan" }, "ETAT-08"))).toContain(
      "*ETAT-08* · :white_check_mark: <@U0COORD01> a marqué le jalon « Bilan » comme franchi",
    );
    expect(
      line(entry("milestone.date", "commitment", { title: "Bilan", from: null, to: "2027-03-15" }, "ETAT-08")),
    ).toContain("a daté le jalon « Bilan » : sans date → lundi 15 mars 2027");
    expect(line(entry("absence.set", "user", {}))).toContain("action « absence.set » (user)");
  });
});
