import { describe, expect, it } from "vitest";
import { FIRST_NAME_COUNT, isFirstName, isFirstNameAnyCase } from "../../../src/domain/confidentiality/first-names.js";

describe("first names (from @zxcvbn-ts/language-fr)", () => {
  it("reads the package's first-name list, not its surname list (their keys are swapped upstream)", () => {
    expect(FIRST_NAME_COUNT).toBeGreaterThan(2000);
    for (const name of ["Léo", "Inès", "Yanis", "Kevin", "Lina", "Mohamed", "Jade", "Théo", "Maëlys", "Jean-Pierre"])
      expect(isFirstName(name), name).toBe(true);
    for (const surname of ["Dupont", "Durand", "Lefebvre", "Moreau"]) expect(isFirstName(surname), surname).toBe(false);
  });

  it("wants a capital, and leaves out first names that are ordinary words", () => {
    expect(isFirstName("léo")).toBe(false);
    expect(isFirstNameAnyCase("léo")).toBe(true);
    for (const word of ["Rose", "France", "Noël", "Toussaint", "Claire", "Marine", "Avril"])
      expect(isFirstName(word), word).toBe(false);
  });
});
