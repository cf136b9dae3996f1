import { describe, expect, it } from "vitest";
import { placementHistory, placeUpdate, type StoredUpdate } from "../../src/domain/update-versions.js";

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

/** A history as the store writes it: new updates and corrections by two authors, placed by placeUpdate itself. */
function randomHistory(seed: number, length: number): StoredUpdate[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const history: StoredUpdate[] = [];
  let clock = Date.parse("2026-06-01T08:00:00Z");
  for (let i = 0; i < length; i++) {
    clock += random() < 0.2 ? 0 : 60_000; // some within the same millisecond
    const authorId = random() < 0.5 ? "U0A" : "U0B";
    const mine = history.filter((u) => u.authorId === authorId && !history.some((v) => v.supersedesId === u.id));
    const target = mine.length > 0 && random() < 0.4 ? mine[Math.floor(random() * mine.length)] : undefined;
    const placed = placeUpdate(history, { authorId, supersedesId: target?.id ?? null, at: new Date(clock) });
    if (placed.kind !== "append") throw new Error("the generator corrects only what may be corrected");
    history.push({
      id: `u${i}`,
      supersedesId: target?.id ?? null,
      createdAt: placed.at,
      version: placed.version,
      status: "ON_TRACK",
      progress: i,
      authorId,
    });
  }
  return history;
}

describe("placementHistory: the few updates placeUpdate needs", () => {
  it("places a new update or any correction as the whole history would", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const history = randomHistory(seed, 1 + (seed % 25));
      const at = new Date(Date.parse("2026-06-01T08:00:00Z") + (seed % 3) * 60_000);
      for (const supersedesId of [null, "missing", ...history.map((u) => u.id)])
        for (const authorId of ["U0A", "U0B"]) {
          const input = { authorId, supersedesId, at };
          const needed = placementHistory(history, supersedesId);
          expect(placeUpdate(needed, input)).toEqual(placeUpdate(history, input));
          expect(needed.length).toBeLessThanOrEqual(supersedesId === null ? 1 : history.length);
        }
    }
  });

  it("for a new update, reads only the newest one", () => {
    const history = [row("a"), row("b", { createdAt: at("2026-11-03T08:00:00Z") }), row("c")];
    expect(placementHistory(history, null).map((u) => u.id)).toEqual(["b"]);
    expect(placementHistory([], null)).toEqual([]);
  });
});
