// Readers of an audit entry's details (a JSON object whose shape depends on the action and on the version that
// wrote it): a field read with the wrong type is absent, never an error. Pure.

/** The details as an object ({} when they are not one). */
export const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
/** A non-empty string, or null. */
export const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
/** The strings of an array (others dropped), or []. */
export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
