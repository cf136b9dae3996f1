// The documented bounds of what Vigie accepts in its forms (README, « Données saisies : limites »). A value
// outside is refused next to its field, with the bound said, never cut or stored as typed.
import type { IsoDate } from "./types.js";

/** Indicator figures (baseline, target, measured values): aggregates, within ± 10^12. */
export const INDICATOR_LIMIT = 1e12;
/** An indicator's unit and label, in characters (the forms say so in their hint). */
export const MAX_UNIT = 40;
export const MAX_INDICATOR_LABEL = 200;
/** Dates (due dates, next steps, meetings) within the contract's years, this many years on each side. */
export const DATE_MARGIN_YEARS = 5;

export interface DateWindow {
  from: IsoDate;
  to: IsoDate;
}

/** 1 January of (signature year − margin) to 31 December of (end year + margin). */
export function contractDateWindow(c: { signedOn: IsoDate; endsOn: IsoDate }): DateWindow {
  const year = (d: IsoDate) => Number(d.slice(0, 4));
  return {
    from: `${String(year(c.signedOn) - DATE_MARGIN_YEARS).padStart(4, "0")}-01-01`,
    to: `${String(year(c.endsOn) + DATE_MARGIN_YEARS).padStart(4, "0")}-12-31`,
  };
}

export const withinWindow = (d: IsoDate, w: DateWindow | undefined): boolean => !w || (d >= w.from && d <= w.to);

export const indicatorInBounds = (n: number): boolean => Number.isFinite(n) && Math.abs(n) <= INDICATOR_LIMIT;
