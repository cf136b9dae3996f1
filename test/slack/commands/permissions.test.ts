import { describe, expect, it } from "vitest";
import { refusalOf } from "../../../src/domain/permissions.js";
import type { Role } from "../../../src/domain/types.js";
import { SUBCOMMANDS, type SubcommandName } from "../../../src/slack/commands/parse.js";
import { PERMISSIONS } from "../../../src/slack/commands/permissions.js";

const names = Object.keys(SUBCOMMANDS) as SubcommandName[];
const refusals = (role: Role | null, access: "workspace" | "members") =>
  Object.fromEntries(names.map((n) => [n, refusalOf(PERMISSIONS[n], role, access)]));

describe("who may run each /csi sub-command", () => {
  it("lets a coordinator run every sub-command", () => {
    for (const access of ["workspace", "members"] as const)
      expect(Object.values(refusals("COORDINATOR", access)).every((r) => r === null)).toBe(true);
  });

  it("refuses the coordinators' sub-commands to others, saying whether they read or change the contract", () => {
    expect(refusals("MEMBER", "workspace")).toEqual({
      help: null,
      status: null,
      list: null,
      show: null,
      mine: null,
      overdue: null,
      due: null,
      meetings: null,
      search: null,
      history: null,
      update: null,
      digest: "coordinators-read",
      export: "coordinators-read",
      new: "changes-contract",
      meeting: "changes-contract",
      role: "changes-contract",
      import: "changes-contract",
      report: null,
      contract: null,
      journal: "coordinators-read",
      recipients: "changes-contract",
      absence: null,
    });
  });

  it("lets anyone, with or without a role, declare their own absence", () => {
    for (const role of ["MEMBER", "READER", null] as const)
      for (const access of ["workspace", "members"] as const) expect(refusals(role, access).absence).toBeNull();
  });

  it("gives the COPIL report to committee members and coordinators only, even when the workspace may read", () => {
    expect(refusals("READER", "workspace").report).toBe("read-access");
    expect(refusals(null, "workspace").report).toBe("read-access");
    expect(refusals("MEMBER", "members").report).toBeNull();
  });

  it("with CSI_READ_ACCESS=members, refuses reads to someone without a role, never help nor the owner's update", () => {
    const r = refusals(null, "members");
    expect(names.filter((n) => r[n] === "read-access")).toEqual([
      "status",
      "list",
      "show",
      "mine",
      "overdue",
      "due",
      "meetings",
      "search",
      "history",
      "report",
    ]);
    expect([r.help, r.update]).toEqual([null, null]);
    expect(refusals("MEMBER", "members").status).toBeNull();
    expect(refusals("READER", "members").status).toBe("read-access");
  });
});
