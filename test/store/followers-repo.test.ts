import { describe, expect, it } from "vitest";
import { useTestStore } from "../support/use-test-store.js";

const t = useTestStore("seeded");

describe("followers repository", () => {
  it("follows and unfollows once each, with an audit entry per change", async () => {
    const c = (await t.store.commitments.findByRef((await t.store.contracts.findDefault())!.id, "ETAT-05"))!;
    expect(await t.store.followers.follow(c.id, "U0A")).toBe(true);
    expect(await t.store.followers.follow(c.id, "U0A")).toBe(false);
    expect(await t.store.followers.follow(c.id, "U0B")).toBe(true);
    expect(await t.store.followers.listFollowers(c.id)).toEqual(["U0A", "U0B"]);
    expect(await t.store.followers.unfollow(c.id, "U0A")).toBe(true);
    expect(await t.store.followers.unfollow(c.id, "U0A")).toBe(false);
    expect((await t.store.commitments.findById(c.id))?.followers).toEqual(["U0B"]);
    const trail = await t.store.audit.listFor("commitment", c.id);
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ["commitment.follow", "U0A"],
      ["commitment.follow", "U0B"],
      ["commitment.unfollow", "U0A"],
    ]);
  });
});
