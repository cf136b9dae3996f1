import { describe, expect, it } from "vitest";
import { contractSeenBy, type Installation, isServed, teamsSeenBy } from "../../src/domain/tenancy.js";

const workspace: Installation = { teamId: "T0TEST", enterpriseId: null, appId: "A0VIGIE", enterpriseInstall: false };
const gridWorkspace: Installation = { ...workspace, enterpriseId: "E0GRID" };
const org: Installation = { teamId: null, enterpriseId: "E0GRID", appId: "A0VIGIE", enterpriseInstall: true };
const from = (teamId: string | null, appId: string | null = "A0VIGIE", enterpriseId: string | null = null) => ({
  teamId,
  enterpriseId,
  appId,
});

describe("isServed: the installed workspace and app only", () => {
  it.each([
    ["the installed team and app", [workspace], from("T0TEST"), true],
    ["another team", [workspace], from("T0EVIL"), false],
    ["no team at all", [workspace], from(null), false],
    ["another app of the same team", [workspace], from("T0TEST", "A0EVIL"), false],
    ["no app id", [workspace], from("T0TEST", null), false],
    ["the team inside another Grid organisation", [workspace], from("T0TEST", "A0VIGIE", "E0EVIL"), false],
    ["a Grid workspace, its organisation named", [gridWorkspace], from("T0TEST", "A0VIGIE", "E0GRID"), true],
    ["a Grid workspace, another organisation", [gridWorkspace], from("T0TEST", "A0VIGIE", "E0EVIL"), false],
    ["an organisation-wide install: any of its teams", [org], from("T0OTHER", "A0VIGIE", "E0GRID"), true],
    ["an organisation-wide install: another organisation", [org], from("T0OTHER", "A0VIGIE", "E0EVIL"), false],
    ["nothing installed (Slack unreachable at start)", [], from("T0TEST"), false],
    ["an installation whose app is unknown", [{ ...workspace, appId: null }], from("T0TEST", null), false],
  ] as const)("%s", (_what, installations, origin, expected) => {
    expect(isServed(installations, origin)).toBe(expected);
  });
});

describe("contractSeenBy: which workspace a contract belongs to", () => {
  it("a contract of a workspace is seen from that workspace only", () => {
    expect(contractSeenBy("T0NANTES", "T0NANTES", null)).toBe(true);
    expect(contractSeenBy("T0NANTES", "T0DIJON", null)).toBe(false);
    expect(contractSeenBy("T0NANTES", null, "any")).toBe(false);
  });
  it("a contract recorded without one: the single installation's (any served), else the named home, else nobody's", () => {
    expect(contractSeenBy(null, "T0TEST", "any")).toBe(true);
    expect(contractSeenBy(null, "T0HOME", "T0HOME")).toBe(true);
    expect(contractSeenBy(null, "T0NANTES", "T0HOME")).toBe(false);
    expect(contractSeenBy(null, "T0NANTES", null)).toBe(false);
  });
});

describe("teamsSeenBy: contractSeenBy as a filter a query carries", () => {
  it("sees exactly the contracts contractSeenBy sees", () => {
    const homes = ["any", null, "T0HOME"] as const;
    const teams = ["T0HOME", "T0NANTES", null];
    for (const home of homes)
      for (const request of teams) {
        const seen = teamsSeenBy(request, home);
        for (const contract of [...teams, "T0DIJON"]) {
          const byFilter = contract === null ? seen.withoutTeam : seen.teamIds.includes(contract);
          expect(byFilter, `${home} ${request} ${contract}`).toBe(contractSeenBy(contract, request, home));
        }
      }
  });
});
