// The decisions recorded after a meeting: one per line. A line may end with a marker that turns it
// into a milestone of an existing commitment or into a new commitment:
//   Renforcer les patrouilles rue de la gare → jalon ETAT-08 : patrouilles renforcées
//   → nouvel engagement VILLE : étendre la vidéoprotection au quartier des Hauts-de-Chambéry
// `->` and `=>` work as well as `→`; English: `-> milestone ETAT-08: …`, `-> new commitment VILLE: …`.
import { type DateWindow, withinWindow } from "./bounds.js";
import { findPersonalData } from "./confidentiality.js";
import { findDateInText } from "./date-in-text.js";
import type { DecisionLineProblem, Problem } from "./problems.js";
import { findRef } from "./refs.js";
import type { IsoDate } from "./types.js";

const MAX_DECISION = 500;
const MAX_DECISIONS = 50;

export type DecisionInput =
  | { outcome: "NOTE"; text: string }
  /** A date written in the line (« d'ici le 15 mars 2027 ») becomes the milestone's due date. */
  | { outcome: "MILESTONE"; text: string; ref: string; title: string; dueOn: IsoDate | null }
  | { outcome: "COMMITMENT"; text: string; party: string; title: string };

interface DecisionsContext {
  refs: readonly string[];
  parties: readonly string[];
  /** The contract's years: a milestone's date outside them is refused. */
  dateWindow?: DateWindow;
}

type DecisionsResult = { ok: true; decisions: DecisionInput[] } | { ok: false; error: Problem };

const ARROW = "(?:→|->|=>)";
const MILESTONE = new RegExp(String.raw`${ARROW}\s*(?:jalon|milestone)\s+([^\s:]+)\s*:?\s*(.*)$`, "iu");
const COMMITMENT = new RegExp(
  String.raw`${ARROW}\s*(?:nouvel\s+engagement|nouveau|new\s+commitment)\s+([^\s:]+)\s*:?\s*(.*)$`,
  "iu",
);
const BULLET = /^\s*(?:[-•*]|\d+[.)])\s+/u;

export function parseDecisions(text: string | null, ctx: DecisionsContext): DecisionsResult {
  const decisions: DecisionInput[] = [];
  const problems: { line: number; problem: DecisionLineProblem }[] = [];
  (text ?? "").split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.replace(BULLET, "").trim();
    if (line === "") return;
    const say = (problem: DecisionLineProblem) => void problems.push({ line: i + 1, problem });
    if (line.length > MAX_DECISION) return say({ code: "decision-too-long", max: MAX_DECISION });
    const findings = findPersonalData(line);
    if (findings.length > 0) return say({ code: "personal-data", findings });
    const milestone = MILESTONE.exec(line);
    if (milestone) {
      const [whole, typedRef = "", after = ""] = milestone;
      const before = line.slice(0, line.length - whole.length).trim();
      const title = (after.trim() || before).slice(0, MAX_DECISION);
      const match = findRef(typedRef, ctx.refs);
      if (!match.exact) return say({ code: "unknown-ref", typed: typedRef, suggestions: [...match.suggestions] });
      if (title === "") return say({ code: "milestone-missing" });
      // The date may be in the milestone's words or earlier in the line; it leaves the title.
      const inTitle = findDateInText(title);
      const found = inTitle ?? findDateInText(before);
      if (found && !found.ok) return say({ code: "date-not-a-day", typed: found.typed });
      if (found && !withinWindow(found.date, ctx.dateWindow) && ctx.dateWindow)
        return say({ code: "date-outside-contract", window: ctx.dateWindow });
      const shownTitle = inTitle?.ok && inTitle.rest !== "" ? inTitle.rest : title;
      decisions.push({
        outcome: "MILESTONE",
        text: line,
        ref: match.exact,
        title: shownTitle,
        dueOn: found?.ok ? found.date : null,
      });
      return;
    }
    const commitment = COMMITMENT.exec(line);
    if (commitment) {
      const [whole, typedParty = "", after = ""] = commitment;
      const before = line.slice(0, line.length - whole.length).trim();
      const title = (after.trim() || before).slice(0, 300);
      const party = ctx.parties.find((p) => p.toLowerCase() === typedParty.toLowerCase());
      if (!party) return say({ code: "unknown-party", typed: typedParty, parties: [...ctx.parties] });
      if (title.length < 3) return say({ code: "new-title-missing" });
      decisions.push({ outcome: "COMMITMENT", text: line, party, title });
      return;
    }
    decisions.push({ outcome: "NOTE", text: line });
  });
  if (problems.length > 0) return { ok: false, error: { code: "decision-lines", lines: problems } };
  if (decisions.length === 0) return { ok: false, error: { code: "no-decision" } };
  if (decisions.length > MAX_DECISIONS) return { ok: false, error: { code: "too-many-decisions", max: MAX_DECISIONS } };
  return { ok: true, decisions };
}
