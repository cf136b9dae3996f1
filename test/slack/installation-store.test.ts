// Bolt's installation store over the Installation table, for Enterprise Grid: an org-wide installation is matched on
// its organisation (InstallationQuery's isEnterpriseInstall / enterpriseId), never on a team id; a workspace of the
// organisation with its own installation is served with its own; another organisation gets nothing. The org-wide
// installer may start the first contract of any workspace of the organisation.
import type { Installation } from "@slack/oauth";
import { beforeAll, describe, expect, it } from "vitest";
import { prismaInstallationStore } from "../../src/slack/installation-store.js";
import { createStore, type Store } from "../../src/store/store.js";
import { useTestStore } from "../support/use-test-store.js";

const t = useTestStore("seeded");
let store: Store;
let changes = 0;
const installationStore = () =>
  prismaInstallationStore(
    store.installations,
    () => new Date(),
    () => changes++,
  );

/** What every installation in Grid organisation E0GRID has, as InstallProvider stores it. */
const inGrid = (installer: string, token: string) => ({
  enterprise: { id: "E0GRID", name: "Ministère" },
  appId: "A0VIGIE",
  user: { id: installer, token: undefined, scopes: undefined },
  bot: { token, scopes: ["commands"], id: "B0VIGIE", userId: "U0VIGIE" },
  authVersion: "v2" as const,
});
const orgWide: Installation<"v2", true> = {
  ...inGrid("U0ORGADMIN", "xoxb-org"),
  team: undefined,
  isEnterpriseInstall: true,
};
const ownWorkspace: Installation<"v2", false> = {
  ...inGrid("U0OWNADMIN", "xoxb-own"),
  team: { id: "T0OWN", name: "Préfecture" },
  isEnterpriseInstall: false,
};
const tokenFor = async (query: Parameters<ReturnType<typeof installationStore>["fetchInstallation"]>[0]) =>
  (await installationStore().fetchInstallation(query)).bot?.token;

beforeAll(async () => {
  store = createStore(t.prisma, { tokenKey: Buffer.alloc(32, 3) });
  await installationStore().storeInstallation(orgWide);
  await installationStore().storeInstallation(ownWorkspace);
  expect(changes).toBe(2);
});

describe("Enterprise Grid installations", () => {
  it("an org-wide installation is stored by its organisation, with no team", async () => {
    const row = await t.prisma.installation.findUniqueOrThrow({ where: { key: "E:E0GRID" } });
    expect(row).toMatchObject({ teamId: null, enterpriseId: "E0GRID", enterpriseInstall: true });
  });

  it("a request of the org-wide install is served by it, whatever workspace of the organisation it comes from", async () => {
    for (const teamId of ["T0ANY", "T0OWN", undefined])
      expect(await tokenFor({ teamId, enterpriseId: "E0GRID", isEnterpriseInstall: true }), teamId).toBe("xoxb-org");
  });

  it("a workspace with its own installation is served with its own; another of the organisation with the org-wide one", async () => {
    expect(await tokenFor({ teamId: "T0OWN", enterpriseId: "E0GRID", isEnterpriseInstall: false })).toBe("xoxb-own");
    expect(await tokenFor({ teamId: "T0OTHER", enterpriseId: "E0GRID", isEnterpriseInstall: false })).toBe("xoxb-org");
  });

  it("another organisation, or a team id alone, is not served by the org-wide installation", async () => {
    await expect(tokenFor({ teamId: "T0ANY", enterpriseId: "E0EVIL", isEnterpriseInstall: true })).rejects.toThrow(
      "No installation",
    );
    await expect(tokenFor({ teamId: "E0GRID", enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(
      "No installation",
    );
  });

  it("the org-wide installer may start a workspace's first contract; the workspace's own installer for their own", async () => {
    expect(await store.installations.installerOf({ teamId: "T0ANY", enterpriseId: "E0GRID" })).toBe("U0ORGADMIN");
    expect(await store.installations.installerOf({ teamId: "T0OWN", enterpriseId: "E0GRID" })).toBe("U0OWNADMIN");
    expect(await store.installations.installerOf({ teamId: "T0ANY", enterpriseId: null })).toBeNull();
  });

  it("uninstalled org-wide: no longer served, nor its installer", async () => {
    await installationStore().deleteInstallation?.({
      teamId: "T0ANY",
      enterpriseId: "E0GRID",
      isEnterpriseInstall: true,
    });
    await expect(tokenFor({ teamId: "T0ANY", enterpriseId: "E0GRID", isEnterpriseInstall: true })).rejects.toThrow();
    expect(await store.installations.installerOf({ teamId: "T0ANY", enterpriseId: "E0GRID" })).toBeNull();
    expect(await tokenFor({ teamId: "T0OWN", enterpriseId: "E0GRID", isEnterpriseInstall: false })).toBe("xoxb-own");
  });
});
