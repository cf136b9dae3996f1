// The decisions recorded after a meeting: one per line. A line may end with a marker that turns it
// into a milestone of an existing commitment or into a new commitment:
//   Renforcer les patrouilles rue de la gare → jalon ETAT-08 : patrouilles renforcées
//   → nouvel engagement VILLE : étendre la vidéoprotection au quartier des Hauts-de-Chambéry
// `->` and `=>` work as well as `→`; English: `-> milestone ETAT-08: …`, `-> new commitment VILLE: …`.
import { type DateWindow, dateWindowError, withinWindow } from "./bounds.js";
import { confidentialityError, findPersonalData } from "./confidentiality.js";
import { findDateInText } from "./date-in-text.js";
import { tr } from "./locale.js";
import { findRef } from "./refs.js";
import type { IsoDate, Locale } from "./types.js";

const MAX_DECISION = 500;
const MAX_DECISIONS = 50;

export type DecisionInput =
  | { outcome: "NOTE"; text: string }
  /** A date written in the line (« d'ici le 15 mars 2027 ») becomes the milestone's due date. */
  | { outcome: "MILESTONE"; text: string; ref: string; title: string; dueOn: IsoDate | null }
  | { outcome: "COMMITMENT"; text: string; party: string; title: string };

interface DecisionsContext {
  locale: Locale;
  refs: readonly string[];
  parties: readonly string[];
  /** The contract's years: a milestone's date outside them is refused. */
  dateWindow?: DateWindow;
}

type DecisionsResult = { ok: true; decisions: DecisionInput[] } | { ok: false; error: string };

const ARROW = "(?:→|->|=>)";
const MILESTONE = new RegExp(String.raw`${ARROW}\s*(?:jalon|milestone)\s+([^\s:]+)\s*:?\s*(.*)$`, "iu");
const COMMITMENT = new RegExp(
  String.raw`${ARROW}\s*(?:nouvel\s+engagement|nouveau|new\s+commitment)\s+([^\s:]+)\s*:?\s*(.*)$`,
  "iu",
);
const BULLET = /^\s*(?:[-•*]|\d+[.)])\s+/u;

export function parseDecisions(text: string | null, ctx: DecisionsContext): DecisionsResult {
  const { locale } = ctx;
  const decisions: DecisionInput[] = [];
  const problems: string[] = [];
  (text ?? "").split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.replace(BULLET, "").trim();
    if (line === "") return;
    const say = (fr: string, en: string) => problems.push(tr(locale, `ligne ${i + 1} : ${fr}`, `line ${i + 1}: ${en}`));
    if (line.length > MAX_DECISION)
      return say(`${MAX_DECISION} caractères au plus par décision`, `${MAX_DECISION} characters at most per decision`);
    const personal = confidentialityError(findPersonalData(line), locale);
    if (personal) return say(personal, personal);
    const milestone = MILESTONE.exec(line);
    if (milestone) {
      const [whole, typedRef = "", after = ""] = milestone;
      const before = line.slice(0, line.length - whole.length).trim();
      const title = (after.trim() || before).slice(0, MAX_DECISION);
      const match = findRef(typedRef, ctx.refs);
      if (!match.exact) {
        const hint = match.suggestions.length
          ? tr(
              locale,
              ` (vouliez-vous dire ${match.suggestions.join(", ")} ?)`,
              ` (did you mean ${match.suggestions.join(", ")}?)`,
            )
          : "";
        return say(
          `l'engagement « ${typedRef.slice(0, 20)} » n'existe pas${hint}`,
          `commitment "${typedRef.slice(0, 20)}" does not exist${hint}`,
        );
      }
      if (title === "") return say("indiquez le jalon après « : »", "write the milestone after “:”");
      // The date may be in the milestone's words or earlier in the line; it leaves the title.
      const inTitle = findDateInText(title);
      const found = inTitle ?? findDateInText(before);
      if (found && !found.ok)
        return say(
          `la date « ${found.typed.slice(0, 40)} » n'existe pas au calendrier`,
          `the date "${found.typed.slice(0, 40)}" is not a day of the calendar`,
        );
      if (found && !withinWindow(found.date, ctx.dateWindow) && ctx.dateWindow) {
        const why = dateWindowError(ctx.dateWindow, locale);
        return say(why, why);
      }
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
      if (!party)
        return say(
          `partie « ${typedParty.slice(0, 20)} » inconnue (${ctx.parties.join(", ")})`,
          `unknown party "${typedParty.slice(0, 20)}" (${ctx.parties.join(", ")})`,
        );
      if (title.length < 3)
        return say("indiquez le titre du nouvel engagement après « : »", "write the new commitment's title after “:”");
      decisions.push({ outcome: "COMMITMENT", text: line, party, title });
      return;
    }
    decisions.push({ outcome: "NOTE", text: line });
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join(" ; ");
    const more =
      problems.length > 3
        ? tr(locale, ` (et ${problems.length - 3} autres erreurs)`, ` (and ${problems.length - 3} more errors)`)
        : "";
    return { ok: false, error: `${shown}${more}`.slice(0, 1900) };
  }
  if (decisions.length === 0)
    return {
      ok: false,
      error: tr(
        locale,
        "Saisissez au moins une décision (une par ligne).",
        "Type at least one decision (one per line).",
      ),
    };
  if (decisions.length > MAX_DECISIONS) {
    return {
      ok: false,
      error: tr(
        locale,
        `${MAX_DECISIONS} décisions au plus par envoi.`,
        `At most ${MAX_DECISIONS} decisions at a time.`,
      ),
    };
  }
  return { ok: true, decisions };
}
