import { describe, expect, it } from "vitest";
import {
  commitmentSaved,
  coordinatorsOnly,
  decisionsRecorded,
  lastCoordinator,
  meetingScheduled,
  roleAssigned,
  roleUsage,
} from "../../../src/slack/views/admin-messages.js";
import { makeCommitment, makeMeeting } from "../../support/fixtures.js";

describe("coordinators' messages", () => {
  it("refuses politely, naming the coordinators", () => {
    expect(coordinatorsOnly("fr", ["U0C1", "U0C2"]).text).toBe(
      ":lock: Cette action est réservée aux coordonnateurs du contrat. Vous pouvez vous adresser à <@U0C1>, <@U0C2>.",
    );
    expect(coordinatorsOnly("en", []).text).toContain("no coordinator has been named yet");
  });
  it("confirms a commitment, saying which indicators were kept", () => {
    const c = makeCommitment({ ref: "VILLE-09", party: "VILLE", title: "Vidéo <b>", owners: ["U1"] });
    expect(commitmentSaved("fr", c, "create").text).toContain("Engagement VILLE-09 créé : Vidéo &lt;b&gt;");
    expect(commitmentSaved("fr", c, "edit", ["Caméras"]).text).toContain("Conservé car déjà mesuré : « Caméras »");
  });
  it("confirms meetings, decisions and roles", () => {
    expect(meetingScheduled("fr", makeMeeting(1), "Europe/Paris").text).toContain(
      "Comité de pilotage — Point d'étape sur les engagements\nmercredi 2 décembre 2026 à 14 h 30",
    );
    expect(
      decisionsRecorded(
        "fr",
        3,
        [
          { ref: "ETAT-08", title: "x" },
          { ref: "ETAT-08", title: "z", dueOn: "2027-03-15" },
        ],
        [{ ref: "VILLE-10", title: "y" }],
      ).text,
    ).toBe(
      ":memo: 3 décisions enregistrées.\n• Jalon ajouté à ETAT-08 : x (sans date : ses pilotes ou la coordination peuvent la fixer depuis la fiche)\n• Jalon ajouté à ETAT-08 : z, prévu le lundi 15 mars 2027\n• Nouvel engagement VILLE-10 : y — à compléter (pilotes, échéance) : il figure sur l'Accueil des coordonnateurs et dans `/csi liste a-completer`",
    );
    expect(roleAssigned("fr", "U1", "MEMBER", "READER").text).toBe(
      ":white_check_mark: <@U1> est désormais membre du comité (auparavant lecteur).",
    );
    expect(roleUsage("en", "no_role").text).toContain("coordinator, member or reader");
    expect(lastCoordinator("fr").text).toContain("dernier coordonnateur");
  });
});
