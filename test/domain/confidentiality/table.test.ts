import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../src/domain/confidentiality.js";
import { confidentialityError } from "../../../src/slack/views/confidentiality-words.js";
import { MUST_ACCEPT } from "./must-accept.js";
import { MUST_REFUSE } from "./must-refuse.js";

// The guard's own tables (issue 11): at least 97 % of the must-refuse texts refused and at most
// 2 % of the must-accept texts wrongly refused. Every miss is printed, kind by kind, so that a
// change of rule shows what it costs on both sides.

const rows = (table: Record<string, readonly string[]>) =>
  Object.entries(table).flatMap(([kind, texts]) => texts.map((text) => ({ kind, text })));

const refuse = rows(MUST_REFUSE);
const accept = rows(MUST_ACCEPT);

describe("confidentiality guard tables", () => {
  it("are large enough and have no text twice", () => {
    expect(refuse.length).toBeGreaterThanOrEqual(150);
    expect(accept.length).toBeGreaterThanOrEqual(100);
    const all = [...refuse, ...accept].map((r) => r.text);
    expect(new Set(all).size).toBe(all.length);
  });

  it("refuses at least 97 % of the must-refuse texts and wrongly refuses at most 2 % of the others", () => {
    const missed = refuse.filter((r) => findPersonalData(r.text).length === 0);
    const wronglyRefused = accept
      .map((r) => ({ ...r, found: findPersonalData(r.text) }))
      .filter((r) => r.found.length > 0);
    for (const m of missed) console.log(`NOT REFUSED [${m.kind}] ${JSON.stringify(m.text)}`);
    for (const w of wronglyRefused)
      console.log(
        `WRONGLY REFUSED [${w.kind}] ${JSON.stringify(w.text)} ← ${w.found.map((f) => `${f.kind} «${f.excerpt}»`).join(", ")}`,
      );
    const refusedRate = (refuse.length - missed.length) / refuse.length;
    const wrongRate = wronglyRefused.length / accept.length;
    console.log(
      `guard tables: ${(refusedRate * 100).toFixed(1)} % of ${refuse.length} refused, ${(wrongRate * 100).toFixed(1)} % of ${accept.length} wrongly refused`,
    );
    expect(refusedRate).toBeGreaterThanOrEqual(0.97);
    expect(wrongRate).toBeLessThanOrEqual(0.02);
  });

  it("explains every refusal in French, quoting the text as typed", () => {
    for (const { text } of refuse) {
      const findings = findPersonalData(text);
      for (const f of findings) expect(text.slice(f.index, f.index + f.excerpt.length)).toBe(f.excerpt);
      if (findings.length === 0) continue;
      const message = confidentialityError(findings, "fr") ?? "";
      expect(message).toMatch(/^Donnée/u);
      expect(message.length).toBeLessThanOrEqual(150);
    }
  });
});
