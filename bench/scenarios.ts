// The request scenarios of the benches (`npm run bench`, `npm run bench:tenancy`): each scenario is measured
// on the bare-Bolt floor and on Vigie one after the other, at each concurrency, after a warm-up of both.
import type { FakeSlack } from "../src/local/slack-stand-in.js";
import { type LoadTarget, type Measure, measure, type Sample } from "./load.js";
import { fmt, ratio } from "./stats.js";

export type Sender = (target: LoadTarget, index: number) => Promise<Sample>;

export interface Scenario {
  name: string;
  /** The sender of one measure; `offset` counts the submissions consumed so far (each view id is used once). */
  send: (target: LoadTarget, offset: number) => Sender;
  /** Each request consumes a prepared submission: the offset moves past those of the warm-up and the measure. */
  consumes?: boolean;
}

export interface ScenarioResult {
  scenario: string;
  concurrency: number;
  ours: Measure | null;
  floor: Measure | null;
  /** Why there is no measure for Vigie. */
  notBuilt?: string;
  ackRatioP99: number | null;
  answerRatioP99: number | null;
}

export interface ScenarioRun {
  requests: number;
  warmup: number;
  concurrency: readonly number[];
  log: (line: string) => void;
}

/** Is the handler there? `/csi` answers « pas encore disponible » for a sub-command without one. */
async function probe(name: string, target: LoadTarget, send: Sender): Promise<string | undefined> {
  const sample = await send(target, 0);
  if (sample.answerMs === null) return `no answer (${sample.problem ?? "?"})`;
  if (name.startsWith("/csi")) {
    const last = target.slack.callsTo("response_url").at(-1);
    if (last && JSON.stringify(last.params).includes("pas encore disponible")) return "sub-command not built yet";
  }
  return undefined;
}

export async function runScenarios(
  slack: FakeSlack,
  ours: LoadTarget,
  floor: LoadTarget,
  list: readonly Scenario[],
  run: ScenarioRun,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  let offset = 0; // submissions consumed so far
  for (const s of list) {
    const notBuilt = await probe(s.name, ours, s.send(ours, offset++));
    if (notBuilt) run.log(`${s.name}: ${notBuilt} — Vigie not measured`);
    for (const c of run.concurrency) {
      slack.reset();
      // Warm both (JIT, connection pools, caches), then measure the floor and Vigie one after the other.
      const floorSend = s.send(floor, 0);
      await measure(run.warmup, c, (i) => floorSend(floor, i));
      const floorMeasure = await measure(run.requests, c, (i) => floorSend(floor, i));
      let oursMeasure: Measure | null = null;
      if (!notBuilt) {
        const warm = s.send(ours, offset);
        await measure(run.warmup, c, (i) => warm(ours, i));
        if (s.consumes) offset += run.warmup;
        const send = s.send(ours, offset);
        oursMeasure = await measure(run.requests, c, (i) => send(ours, i));
        if (s.consumes) offset += run.requests;
      }
      results.push({
        scenario: s.name,
        concurrency: c,
        ours: oursMeasure,
        floor: floorMeasure,
        ...(notBuilt ? { notBuilt } : {}),
        ackRatioP99: ratio(oursMeasure?.ack.p99, floorMeasure.ack.p99),
        answerRatioP99: ratio(oursMeasure?.answer.p99, floorMeasure.answer.p99),
      });
      run.log(
        `${s.name} ×${c}: ours ack p99 ${fmt(oursMeasure?.ack.p99)} ms, answer p99 ${fmt(oursMeasure?.answer.p99)} ms` +
          ` (${oursMeasure?.failures ?? "-"} failed, ${oursMeasure?.missedAckWindow ?? "-"} not acked within 3 s${oursMeasure?.problems.length ? `: ${oursMeasure.problems.join(" | ")}` : ""});` +
          ` floor ack p99 ${fmt(floorMeasure.ack.p99)} ms, answer p99 ${fmt(floorMeasure.answer.p99)} ms`,
      );
    }
  }
  return results;
}
