import type { IsoDate } from "../domain/types.js";

// Prisma gives DATE columns as JS Dates at UTC midnight; the domain speaks in YYYY-MM-DD.
export const toIsoDate = (d: Date): IsoDate => d.toISOString().slice(0, 10);
export const toIsoDateOrNull = (d: Date | null | undefined): IsoDate | null => (d ? toIsoDate(d) : null);
export const fromIsoDate = (s: IsoDate): Date => new Date(`${s}T00:00:00.000Z`);
export const fromIsoDateOrNull = (s: IsoDate | null | undefined): Date | null => (s ? fromIsoDate(s) : null);
