import { describe, expect, it } from "vitest";
import { cleanAddress, parseRecipient, parseRecipientChanges } from "../../src/domain/recipient-input.js";

describe("parseRecipient", () => {
  it("reads name, address, organisation and what the person receives", () => {
    expect(
      parseRecipient("Marie Durand marie.Durand@Savoie.gouv.fr, Préfecture de la Savoie, point et rapport"),
    ).toEqual({
      ok: true,
      value: {
        name: "Marie Durand",
        address: "marie.durand@savoie.gouv.fr",
        organisation: "Préfecture de la Savoie",
        receives: { digest: true, report: true, meetings: false },
      },
    });
  });

  it("takes the address anywhere in the first part, as Slack sends it, and everything when nothing is said", () => {
    const r = parseRecipient("<mailto:p.martin@justice.fr|p.martin@justice.fr> Paul Martin");
    expect(r).toEqual({
      ok: true,
      value: {
        name: "Paul Martin",
        address: "p.martin@justice.fr",
        organisation: null,
        receives: { digest: true, report: true, meetings: true },
      },
    });
    expect(parseRecipient("Léa <lea@ville.fr>, Mairie, réunions")).toMatchObject({
      ok: true,
      value: { name: "Léa", address: "lea@ville.fr", receives: { digest: false, report: false, meetings: true } },
    });
  });

  it("names each problem", () => {
    expect(parseRecipient("Marie Durand")).toEqual({ ok: false, problem: { kind: "no_address" } });
    expect(parseRecipient("Marie Durand marie@")).toEqual({
      ok: false,
      problem: { kind: "bad_address", typed: "marie@" },
    });
    expect(parseRecipient("Marie marie@savoie")).toEqual({
      ok: false,
      problem: { kind: "bad_address", typed: "marie@savoie" },
    });
    expect(parseRecipient("marie@savoie.gouv.fr")).toEqual({ ok: false, problem: { kind: "no_name" } });
    expect(parseRecipient("A a@b.fr c@d.fr")).toEqual({ ok: false, problem: { kind: "several_addresses" } });
    expect(parseRecipient("A a@b.fr, X, Y, Z")).toEqual({ ok: false, problem: { kind: "too_many_parts" } });
    expect(parseRecipient("A a@b.fr, X, point journal")).toEqual({
      ok: false,
      problem: { kind: "unknown_kinds", words: ["journal"] },
    });
    expect(parseRecipient(`${"N".repeat(121)} a@b.fr`)).toEqual({
      ok: false,
      problem: { kind: "too_long", field: "name", max: 120 },
    });
  });

  it("cleans Slack's forms of an address", () => {
    expect(cleanAddress("<mailto:A@B.fr|A@B.fr>")).toBe("a@b.fr");
    expect(cleanAddress("mailto:a@b.fr")).toBe("a@b.fr");
    expect(cleanAddress("<a@b.fr>")).toBe("a@b.fr");
  });
});

describe("parseRecipientChanges", () => {
  const party = (typed: string) => (["etat", "parquet"].includes(typed.toLowerCase()) ? typed.toUpperCase() : null);
  const parse = (text: string) => parseRecipientChanges(text, party);

  it("reads each field named, in any order, and leaves the others alone", () => {
    expect(parse(" envois point réunions, nom Marie Dupont")).toEqual({
      ok: true,
      changes: { receives: { digest: true, report: false, meetings: true }, name: "Marie Dupont" },
    });
    expect(parse("adresse <mailto:M.Dupont@Savoie.gouv.fr|M.Dupont@Savoie.gouv.fr>; partie parquet")).toEqual({
      ok: true,
      changes: { address: "m.dupont@savoie.gouv.fr", partyCode: "PARQUET" },
    });
    expect(parse("organisation Parquet de Chambéry")).toEqual({
      ok: true,
      changes: { organisation: "Parquet de Chambéry" },
    });
    expect(parse("organisation aucune, partie aucune")).toEqual({
      ok: true,
      changes: { organisation: null, partyCode: null },
    });
    expect(parse("reçoit tout")).toMatchObject({
      changes: { receives: { digest: true, report: true, meetings: true } },
    });
  });

  it("names each problem", () => {
    expect(parse("")).toEqual({ ok: false, problem: { kind: "no_change" } });
    expect(parse("prénom Marie")).toEqual({ ok: false, problem: { kind: "unknown_field", typed: "prénom" } });
    expect(parse("nom")).toEqual({ ok: false, problem: { kind: "empty_field", field: "name" } });
    expect(parse("nom A, nom B")).toEqual({ ok: false, problem: { kind: "repeated_field", field: "name" } });
    expect(parse("nom Marie m@x.fr")).toEqual({ ok: false, problem: { kind: "address_in_name" } });
    expect(parse("adresse marie@savoie")).toEqual({
      ok: false,
      problem: { kind: "bad_address", typed: "marie@savoie" },
    });
    expect(parse("adresse a@b.fr c@d.fr")).toEqual({ ok: false, problem: { kind: "several_addresses" } });
    expect(parse("partie Région")).toEqual({ ok: false, problem: { kind: "unknown_party", typed: "Région" } });
    expect(parse("envois journal")).toEqual({ ok: false, problem: { kind: "unknown_kinds", words: ["journal"] } });
    expect(parse(`nom ${"x".repeat(121)}`)).toMatchObject({ ok: false, problem: { kind: "too_long", field: "name" } });
  });
});
