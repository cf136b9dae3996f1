// The bounds of a date field: the contract's years, give or take a margin (domain/bounds.ts). Pure.
import { DATE_MARGIN_YEARS, type DateWindow } from "../../domain/bounds.js";
import type { Locale } from "../../domain/types.js";
import { tr } from "./locale.js";

/** « Choisissez une date entre 2020 et 2031 (…) ». */
export const dateWindowText = (w: DateWindow, locale: Locale): string =>
  tr(
    locale,
    `Choisissez une date entre ${w.from.slice(0, 4)} et ${w.to.slice(0, 4)} (années du contrat, à ${DATE_MARGIN_YEARS} ans près).`,
    `Choose a date between ${w.from.slice(0, 4)} and ${w.to.slice(0, 4)} (the contract's years, give or take ${DATE_MARGIN_YEARS}).`,
  );

/** A date field left empty. */
export const chooseDateText = (locale: Locale): string => tr(locale, "Choisissez une date.", "Choose a date.");
