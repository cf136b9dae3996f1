import { describe, expect, it } from "vitest";
import { parseJournalArgs } from "../../src/domain/journal.js";

describe("parseJournalArgs", () => {
  it("reads nothing as the whole journal, first page", () => {
    expect(parseJournalArgs([])).toEqual({ filter: { kind: "all" }, page: null, unknown: [] });
  });

  it("reads a ref loosely, the three kinds in French and English, and « page N »", () => {
    expect(parseJournalArgs(["etat8"]).filter).toEqual({ kind: "commitment", ref: "ETAT-08" });
    expect(parseJournalArgs(["rôle"]).filter).toEqual({ kind: "roles" });
    expect(parseJournalArgs(["réunions"]).filter).toEqual({ kind: "meetings" });
    expect(parseJournalArgs(["meetings"]).filter).toEqual({ kind: "meetings" });
    expect(parseJournalArgs(["imports", "page", "3"])).toEqual({ filter: { kind: "imports" }, page: 2, unknown: [] });
    expect(parseJournalArgs(["page", "0"]).page).toBe(0);
  });

  it("echoes back what it did not understand", () => {
    expect(parseJournalArgs(["hier", "page"]).unknown).toEqual(["hier", "page"]);
    expect(parseJournalArgs(["page", "deux"]).unknown).toEqual(["page", "deux"]);
  });
});
