// `node --import tsx bench/guard-bench.ts`: how long the confidentiality guard takes per text,
// over its own tables (test/domain/confidentiality/), in CPU time so that a busy machine does not
// inflate it. Prints one line: texts, total and mean milliseconds, and the slowest text.
import { findPersonalData } from "../src/domain/confidentiality.js";
import { MUST_ACCEPT } from "../test/domain/confidentiality/must-accept.js";
import { MUST_REFUSE } from "../test/domain/confidentiality/must-refuse.js";

const texts = [...Object.values(MUST_REFUSE), ...Object.values(MUST_ACCEPT)].flat();
const cpuMs = () => process.cpuUsage().user / 1000;
for (const text of texts) findPersonalData(text); // warm-up: regex compilation, first-name list
const rounds = 20;
let slowest = { ms: 0, text: "" };
const start = cpuMs();
for (let r = 0; r < rounds; r++) {
  for (const text of texts) {
    const t0 = cpuMs();
    findPersonalData(text);
    const ms = cpuMs() - t0;
    if (ms > slowest.ms) slowest = { ms, text };
  }
}
const total = cpuMs() - start;
console.log(
  `${texts.length} texts × ${rounds}: ${total.toFixed(0)} ms CPU, ${(total / (texts.length * rounds)).toFixed(3)} ms per text; slowest ${slowest.ms.toFixed(2)} ms: ${JSON.stringify(slowest.text)}`,
);
