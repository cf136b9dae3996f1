import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { createStore, type Store } from "../../src/store/store.js";
import { createTestDatabase, type DatabaseState, type TestDatabase } from "./test-database.js";

export interface TestStore {
  tdb: TestDatabase;
  prisma: PrismaClient;
  store: Store;
}

/**
 * A database of its own for the calling test file, opened before its tests and dropped after them.
 * The fields are filled in `beforeAll`: read them inside hooks and tests, not at the top of the file.
 */
export function useTestStore(state: DatabaseState = "seeded"): TestStore {
  const handle = {} as TestStore;
  beforeAll(async () => {
    handle.tdb = await createTestDatabase(state);
    handle.prisma = handle.tdb.db.prisma;
    handle.store = createStore(handle.prisma);
  });
  afterAll(async () => {
    await handle.tdb.db.close();
    await handle.tdb.drop();
  });
  return handle;
}
