import { describe, expect, it } from "vitest";
import { parseRoleCommand, parseRoleWord, parseUserMention } from "../../src/domain/role-input.js";

describe("role command parsing", () => {
  it.each([
    ["<@U123ABC|camille>", "U123ABC"],
    ["<@U123ABC>", "U123ABC"],
    ["W0ENTERPRISE", "W0ENTERPRISE"],
    ["@camille", null],
    ["<#C123>", null],
  ])("mention %s → %s", (word, id) => expect(parseUserMention(word)).toBe(id));
  it.each([
    ["coordinateur", "COORDINATOR"],
    ["Coordinatrice", "COORDINATOR"],
    ["coordinator", "COORDINATOR"],
    ["membre", "MEMBER"],
    ["member", "MEMBER"],
    ["lecteur", "READER"],
    ["reader", "READER"],
    ["chef", null],
  ])("role word %s → %s", (word, role) => expect(parseRoleWord(word)).toBe(role));
  it("needs both a mention and a role, in any order", () => {
    expect(parseRoleCommand(["<@U1AB|x>", "membre"])).toEqual({ ok: true, userId: "U1AB", role: "MEMBER" });
    expect(parseRoleCommand(["lecteur", "<@U1AB>"])).toEqual({ ok: true, userId: "U1AB", role: "READER" });
    expect(parseRoleCommand([])).toEqual({ ok: false, problem: "usage" });
    expect(parseRoleCommand(["membre"])).toEqual({ ok: false, problem: "no_user" });
    expect(parseRoleCommand(["<@U1AB>", "chef"])).toEqual({ ok: false, problem: "no_role" });
  });
});
