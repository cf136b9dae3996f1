import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { testDatabaseKind } from "../support/test-database.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

it("GET /healthz answers 200 with the database status", async () => {
  const res = await fetch(`${t.baseUrl}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: { kind: testDatabaseKind(), ok: true } });
});

it("GET /healthz answers 503 once the database is gone", async () => {
  await t.simulateDatabaseOutage();
  const res = await fetch(`${t.baseUrl}/healthz`);
  expect(res.status).toBe(503);
  expect(await res.json()).toMatchObject({ status: "degraded", database: { ok: false } });
});
