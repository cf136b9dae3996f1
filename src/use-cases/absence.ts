// Away mode: `/csi absence …` and its App Home form. Each person declares, shows and ends their own absence.
import type { AppDeps } from "../app/deps.js";
import { type Absence, type AbsenceProblem, coversDay, parseAbsenceCommand } from "../domain/absence.js";
import { localDateOf } from "../domain/due-instants.js";
import type { IsoDate } from "../domain/types.js";

export type AbsenceOutcome =
  | { kind: "shown"; absence: Absence | null; today: IsoDate; standingInFor: Absence[] }
  | { kind: "declared"; absence: Absence; replaced: Absence | null; today: IsoDate }
  | { kind: "ended"; absence: Absence | null; today: IsoDate }
  | { kind: "invalid"; problem: AbsenceProblem };

const todayOf = (deps: AppDeps): IsoDate => localDateOf(deps.now(), deps.config.schedule.timezone);

/** `/csi absence [fin | DÉBUT FIN [@remplaçant]]` for the person typing it. */
export async function runAbsenceCommand(
  deps: AppDeps,
  userId: string,
  args: readonly string[],
): Promise<AbsenceOutcome> {
  const today = todayOf(deps);
  const command = parseAbsenceCommand(args, userId, today);
  switch (command.kind) {
    case "invalid":
      return { kind: "invalid", problem: command.problem };
    case "show":
      return showAbsence(deps, userId);
    case "end":
      return endAbsence(deps, userId);
    case "declare": {
      const { absence, replaced } = await deps.store.absences.declare(
        { userId, startsOn: command.startsOn, endsOn: command.endsOn, standInId: command.standInId, by: userId },
        today,
        deps.now(),
      );
      return { kind: "declared", absence, replaced, today };
    }
  }
}

/** The form of the App Home: the same checks as the command, from its dates and chosen person. */
export function declareAbsence(
  deps: AppDeps,
  userId: string,
  input: { startsOn: IsoDate; endsOn: IsoDate; standInId: string | null },
): Promise<AbsenceOutcome> {
  return runAbsenceCommand(deps, userId, [
    input.startsOn,
    input.endsOn,
    ...(input.standInId ? [`<@${input.standInId}>`] : []),
  ]);
}

export async function showAbsence(deps: AppDeps, userId: string): Promise<AbsenceOutcome> {
  const today = todayOf(deps);
  const [absence, active] = await Promise.all([
    deps.store.absences.currentOrNext(userId, today),
    deps.store.absences.listActiveOn(today),
  ]);
  const standingInFor = active.filter((a) => a.standInId === userId && coversDay(a, today));
  return { kind: "shown", absence, today, standingInFor };
}

/** The people away today whose stand-in is `userId`: they may report progress on their commitments. */
export async function standingInFor(
  deps: Pick<AppDeps, "store" | "now" | "config">,
  userId: string,
): Promise<string[]> {
  const today = localDateOf(deps.now(), deps.config.schedule.timezone);
  return (await deps.store.absences.listActiveOn(today)).filter((a) => a.standInId === userId).map((a) => a.userId);
}

export async function endAbsence(deps: AppDeps, userId: string): Promise<AbsenceOutcome> {
  const today = todayOf(deps);
  return { kind: "ended", absence: await deps.store.absences.end(userId, userId, today, deps.now()), today };
}
