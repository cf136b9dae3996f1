import type { Locale } from "./types.js";

/** Picks the French or English wording; French is the default language of Vigie. */
export const tr = (locale: Locale, fr: string, en: string): string => (locale === "en" ? en : fr);
