import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CHAMBERY_SEED_PATH, readContractSeed, seedContract } from "../../src/store/seed.js";
import { useTestStore } from "../support/use-test-store.js";

describe("seeding the Chambéry contract", () => {
  const t = useTestStore("migrated");

  it("creates the contract, its three parties and its 16 commitments with their figures", async () => {
    expect(await seedContract(t.prisma, await readContractSeed())).toEqual({ created: true, commitments: 16 });
    const contract = await t.store.contracts.findByRef("CSI-CHAMBERY");
    expect(contract).toMatchObject({
      title: "Contrat de Sécurité Intégrée de Chambéry",
      signedOn: "2021-09-22",
      endsOn: "2026-12-31",
    });
    expect(contract?.parties.map((p) => p.code)).toEqual(["ETAT", "VILLE", "PARQUET"]);

    const commitments = await t.store.commitments.listByContract(contract!.id);
    const byParty = (party: string) => commitments.filter((c) => c.party === party).length;
    expect([byParty("ETAT"), byParty("VILLE"), byParty("PARQUET")]).toEqual([8, 6, 2]);
    expect(commitments.every((c) => c.dueOn === "2026-12-31")).toBe(true);
    // Every commitment starts « non démarré », except the one the sources say is done.
    expect(commitments.filter((c) => c.status !== "NOT_STARTED").map((c) => [c.ref, c.status, c.progress])).toEqual([
      ["ETAT-08", "DONE", 100],
    ]);

    const station = await t.store.commitments.findByRef(contract!.id, "ETAT-08");
    expect(station?.title).toBe(
      "Concrétisation du projet de poste de police commun dans le quartier des Hauts-de-Chambéry",
    );
    expect(station?.indicators.map((i) => [i.label, i.current, i.measuredOn])).toEqual([
      ["Policiers présents sur le terrain", 30, "2026-03-11"],
      ["Rapports d'incidents non résolus", -20, "2026-03-11"],
      ["Temps moyen d'intervention", -15, "2026-03-11"],
      ["Satisfaction des habitants", 85, "2026-03-11"],
      ["Opérations communes", 3, "2026-03-11"],
      ["Financement spécifique de l'État", 60000, "2026-03-11"],
    ]);
    expect(station?.indicators.map((i) => i.unit)).toEqual([
      "% d'évolution par rapport à 2025",
      "% d'évolution par rapport à 2025",
      "minutes d'écart avec 2025",
      "% d'habitants satisfaits",
      "fois le nombre de 2025",
      "€",
    ]);
    expect(station?.note).toMatch(/^D'après la presse \(11 mars 2026\) : un poste commun/);
    // The situation is the first entry of its history, dated from the article and naming it.
    expect(await t.store.updates.listHistory(station!.id)).toMatchObject([
      {
        authorId: "system:seed",
        createdAt: new Date("2026-03-11T11:00:00Z"),
        status: "DONE",
        progress: 100,
        comment:
          "Situation initiale, d'après la source : Article de presse du 11 mars 2026 (seeds/000_6d4084ee3315b4da.txt).",
      },
    ]);
    const posts = await t.store.commitments.findByRef(contract!.id, "ETAT-01");
    expect(posts?.indicators[0]).toMatchObject({
      label: "Postes de police nationale créés",
      baseline: 0,
      target: 10,
      unit: "postes",
    });
    expect((await t.store.audit.listFor("contract", contract!.id)).map((a) => a.action)).toEqual(["contract.seed"]);
  });

  it("never duplicates nor alters the contract when run again", async () => {
    const contract = await t.prisma.contract.findFirstOrThrow({ where: { ref: "CSI-CHAMBERY" } });
    // A coordinator changed something since the first start.
    await t.prisma.commitment.update({
      where: { contractId_ref: { contractId: contract.id, ref: "VILLE-04" } },
      data: { title: "Schéma directeur de vidéoprotection (révisé)", status: "ON_TRACK", progress: 40 },
    });
    expect(await seedContract(t.prisma, await readContractSeed())).toEqual({ created: false, commitments: 0 });
    expect(await t.prisma.contract.count()).toBe(1);
    expect(await t.prisma.commitment.count()).toBe(16);
    expect(await t.prisma.indicator.count()).toBe(8);
    const changed = await t.prisma.commitment.findUniqueOrThrow({
      where: { contractId_ref: { contractId: contract.id, ref: "VILLE-04" } },
    });
    expect(changed).toMatchObject({
      title: "Schéma directeur de vidéoprotection (révisé)",
      status: "ON_TRACK",
      progress: 40,
    });
  });

  it("leaves a database seeded by an older seed file as it is: no situation added afterwards", async () => {
    const older = structuredClone(await readContractSeed());
    for (const c of older.commitments) delete c.situation;
    older.contract.ref = "CSI-OLDER";
    expect(await seedContract(t.prisma, older)).toMatchObject({ created: true });
    const newer = {
      ...(await readContractSeed()),
      contract: { ...(await readContractSeed()).contract, ref: "CSI-OLDER" },
    };
    expect(await seedContract(t.prisma, newer)).toEqual({ created: false, commitments: 0 });
    const contract = await t.store.contracts.findByRef("CSI-OLDER");
    const station = await t.store.commitments.findByRef(contract!.id, "ETAT-08");
    expect([station?.status, station?.progress]).toEqual(["NOT_STARTED", 0]);
    expect(await t.store.updates.listHistory(station!.id)).toEqual([]);
  });

  it("refuses a malformed seed file with a validation error", async () => {
    const good = JSON.parse(await readFile(CHAMBERY_SEED_PATH, "utf8")) as { contract: { signedOn: string } };
    good.contract.signedOn = "22/09/2021";
    const file = `${process.env.TMPDIR ?? "/tmp"}/vigie-bad-seed-${process.pid}.json`;
    await (await import("node:fs/promises")).writeFile(file, JSON.stringify(good));
    await expect(readContractSeed(file)).rejects.toThrow(/signedOn/);
  });
});
