import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

let tdb: TestDatabase;
let store: Store;
beforeAll(async () => {
  tdb = await createTestDatabase("seeded");
  store = createStore(tdb.db.prisma);
});
afterAll(async () => {
  await tdb.db.close();
  await tdb.drop();
});

describe("followers repository", () => {
  it("follows and unfollows once each, with an audit entry per change", async () => {
    const c = (await store.commitments.findByRef((await store.contracts.findDefault())!.id, "ETAT-05"))!;
    expect(await store.followers.follow(c.id, "U0A")).toBe(true);
    expect(await store.followers.follow(c.id, "U0A")).toBe(false);
    expect(await store.followers.follow(c.id, "U0B")).toBe(true);
    expect(await store.followers.listFollowers(c.id)).toEqual(["U0A", "U0B"]);
    expect(await store.followers.unfollow(c.id, "U0A")).toBe(true);
    expect(await store.followers.unfollow(c.id, "U0A")).toBe(false);
    expect((await store.commitments.findById(c.id))?.followers).toEqual(["U0B"]);
    const trail = await store.audit.listFor("commitment", c.id);
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ["commitment.follow", "U0A"],
      ["commitment.follow", "U0B"],
      ["commitment.unfollow", "U0A"],
    ]);
  });
});
