// The installations and a workspace's contracts a process keeps a few seconds (kept-reads.ts), on a real database:
// every write through the store is seen by the next read, a write made by another process (another store on the
// same database) at the latest when the keeping time has passed, and a token close to its refresh is always read
// afresh (Bolt refreshes it; another process may have already).
import { beforeAll, describe, expect, it } from "vitest";
import { teamsSeenBy } from "../../src/domain/tenancy.js";
import { createStore, type Store } from "../../src/store/store.js";
import { inWorkspace } from "../../src/store/workspace-scope.js";
import { useTestStore } from "../support/use-test-store.js";

const KEY = Buffer.alloc(32, 5);
const KEEP = 5_000;
const t = useTestStore("seeded");
let now = 0;
/** This process's store and another process's, on the same database, with one clock the test moves. */
let here: Store;
let there: Store;

beforeAll(() => {
  const options = { tokenKey: KEY, keepReadsForMs: KEEP, clock: () => now };
  here = createStore(t.prisma, options);
  there = createStore(t.prisma, options);
});

const ids = (teamId: string) => ({
  teamId,
  enterpriseId: null,
  enterpriseInstall: false,
  appId: "A0VIGIE",
  botUserId: "U0BOT",
  installedBy: "U0INSTALLER",
  tokenExpiresAt: null,
});
const secretOf = async (store: Store, key: string) => (await store.installations.find(key))?.secret ?? null;

describe("installations kept a few seconds", () => {
  it("a token refreshed or an installation revoked in this process is seen by the next request", async () => {
    await here.installations.save(ids("T0KEEP"), "jeton-1", new Date());
    expect(await secretOf(here, "T:T0KEEP")).toBe("jeton-1");
    await here.installations.save(ids("T0KEEP"), "jeton-2", new Date());
    expect(await secretOf(here, "T:T0KEEP")).toBe("jeton-2");
    await here.installations.revoke("T:T0KEEP", "app_uninstalled", new Date());
    expect(await here.installations.find("T:T0KEEP")).toBeNull();
  });

  it("another process's change is seen once the keeping time has passed, not an absence kept", async () => {
    expect(await here.installations.find("T:T0OTHER")).toBeNull();
    await there.installations.save(ids("T0OTHER"), "jeton-a", new Date());
    // An absence is not kept: installed elsewhere, served here at once.
    expect(await secretOf(here, "T:T0OTHER")).toBe("jeton-a");
    await there.installations.save(ids("T0OTHER"), "jeton-b", new Date());
    now += KEEP - 1;
    expect(await secretOf(here, "T:T0OTHER")).toBe("jeton-a");
    now += 1;
    expect(await secretOf(here, "T:T0OTHER")).toBe("jeton-b");
  });

  it("a token within Bolt's refresh window is read afresh every time", async () => {
    const soon = { ...ids("T0ROTATE"), tokenExpiresAt: new Date(Date.now() + 3_600_000) };
    await there.installations.save(soon, "jeton-expirant", new Date());
    expect(await secretOf(here, "T:T0ROTATE")).toBe("jeton-expirant");
    // Another process refreshed it: seen at once, without waiting for the keeping time.
    const later = { ...ids("T0ROTATE"), tokenExpiresAt: new Date(Date.now() + 12 * 3_600_000) };
    await there.installations.save(later, "jeton-rafraichi", new Date());
    expect(await secretOf(here, "T:T0ROTATE")).toBe("jeton-rafraichi");
  });

  it("the ids a caller gets are its own copy", async () => {
    await here.installations.save(ids("T0COPY"), "jeton", new Date());
    const first = await here.installations.find("T:T0COPY");
    if (first) first.installation.teamId = "T0CHANGED";
    expect((await here.installations.find("T:T0COPY"))?.installation.teamId).toBe("T0COPY");
  });
});

