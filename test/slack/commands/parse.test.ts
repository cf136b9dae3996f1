import { describe, expect, it } from "vitest";
import { parseCommandText, parseDueDays, parseListArgs } from "../../../src/slack/commands/parse.js";

const parties = [
  { code: "ETAT", label: "État" },
  { code: "VILLE", label: "Ville de Chambéry" },
  { code: "PARQUET", label: "Parquet" },
];

describe("parseCommandText", () => {
  it("reads the sub-command, its language and the rest", () => {
    expect(parseCommandText("  Liste  ville en-retard ")).toMatchObject({
      kind: "command",
      name: "list",
      locale: "fr",
      args: ["ville", "en-retard"],
      rest: "ville en-retard",
      text: "Liste  ville en-retard",
    });
    expect(parseCommandText("status")).toMatchObject({ name: "status", locale: "en" });
    expect(parseCommandText("digest")).toMatchObject({ name: "digest", locale: null });
    expect(parseCommandText("\u0000\n")).toEqual({ kind: "empty" });
    expect(parseCommandText(42)).toEqual({ kind: "empty" });
    expect(parseCommandText("statu")).toMatchObject({ kind: "unknown", word: "statu" });
  });
});

describe("parseListArgs", () => {
  it.each([
    [["ville", "en-retard"], "VILLE", "LATE"],
    [["late", "city"], "VILLE", "LATE"],
    [["point", "de", "vigilance", "État"], "ETAT", "AT_RISK"],
    [["non", "démarré"], null, "NOT_STARTED"],
    [["prefecture"], "ETAT", null],
    [["PARQUET", "réalisés"], "PARQUET", "DONE"],
    [[], null, null],
  ])("%j → %s %s", (args, party, status) => {
    expect(parseListArgs(args, parties)).toEqual({ party, status, unknown: [] });
  });

  it("keeps the words it did not understand", () => {
    expect(parseListArgs(["ville", "bleue", "en-retard", "vite"], parties)).toEqual({
      party: "VILLE",
      status: "LATE",
      unknown: ["bleue", "vite"],
    });
    expect(parseListArgs(["ville", "parquet"], parties).unknown).toEqual(["parquet"]);
  });
});

describe("parseDueDays", () => {
  it.each([
    [[], 30],
    [["60"], 60],
    [["15j"], 15],
    [["7", "jours"], 7],
    [["J+10"], 10],
    [["3650"], 3650],
  ])("%j → %d days", (args, days) => {
    expect(parseDueDays(args)).toEqual({ ok: true, days });
  });
  it.each([[["0"]], [["-1"]], [["3651"]], [["1e3"]], [["demain"]], [["3.5"]], [["1", "2", "3"]]])(
    "%j is refused, keeping what was typed",
    (args) => {
      expect(parseDueDays(args)).toEqual({ ok: false, typed: args.join(" ") });
    },
  );
});
