import { beforeAll, describe, expect, it } from "vitest";
import { useTestStore } from "../support/use-test-store.js";

describe("roles repository", () => {
  const t = useTestStore("seeded");
  let c = "";
  beforeAll(async () => {
    c = (await t.store.contracts.findDefault())!.id;
  });

  it("makes the environment's first coordinators coordinators, once", async () => {
    expect(await t.store.roles.ensureCoordinators(["U0AAA", "U0BBB"], c)).toEqual(["U0AAA", "U0BBB"]);
    expect(await t.store.roles.ensureCoordinators(["U0AAA", "U0BBB"], c)).toEqual([]);
    expect(await t.store.roles.listByRole("COORDINATOR", c)).toEqual(["U0AAA", "U0BBB"]);
    expect(await t.store.roles.find("U0AAA", c)).toMatchObject({ role: "COORDINATOR", grantedBy: "system:env" });
  });

  it("leaves alone a role given since, even if the environment still lists the person", async () => {
    await t.store.roles.assign("U0BBB", "MEMBER", "U0AAA", c, new Date());
    expect(await t.store.roles.ensureCoordinators(["U0AAA", "U0BBB"], c)).toEqual([]);
    expect((await t.store.roles.find("U0BBB", c))?.role).toBe("MEMBER");
  });

  it("dates a role with the instant of the request that gave it (the store reads no clock)", async () => {
    const at = new Date("2026-03-02T09:15:00Z");
    await t.store.roles.assign("U0CCC", "READER", "U0AAA", c, at);
    expect((await t.store.roles.find("U0CCC", c))?.grantedAt).toEqual(at);
    const later = new Date("2026-03-03T10:00:00Z");
    await t.store.roleAdmin.change("U0CCC", "MEMBER", "U0AAA", c, later);
    expect(await t.store.roles.find("U0CCC", c)).toMatchObject({ role: "MEMBER", grantedAt: later });
  });

  it("writes every change of role to the audit trail", async () => {
    const trail = await t.store.audit.listFor("role", "U0BBB");
    expect(trail.map((a) => [a.action, a.actorId, a.details])).toEqual([
      ["role.assign", "system:env", { from: null, to: "COORDINATOR", contractId: c }],
      ["role.assign", "U0AAA", { from: "COORDINATOR", to: "MEMBER", contractId: c }],
    ]);
  });

  it("returns plain objects, not Prisma rows", async () => {
    const contract = await t.store.contracts.findDefault();
    expect(contract).not.toBeNull();
    const list = await t.store.commitments.listByContract(contract!.id);
    expect(Object.getPrototypeOf(list[0])).toBe(Object.prototype);
    expect(typeof list[0]?.dueOn).toBe("string");
    expect(await t.store.contracts.list()).toHaveLength(1);
  });
});
