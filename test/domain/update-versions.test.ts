import { describe, expect, it } from "vitest";
import { placeUpdate, type StoredUpdate } from "../../src/domain/update-versions.js";

const at = (iso: string) => new Date(iso);
const row = (id: string, over: Partial<StoredUpdate> = {}): StoredUpdate => ({
  id,
  supersedesId: null,
  createdAt: at("2026-11-01T08:00:00Z"),
  version: 1,
  status: "ON_TRACK",
  progress: 10,
  authorId: "U0A",
  ...over,
});

describe("placeUpdate: where an update goes in the append-only history", () => {
  it("appends a first update as version 1 at its own instant, moving the state", () => {
    expect(placeUpdate([], { authorId: "U0A", supersedesId: null, at: at("2026-11-02T08:00:00Z") })).toEqual({
      kind: "append",
      version: 1,
      at: at("2026-11-02T08:00:00Z"),
      currentStateChanged: true,
    });
  });

  it("keeps the order of writing: an update at the same millisecond as the newest goes one millisecond after", () => {
    const history = [row("a", { createdAt: at("2026-11-02T08:00:00.000Z") })];
    const placed = placeUpdate(history, { authorId: "U0B", supersedesId: null, at: at("2026-11-02T08:00:00.000Z") });
    expect(placed).toMatchObject({ kind: "append", version: 1, at: at("2026-11-02T08:00:00.001Z") });
  });

  it("makes a correction the next version of the author's update, at the instant it was made", () => {
    const history = [row("a"), row("b", { supersedesId: "a", version: 2, createdAt: at("2026-11-03T08:00:00Z") })];
    expect(placeUpdate(history, { authorId: "U0A", supersedesId: "b", at: at("2026-11-01T09:00:00Z") })).toEqual({
      kind: "append",
      version: 3,
      at: at("2026-11-01T09:00:00Z"),
      currentStateChanged: true,
    });
  });

  it("correcting an older update after a newer one leaves the current state as it is", () => {
    const history = [row("old"), row("new", { createdAt: at("2026-11-05T08:00:00Z"), authorId: "U0B" })];
    expect(
      placeUpdate(history, { authorId: "U0A", supersedesId: "old", at: at("2026-11-06T08:00:00Z") }),
    ).toMatchObject({
      kind: "append",
      version: 2,
      currentStateChanged: false,
    });
  });

  it("refuses to correct an update that is not there, someone else's, or one already corrected", () => {
    const history = [row("a"), row("b", { supersedesId: "a", version: 2 })];
    const correct = (supersedesId: string, authorId = "U0A") =>
      placeUpdate(history, { authorId, supersedesId, at: at("2026-11-07T08:00:00Z") });
    expect(correct("zzz")).toEqual({ kind: "cannot_correct", reason: "missing" });
    expect(correct("b", "U0B")).toEqual({ kind: "cannot_correct", reason: "not_author" });
    expect(correct("a")).toEqual({ kind: "cannot_correct", reason: "already_corrected" });
  });
});