describe("a workspace's contracts kept a few seconds within its requests", () => {
  const TEAM = "T0CONTRATS";
  const inRequest = <T>(fn: () => Promise<T>) => inWorkspace((team) => team === TEAM, fn, teamsSeenBy(TEAM, null));
  const titles = async (store: Store) => (await inRequest(() => store.contracts.list())).map((c) => c.title);
  const input = (ref: string, title: string) => ({
    ref,
    title,
    parties: [{ code: "ETAT", label: "État", signatory: "Préfet" }],
    signedOn: "2026-01-01",
    endsOn: "2028-12-31",
    timezone: "Europe/Paris",
    channelId: `C0${ref}`,
    digestChannelId: null,
  });

  it("only the workspace's contracts are read, and a contract created here is listed by the next request", async () => {
    expect(await titles(here)).toEqual([]);
    await here.contractAdmin.create(input("CSI-UN", "Contrat un"), "U0COORD", TEAM);
    expect(await titles(here)).toEqual(["Contrat un"]);
    // Not another workspace's, nor Chambéry's (recorded without a workspace, and this workspace is not the home one).
    await here.contractAdmin.create(input("CSI-AUTRE", "Contrat d'ailleurs"), "U0COORD", "T0AILLEURS");
    expect(await titles(here)).toEqual(["Contrat un"]);
  });

  it("settings written here are seen by the next request; another process's once the keeping time has passed", async () => {
    const [contract] = await inRequest(() => here.contracts.list());
    if (!contract) throw new Error("no contract");
    const settings = {
      digestWeekday: 1,
      digestTime: "09:00",
      reminderHour: "10:00",
      quietHours: "19:00-08:00",
      timezone: "Europe/Paris",
      channelId: "C0NOUVEAU",
      digestChannelId: null,
    };
    await here.contractAdmin.updateSettings(contract.id, settings, "U0COORD", new Date());
    expect((await inRequest(() => here.contracts.list()))[0]?.channelId).toBe("C0NOUVEAU");

    expect((await inRequest(() => there.contracts.list()))[0]?.channelId).toBe("C0NOUVEAU");
    await here.contractAdmin.updateSettings(contract.id, { ...settings, channelId: "C0ENCORE" }, "U0COORD", new Date());
    expect((await inRequest(() => there.contracts.list()))[0]?.channelId).toBe("C0NOUVEAU");
    now += KEEP;
    expect((await inRequest(() => there.contracts.list()))[0]?.channelId).toBe("C0ENCORE");
  });

  it("a renewal (new contract, old one closed) is seen by the next request", async () => {
    const [contract] = await inRequest(() => here.contracts.list());
    if (!contract) throw new Error("no contract");
    await here.renewal.renew({
      contractId: contract.id,
      next: input("CSI-DEUX", "Contrat deux"),
      carried: new Map(),
      actorId: "U0COORD",
      at: new Date(),
    });
    const after = await inRequest(() => here.contracts.list());
    expect(after.map((c) => [c.title, c.closedAt !== null])).toEqual([
      ["Contrat un", true],
      ["Contrat deux", false],
    ]);
  });

  it("what a caller changes in a listed contract is not what the next request gets", async () => {
    const [first] = await inRequest(() => here.contracts.list());
    if (!first) throw new Error("no contract");
    first.title = "Changé";
    first.parties[0]!.label = "Changé";
    const [again] = await inRequest(() => here.contracts.list());
    expect([again?.title, again?.parties[0]?.label]).toEqual(["Contrat un", "État"]);
  });

  it("outside any request (jobs), every contract is read afresh", async () => {
    const all = await here.contracts.list();
    expect(all.map((c) => c.title)).toEqual(expect.arrayContaining(["Contrat un", "Contrat d'ailleurs"]));
  });
});

describe("a person's role kept a few seconds within Slack requests", () => {
  const TEAM = "T0ROLES";
  const inRequest = <T>(fn: () => Promise<T>) => inWorkspace(() => true, fn, teamsSeenBy(TEAM, "any"));
  let contractId = "";
  const roleHere = async (userId: string) => (await inRequest(() => here.roles.find(userId, contractId)))?.role ?? null;
  const roleThere = async (userId: string) =>
    (await inRequest(() => there.roles.find(userId, contractId)))?.role ?? null;

  beforeAll(async () => {
    contractId = (await t.store.contracts.findDefault())?.id ?? "";
    expect(contractId).not.toBe("");
  });

  it("a role given, changed or made coordinator through the store is seen by the next request", async () => {
    expect(await roleHere("U0ROLE1")).toBeNull();
    await here.roles.assign("U0ROLE1", "READER", "U0COORD", contractId, new Date());
    expect(await roleHere("U0ROLE1")).toBe("READER");
    await here.roleAdmin.change("U0ROLE1", "MEMBER", "U0COORD", contractId, new Date());
    expect(await roleHere("U0ROLE1")).toBe("MEMBER");
    expect(await roleHere("U0ROLE2")).toBeNull();
    await here.roles.ensureCoordinators(["U0ROLE2"], contractId);
    expect(await roleHere("U0ROLE2")).toBe("COORDINATOR");
  });

  it("another process's change once the keeping time has passed; outside requests, at once", async () => {
    expect(await roleThere("U0ROLE1")).toBe("MEMBER");
    await here.roleAdmin.change("U0ROLE1", "READER", "U0COORD", contractId, new Date());
    expect(await roleThere("U0ROLE1")).toBe("MEMBER");
    expect((await there.roles.find("U0ROLE1", contractId))?.role).toBe("READER");
    now += KEEP;
    expect(await roleThere("U0ROLE1")).toBe("READER");
  });

  it("the first coordinator of a contract created through the store is seen by the next request", async () => {
    const { id } = await here.contractAdmin.create(
      {
        ref: "CSI-ROLES",
        title: "Contrat des rôles",
        parties: [{ code: "ETAT", label: "État", signatory: "Préfet" }],
        signedOn: "2026-01-01",
        endsOn: "2028-12-31",
        timezone: "Europe/Paris",
        channelId: null,
        digestChannelId: null,
      },
      "U0ROLE3",
      TEAM,
    );
    expect((await inRequest(() => here.roles.find("U0ROLE3", id)))?.role).toBe("COORDINATOR");
  });
});
