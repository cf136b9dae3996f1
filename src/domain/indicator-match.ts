// Which line of a typed list of indicators is which stored indicator, so that the values recorded against it stay.
import type { IndicatorInput } from "./commitment-input.js";
import { normalizeText } from "./text.js";

interface IndicatorPlan<T> {
  lines: { input: T; existingId: string | null }[];
  removed: { id: string; label: string }[];
}

/**
 * Which typed line is which existing indicator: same label first (accents and case aside), then the
 * same position for a renamed one. Keeping the id keeps the values recorded against it.
 */
export function matchIndicators<T extends Pick<IndicatorInput, "label">>(
  existing: readonly { id: string; label: string }[],
  typed: readonly T[],
): IndicatorPlan<T> {
  const used = new Set<string>();
  const ids: (string | null)[] = typed.map((line) => {
    const hit = existing.find((e) => !used.has(e.id) && normalizeText(e.label) === normalizeText(line.label));
    if (hit) used.add(hit.id);
    return hit?.id ?? null;
  });
  typed.forEach((_, i) => {
    const atSamePlace = existing[i];
    if (ids[i] === null && atSamePlace && !used.has(atSamePlace.id)) {
      used.add(atSamePlace.id);
      ids[i] = atSamePlace.id;
    }
  });
  return {
    lines: typed.map((input, i) => ({ input, existingId: ids[i] ?? null })),
    removed: existing.filter((e) => !used.has(e.id)).map((e) => ({ id: e.id, label: e.label })),
  };
}
