// A date written inside a sentence (« … d'ici le 15 mars 2027 », « (30/06/2027) »): what a meeting's decision
// gives its milestone. Pure; luxon says whether the day exists.
import { DateTime } from "luxon";
import type { IsoDate } from "./types.js";

type DateInText =
  | { ok: true; date: IsoDate /** The sentence without the date and its lead-in (« d'ici le »…). */; rest: string }
  | { ok: false /** The date as typed, which is no day of the calendar (« 31 février 2027 »). */; typed: string };

const MONTHS: Record<string, number> = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};
const LEAD = String.raw`(?:(?:d'ici\s+(?:le\s+|au\s+)?|d’ici\s+(?:le\s+|au\s+)?|avant\s+le\s+|pour\s+le\s+|au\s+plus\s+tard\s+le\s+|le\s+|au\s+|[ée]ch[ée]ance\s*:?\s*)?)`;
const WORDS = String.raw`(\d{1,2})(?:er)?\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s+(\d{4})`;
const DMY = String.raw`(\d{1,2})[/.](\d{1,2})[/.](\d{4})`;
const YMD = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`;
const DATE = new RegExp(String.raw`[\s,;–—-]*\(?\s*${LEAD}(?<date>${WORDS}|${DMY}|${YMD})\s*\)?`, "iu");

const strip = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The first date in `text`, with the text without it; null when there is none. */
export function findDateInText(text: string): DateInText | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const whole = m[0];
  // m[1] is the whole date (named group « date »), then each form's day, month and year.
  const [wd, wm, wy, nd, nm, ny, iy, im, id] = m.slice(2);
  const parts =
    wd !== undefined
      ? { day: Number(wd), month: MONTHS[strip(wm ?? "")] ?? 0, year: Number(wy) }
      : nd !== undefined
        ? { day: Number(nd), month: Number(nm), year: Number(ny) }
        : { day: Number(id), month: Number(im), year: Number(iy) };
  const day = DateTime.fromObject(parts, { zone: "utc" });
  const typed = m.groups?.date ?? whole.trim();
  if (!day.isValid) return { ok: false, typed };
  const rest = `${text.slice(0, m.index)} ${text.slice(m.index + whole.length)}`
    .replace(/\s+/g, " ")
    .replace(/ ([.,])/g, "$1")
    .replace(/[\s,;:–—-]+$/u, "")
    .trim();
  return { ok: true, date: day.toISODate() ?? "", rest };
}
